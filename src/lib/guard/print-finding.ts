import type { Finding } from "../findings/finding.ts";
import { escapeForTerminal } from "./clean-text.ts";
import { redactNationalIds } from "./redact.ts";

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
