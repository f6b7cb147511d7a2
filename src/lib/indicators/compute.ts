import type { Formula, Indicator } from "../schema/index.ts";

export type IndicatorResult =
  | { kind: "value"; value: number }
  | { kind: "suppressed"; quantity: "A" | "B"; count: number; max: number }
  | { kind: "invalid"; reason: string };

/**
 * Computes A / B × multiplier. When a count used (a quantity marked `isCount`) is at or below the
 * suppression limit, the result is "suppressed", never a number: the practice of SSB and Bufdir
 * («tre eller færre vises ikke»).
 */
export function computeIndicator(formula: Formula, inputs: { A?: number; B?: number }, suppression?: Indicator["suppression"]): IndicatorResult {
  const { A, B } = inputs;
  const finite = (v: number | undefined): v is number => typeof v === "number" && Number.isFinite(v);
  if (!finite(A)) return { kind: "invalid", reason: "A mangler" };
  if (formula.denominator && !finite(B)) return { kind: "invalid", reason: "B mangler" };
  if (A < 0 || (finite(B) && B < 0)) return { kind: "invalid", reason: "A og B kan ikke være negative" };
  if (suppression) {
    const max = suppression.maxSuppressedCount;
    if (formula.numerator.isCount && A <= max) return { kind: "suppressed", quantity: "A", count: A, max };
    if (formula.denominator?.isCount && finite(B) && B <= max) return { kind: "suppressed", quantity: "B", count: B, max };
  }
  if (!formula.denominator) return { kind: "value", value: A * formula.multiplier };
  if (B === 0) return { kind: "invalid", reason: "B er 0: kan ikke dele på null" };
  return { kind: "value", value: (A / B!) * formula.multiplier };
}

/** The definition in force in a reporting year (the latest version from that year or before). */
export function indicatorVersionAt(indicator: Indicator, year: number) {
  let found: NonNullable<Indicator["versions"]>[number] | undefined;
  for (const v of indicator.versions ?? []) if (v.from <= year) found = v;
  return found;
}

/** The newest definition. */
export const currentVersion = (indicator: Indicator) => indicator.versions?.at(-1);

/** A result as Norwegian text: "12,3", or why nothing is shown. */
export function formatResult(result: IndicatorResult, decimals = 1): string {
  switch (result.kind) {
    case "value":
      return result.value.toLocaleString("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    case "suppressed":
      return `Prikket: ${result.quantity} er ${result.count}, og tall på ${result.max} eller færre vises ikke`;
    case "invalid":
      return result.reason;
  }
}
