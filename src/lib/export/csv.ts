import { stringify } from "csv-stringify/sync";
import type { Code } from "../schema/index.ts";

const COLUMNS = ["code", "parentCode", "name", "nameNn", "nameEn", "shortName", "notes", "status", "withdrawnFrom", "selectable", "group"] as const;

const rows = (codes: readonly Code[]) =>
  codes.map((c) => [c.code, c.parent ?? "", c.name.nb, c.name.nn ?? "", c.name.en ?? "", c.shortName ?? "", c.notes ?? "", c.status ?? "active", c.withdrawnFrom ?? "", c.selectable === false ? "false" : "true", c.group ?? ""]);

/** RFC 4180 CSV: UTF-8, comma, CRLF, quotes where needed, a header row. For programs. */
export function codesToCsv(codes: readonly Code[]): string {
  return stringify([[...COLUMNS], ...rows(codes)], { record_delimiter: "\r\n", quoted_match: /^[\s]|[\s]$/ });
}

/** The same for Norwegian Excel: semicolon separated with a byte-order mark, so æøå and commas survive a double click. */
export function codesToExcelCsv(codes: readonly Code[]): string {
  return "\uFEFF" + stringify([[...COLUMNS], ...rows(codes)], { delimiter: ";", record_delimiter: "\r\n", quoted_match: /^[\s]|[\s]$/ });
}
