import type { Formula } from "../schema/index.ts";

/**
 * The formula as MathML, rendered natively by browsers and read by screen readers; A and B are
 * explained beside it on the page.
 */
export function formulaToMathML(formula: Formula, label: string): string {
  const ratio = formula.denominator ? "<mfrac><mi>A</mi><mi>B</mi></mfrac>" : "<mi>A</mi>";
  const times = formula.multiplier !== 1 ? `<mo>×</mo><mn>${formula.multiplier}</mn>` : "";
  return `<math display="block" aria-label="${escapeXml(label)}"><mrow>${ratio}${times}</mrow></math>`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
