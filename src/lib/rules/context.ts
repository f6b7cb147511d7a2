import type { FormVersion, Lookup, Table, TableRow } from "../schema/index.ts";

type Cells = Record<string, Record<string, unknown>>;

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : 0);
// Sums are rounded to the decimals the table allows, so 0.1 + 0.2 compares equal to 0.3.
const round = (v: number, decimals = 6) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Whether the form asks for a row's cell in a column: not where the row `omit`s the column. */
export const cellAsked = (row: Pick<TableRow, "omit">, columnId: string) => !row.omit?.includes(columnId);

/**
 * Fills a table's sum column and sum row from the other cells, as the form portal does. A cell the
 * form does not ask for (a row's `omit`) is left out: not summed, and not given, even where the
 * input has a value for it.
 */
export function withSums(table: Table, cells: Cells = {}): Cells {
  const sumCol = table.columns.find((c) => c.sum)?.id;
  const sumRow = table.rows.find((r) => r.sum);
  const out: Cells = {};
  for (const row of table.rows) {
    out[row.id] = Object.fromEntries(Object.entries(cells[row.id] ?? {}).filter(([c]) => cellAsked(row, c)));
    if (sumCol && cellAsked(row, sumCol)) out[row.id][sumCol] = round(table.columns.filter((c) => !c.sum && cellAsked(row, c.id)).reduce((s, c) => s + num(cells[row.id]?.[c.id]), 0), table.decimals);
  }
  if (sumRow) {
    for (const col of table.columns) {
      if (cellAsked(sumRow, col.id)) out[sumRow.id][col.id] = round(table.rows.filter((r) => !r.sum && cellAsked(r, col.id)).reduce((s, r) => s + num(out[r.id][col.id]), 0), table.decimals);
    }
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

/** A code of a field's own code list, as `kodelister` gives it to CEL. */
export type FieldCode = { code: string; label: string };

const codeListsOf = new WeakMap<object, Record<string, FieldCode[]>>();

/**
 * `kodelister`: the own code list of every record field that has one, by `<record id>.<field name>`
 * (`kodelister["52af.KONTAKT_TIDL_A"]`), each code with its label, in the source's order. What SSB's
 * rules write as a field definition's `codeList` (`{codeList}` in a message) is made from it.
 */
export function codeListVariables(version: Pick<FormVersion, "records">): { kodelister: Record<string, FieldCode[]> } {
  const records = version.records ?? [];
  let lists = codeListsOf.get(records);
  if (!lists) {
    lists = {};
    for (const r of records) for (const f of r.fields) if (f.codes?.length) lists[`${r.id}.${f.name}`] = f.codes.map((c) => ({ code: c.code, label: c.label }));
    codeListsOf.set(records, lists);
  }
  return { kodelister: lists };
}

/** A code and its parent, as a codelist version lists them. */
export type CodeLink = { code: string; parent?: string };

/** A line of a fixed-width file: field name → the columns' text exactly as the file writes them. */
export type FixedWidthLine = Record<string, string>;

/**
 * The rows of a codelist hierarchy as a lookup variable gives them: one row per code at the
 * deepest level, each a map from level name to the code at that level (`{ region, fylke, kontor }`).
 * A code whose chain of parents is shorter or longer than `levels` gives no row.
 */
export function lookupRows(lookup: Lookup, codes: readonly CodeLink[]): Record<string, string>[] {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const depth = (c: CodeLink): number => (c.parent === undefined ? 1 : 1 + depth(byCode.get(c.parent) ?? { code: c.parent, parent: undefined }));
  const rows: Record<string, string>[] = [];
  for (const c of codes) {
    if (depth(c) !== lookup.levels.length) continue;
    const row: Record<string, string> = {};
    let at: CodeLink | undefined = c;
    for (let i = lookup.levels.length - 1; i >= 0 && at; i--) {
      row[lookup.levels[i]] = at.code;
      at = at.parent === undefined ? undefined : byCode.get(at.parent);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * The lookup variables of a form version (`lookups`: `koblinger` for the familievern extracts),
 * the same in every reporting year of the version: each from the codelist version that starts in
 * the lookup's `year`. `codelistCodes(id, year)` gives that version's codes (undefined when there
 * is none: the variable is then absent and a control that reads it ends in an error).
 * @see docs/forms-and-controls.md, «The CEL variables of a fixed-width file extract»
 */
export function lookupVariables(
  version: Pick<FormVersion, "lookups">,
  codelistCodes: (codelist: string, year: number) => readonly CodeLink[] | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const lookup of version.lookups ?? []) {
    const codes = codelistCodes(lookup.codelist, lookup.year);
    if (codes) out[lookup.variable] = lookupRows(lookup, codes);
  }
  return out;
}

/**
 * The CEL variables of a fixed-width file extract for one control: with `scope`, `line` is the
 * line checked, given as `linje` and as `<record id>`; without, `lines` is the whole file, given as
 * `linjer` and as `<record id>` (a record id such as `52af` is no CEL identifier, so controls of
 * those forms read `linje`/`linjer`). `rapporteringsar` is the reporting year (a CEL int), and
 * `derived` the version's lookup variables (`lookupVariables`) and any portal values (`preutfylt`).
 */
export function fixedWidthContext(
  recordId: string,
  year: number,
  data: { line: FixedWidthLine } | { lines: readonly FixedWidthLine[] },
  derived: Record<string, unknown> = {},
): Record<string, unknown> {
  const value = "line" in data ? data.line : data.lines;
  return fileExtractContext({ rapporteringsar: year, ...derived, [recordId]: value, ["line" in data ? "linje" : "linjer"]: value });
}
