import type { PathSegment } from "../findings/finding.ts";

/** Where a text sits: the segment that leads to it from its parent. Paths are built only when asked. */
export interface Step {
  parent: Step | undefined;
  segment: PathSegment;
}

/** The path from the root to a step. */
export const pathOf = (step: Step | undefined): PathSegment[] => {
  const path: PathSegment[] = [];
  for (let s = step; s; s = s.parent) path.push(s.segment);
  return path.reverse();
};

/**
 * Calls `visit` with every key and every scalar of a parsed file as text (numbers too: `15038510190`
 * unquoted is a number in YAML) and where it sits (for a key: its entry). Iterative, so deep nesting
 * cannot overflow the stack; a callback with no path made per text, since a large content root holds
 * millions of texts and only the few a finding is about need one.
 */
export function visitTexts(data: unknown, visit: (text: string, isKey: boolean, at: Step | undefined) => void): void {
  const values: unknown[] = [data];
  const steps: (Step | undefined)[] = [undefined];
  while (values.length) {
    const value = values.pop();
    const at = steps.pop();
    if (typeof value === "string") visit(value, false, at);
    else if (typeof value === "number" || typeof value === "bigint") visit(String(value), false, at);
    else if (value instanceof Date) visit(value.toISOString(), false, at);
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        values.push(value[i]);
        steps.push({ parent: at, segment: i });
      }
    } else if (value && typeof value === "object") {
      for (const key in value) {
        const entry: Step = { parent: at, segment: key };
        visit(key, true, entry);
        values.push((value as Record<string, unknown>)[key]);
        steps.push(entry);
      }
    }
  }
}
