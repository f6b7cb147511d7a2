import type { FormVersion, Table } from "../schema/index.ts";

type Cells = Record<string, Record<string, unknown>>;

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : 0);
// Sums are rounded to the decimals the table allows, so 0.1 + 0.2 compares equal to 0.3.
const round = (v: number, decimals = 6) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Fills a table's sum column and sum row from the other cells, as the form portal does. */
export function withSums(table: Table, cells: Cells = {}): Cells {
  const sumCol = table.columns.find((c) => c.sum)?.id;
  const sumRow = table.rows.find((r) => r.sum)?.id;
  const out: Cells = {};
  for (const row of table.rows) {
    out[row.id] = { ...(cells[row.id] ?? {}) };
    if (sumCol) out[row.id][sumCol] = round(table.columns.filter((c) => !c.sum).reduce((s, c) => s + num(cells[row.id]?.[c.id]), 0), table.decimals);
  }
  if (sumRow) {
    for (const col of table.columns) out[sumRow][col.id] = round(table.rows.filter((r) => !r.sum).reduce((s, r) => s + num(out[r.id][col.id]), 0), table.decimals);
  }
  return out;
}

/**
 * The CEL variables of a questionnaire: `field` (field id → value), `table` (table id → row id →
 * column id → number, sums filled in) and `year` (the reporting year).
 */
export function questionnaireContext(version: FormVersion, year: number, input: Record<string, unknown>): Record<string, unknown> {
  const tables = (input.table ?? {}) as Record<string, Cells>;
  const table: Record<string, Cells> = { ...tables };
  for (const section of version.sections ?? []) for (const t of section.tables ?? []) table[t.id] = withSums(t, tables[t.id]);
  return { year, ...input, field: input.field ?? {}, table };
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * The CEL variables of a file extract: the record occurrences the test or file gives (`individ`,
 * `melding`, …) plus the reporting variables of the control specification, derived from
 * `rapporteringsar` where not given: `telledato`, `forrigeTelledato`, `minimumsdato`, `maksimumsdato`
 * (dates as `YYYY-MM-DD` text, which compares in date order).
 */
export function fileExtractContext(input: Record<string, unknown>): Record<string, unknown> {
  const year = typeof input.rapporteringsar === "number" ? input.rapporteringsar : undefined;
  if (year === undefined) return input;
  return {
    telledato: iso(year, 12, 31),
    forrigeTelledato: iso(year - 1, 12, 31),
    minimumsdato: iso(year - 25, 1, 1),
    maksimumsdato: iso(year + 25, 12, 31),
    ...input,
    // A CEL int, so that int(avgiver.Versjon) == rapporteringsar and string(rapporteringsar) == "2024".
    rapporteringsar: BigInt(year),
  };
}
