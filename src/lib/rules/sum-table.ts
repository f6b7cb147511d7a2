import { addInt, intOrZero, kotlinList, kotlinPair } from "./kotlin-values.ts";

/** One sum a sum table checks: the fields added up and the field that holds their sum. */
export interface SumCheck {
  items: readonly string[];
  sum: string;
}

/**
 * The sums a table of fields checks, in the order SSB's `validateMatrix` (Famvern55Utils) checks
 * them: each row, top to bottom (the last field of a row is its sum), then, when the table has more
 * than one row, each column, left to right (the last row holds the columns' sums).
 */
export function sumChecks(rows: readonly (readonly string[])[]): SumCheck[] {
  const checks: SumCheck[] = rows.map((row) => ({ items: row.slice(0, -1), sum: row[row.length - 1] }));
  if (rows.length > 1) {
    for (let c = 0; c < rows[0].length; c++) {
      const column = rows.map((row) => row[c]);
      checks.push({ items: column.slice(0, -1), sum: column[column.length - 1] });
    }
  }
  return checks;
}

/** The placeholders a sum table fills, by SSB's names in `ValidateMatrixRule`. */
export const SUM_TABLE_PLACEHOLDERS = ["sumItem.first", "sumItem.second", "itemListSum", "itemList"] as const;

/**
 * The rows and columns of one record occurrence that do not add up, each as the values its message
 * is filled with, as SSB writes them: `sumItem.first` the sum field's name, `sumItem.second` its
 * value, `itemListSum` the sum of the other fields, `itemList` those fields with their values
 * (`[(A, 1), (B, 0)]`). Blank or invalid counts as 0 (`intOrZero`). A field the occurrence does not
 * have is an error, thrown.
 */
export function sumTableFailures(checks: readonly SumCheck[], occurrence: Record<string, unknown>): Record<string, string>[] {
  const failures: Record<string, string>[] = [];
  for (const check of checks) {
    let total = 0;
    for (const item of check.items) total = addInt(total, fieldInt(occurrence, item));
    const sum = fieldInt(occurrence, check.sum);
    if (total === sum) continue;
    failures.push({
      "sumItem.first": check.sum,
      "sumItem.second": String(sum),
      itemListSum: String(total),
      itemList: kotlinList(check.items.map((item) => kotlinPair(item, fieldInt(occurrence, item)))),
    });
  }
  return failures;
}

/** A field of the occurrence as SSB reads a number (`intOrZero`); a field it does not have is an error, thrown. */
function fieldInt(occurrence: Record<string, unknown>, field: string): number {
  const text = occurrence[field];
  if (typeof text !== "string") throw new Error(`no field ${field} to add up`);
  return intOrZero(text);
}
