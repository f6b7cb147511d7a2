import { redactNationalIds } from "../guard/redact.ts";
import { escapeForTerminal } from "../guard/clean-text.ts";

/** A problem found in content. Findings are values: collected, then reported together. */
export interface Finding {
  severity: "error" | "warning";
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line and column; 1:1 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** Dotted path of the field concerned (`codes.3.name.nb`), when there is one. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What would be right. */
  expected?: string;
}

export type PathSegment = string | number;

export function fieldPath(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join(".") : undefined;
}

/**
 * A finding as it may be shown: every national identity number in any of its texts (a file name,
 * an id or a value quoted in the message) replaced. JSON output and `formatFinding` both use it.
 */
export function publicFinding(f: Finding): Finding {
  const shown: Finding = { ...f, file: redactNationalIds(f.file), message: redactNationalIds(f.message) };
  if (f.field !== undefined) shown.field = redactNationalIds(f.field);
  if (f.expected !== undefined) shown.expected = redactNationalIds(f.expected);
  return shown;
}

/**
 * `file:line:column: error: field: message (expected …)` — the format editors and tools read; with
 * numbers hidden and control characters escaped, so a file name cannot act on the terminal.
 */
export function formatFinding(finding: Finding): string {
  const f = publicFinding(finding);
  const where = `${f.file}:${f.line}:${f.column}`;
  const field = f.field ? `${f.field}: ` : "";
  const expected = f.expected ? ` (expected ${f.expected})` : "";
  return escapeForTerminal(`${where}: ${f.severity}: ${field}${f.message}${expected}`);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}
