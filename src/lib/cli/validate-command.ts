import { validateContent } from "../validate/index.ts";
import { formatFinding } from "../validate/finding.ts";
import { recordTiming } from "../timings.ts";

export interface ValidateOptions {
  strict?: boolean;
  format?: string;
}

/** `kostra validate`: every finding on its own line, a summary, exit 1 on errors. */
export async function runValidate(root: string, options: ValidateOptions = {}): Promise<number> {
  const started = performance.now();
  const result = await validateContent(root);
  const failed = result.errors > 0 || (options.strict === true && result.warnings > 0);
  if (options.format === "json") {
    process.stdout.write(JSON.stringify({ root, files: result.files, errors: result.errors, warnings: result.warnings, findings: result.findings }, null, 2) + "\n");
    return failed ? 1 : 0;
  }
  for (const f of result.findings) process.stderr.write(formatFinding(f) + "\n");
  const ms = Math.round(performance.now() - started);
  recordTiming("validate", ms);
  const files = new Set(result.findings.filter((f) => f.severity === "error").map((f) => f.file)).size;
  const summary = `kostra validate: ${result.files} files read from ${root} in ${ms} ms: ${result.errors} error(s)${files ? ` in ${files} file(s)` : ""}, ${result.warnings} warning(s)${options.strict ? " (--strict: warnings fail)" : ""}`;
  (failed ? process.stderr : process.stdout).write(summary + "\n");
  return failed ? 1 : 0;
}
