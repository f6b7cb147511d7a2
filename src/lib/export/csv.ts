import { stringify } from "csv-stringify/sync";
import type { Code } from "../schema/index.ts";

/** The CSV's columns, in order; the spreadsheet (xlsx.ts) has the same columns under Norwegian headings. */
export const CSV_COLUMNS = ["code", "parentCode", "name", "nameNn", "nameEn", "shortName", "notes", "status", "withdrawnFrom", "selectable", "group"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Fields csv-stringify would otherwise leave unquoted: leading or trailing white space, and any CR
 * or LF. With `record_delimiter: "\r\n"` it quotes only fields holding the whole CRLF, so a note
 * with a plain line break came out bare, and every strict parser (RFC 4180: TEXTDATA holds no CR or
 * LF) read its lines as records of their own. Delimiter and quote are quoted by csv-stringify itself.
 */
const QUOTED = [/^\s|\s$/, /[\r\n]/];

const rows = (codes: readonly Code[]) =>
  codes.map((c) => [c.code, c.parent ?? "", c.name.nb, c.name.nn ?? "", c.name.en ?? "", c.shortName ?? "", c.notes ?? "", c.status ?? "active", c.withdrawnFrom ?? "", c.selectable === false ? "false" : "true", c.group ?? ""]);

/** RFC 4180 CSV: UTF-8, comma, CRLF, quotes where needed, a header row. For programs. */
export function codesToCsv(codes: readonly Code[]): string {
  return stringify([[...CSV_COLUMNS], ...rows(codes)], { record_delimiter: "\r\n", quoted_match: QUOTED });
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
  return "\uFEFF" + stringify([[...CSV_COLUMNS], ...cells], { delimiter: ";", record_delimiter: "\r\n", quoted_match: [...QUOTED, /^'[=+\-@\t\r]/] });
}
