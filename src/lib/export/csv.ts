import type { Code } from "../schema/index.ts";

/** The CSV's columns, in order; the spreadsheet (xlsx.ts) has the same columns under Norwegian headings. */
export const CSV_COLUMNS = ["code", "parentCode", "name", "nameNn", "nameEn", "shortName", "notes", "status", "withdrawnFrom", "selectable", "group"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Fields written in quotes: those holding the delimiter, a quote, a CR or an LF (RFC 4180: TEXTDATA
 * holds none of them; a note with a plain line break left bare was read by every strict parser as
 * records of its own), and those with white space at either end, which some readers trim. These are
 * the rules csv-stringify 6.9 applied with `quoted_match: [/^\s|\s$/, /[\r\n]/]`, which wrote these
 * files before: the bytes are the same (the 2022 lock holds CSV files).
 */
const QUOTED = /["\r\n]|^\s|\s$/;

/**
 * One CSV file: each record's fields joined by `delimiter`, quoted where `quoted` or `QUOTED` match
 * or the field holds the delimiter, a quote doubled inside quotes; every record ends in CRLF.
 * test/csv-and-spreadsheets.test.ts checks it against csv-stringify on random text; it takes a
 * quarter of csv-stringify's time (docs/performance.md, "The API's formats").
 */
function csvText(records: readonly (readonly (string | number)[])[], delimiter: string, quoted?: RegExp): string {
  const out: string[] = [];
  for (const record of records) {
    for (let i = 0; i < record.length; i++) {
      const field = String(record[i]);
      if (i > 0) out.push(delimiter);
      if (field === "") continue;
      if (QUOTED.test(field) || field.includes(delimiter) || quoted?.test(field)) out.push('"', field.includes('"') ? field.replaceAll('"', '""') : field, '"');
      else out.push(field);
    }
    out.push("\r\n");
  }
  return out.join("");
}

const rows = (codes: readonly Code[]) =>
  codes.map((c) => [c.code, c.parent ?? "", c.name.nb, c.name.nn ?? "", c.name.en ?? "", c.shortName ?? "", c.notes ?? "", c.status ?? "active", c.withdrawnFrom ?? "", c.selectable === false ? "false" : "true", c.group ?? ""]);

/** RFC 4180 CSV: UTF-8, comma, CRLF, quotes where needed, a header row. For programs. */
export function codesToCsv(codes: readonly Code[]): string {
  return csvText([CSV_COLUMNS, ...rows(codes)], ",");
}

/** A plain number, which a spreadsheet reads as a number constant and never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A cell a spreadsheet would read as a formula (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(…)`,
 * `-2+3`) starts with `=`, `+`, `-` or `@`, or with a tab or carriage return before one. Such a cell
 * is written with a single quote in front, and quoted (OWASP, CSV injection): the spreadsheet shows
 * `'=…` as text and runs nothing. A plain number such as the code `-5` is left alone: a spreadsheet
 * reads it as the number -5, not a formula, so there is nothing to neutralise, and it still reads
 * as the code, where `'-5` would not. Anything more than a plain number (`-5+1`, `-1e3`, `+47 22…`)
 * gets the quote. The quote is what a reader sees, so the data differ from the programs' CSV;
 * codesToCsv stays byte-exact.
 */
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * The same for Norwegian Excel: semicolon separated with a byte-order mark, so æøå and commas
 * survive a double click, and no cell can be read as a formula (neutralise).
 */
export function codesToExcelCsv(codes: readonly Code[]): string {
  const cells = rows(codes).map((row) => row.map((cell) => neutralise(String(cell))));
  return "\uFEFF" + csvText([CSV_COLUMNS, ...cells], ";", /^'[=+\-@\t\r]/);
}
