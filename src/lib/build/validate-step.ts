import { validateContent } from "../validate/index.ts";
import { formatFinding, publicFinding } from "../guard/print-finding.ts";
import { redactNationalIds } from "../guard/redact.ts";
import { escapeForTerminal } from "../guard/clean-text.ts";
import type { Registry } from "../model/registry.ts";
import type { Fingerprint } from "../load/fingerprint.ts";
import { recordTiming } from "./timings.ts";

export interface ValidateOptions {
  strict?: boolean;
  format?: string;
}

/**
 * The build's first step, which `kostra validate` runs alone: validates the content root, prints every
 * finding (numbers hidden) and a summary, and hands on the registry it loaded (the build writes its
 * search records and exports from it).
 */
export async function validateAndReport(root: string, options: ValidateOptions = {}): Promise<{ code: number; registry: Registry; fingerprint: Fingerprint; allowed: ReadonlySet<string> }> {
  const started = performance.now();
  const result = await validateContent(root);
  const failed = result.errors > 0 || (options.strict === true && result.warnings > 0);
  const registry = result.registry;
  if (options.format === "json") {
    process.stdout.write(JSON.stringify({ root: redactNationalIds(root), files: result.files, errors: result.errors, warnings: result.warnings, findings: result.findings.map(publicFinding), notes: result.notes }, null, 2) + "\n");
    return { code: failed ? 1 : 0, registry, fingerprint: result.fingerprint, allowed: result.allowed };
  }
  for (const f of result.findings) process.stderr.write(formatFinding(f) + "\n");
  for (const note of result.notes) process.stdout.write(`kostra validate: note: ${note}\n`);
  const ms = Math.round(performance.now() - started);
  recordTiming("validate", ms);
  const files = new Set(result.findings.filter((f) => f.severity === "error").map((f) => f.file)).size;
  const summary = `kostra validate: ${result.files} files read from ${root} in ${ms} ms: ${result.errors} error(s)${files ? ` in ${files} file(s)` : ""}, ${result.warnings} warning(s)${options.strict ? " (--strict: warnings fail)" : ""}`;
  (failed ? process.stderr : process.stdout).write(escapeForTerminal(redactNationalIds(summary)) + "\n");
  return { code: failed ? 1 : 0, registry, fingerprint: result.fingerprint, allowed: result.allowed };
}
