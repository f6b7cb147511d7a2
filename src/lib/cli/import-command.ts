import { importFileDescriptions } from "../kontrollprogram/import.ts";
import { checkPlannedFiles } from "../validate/planned-files.ts";
import { formatFinding } from "../guard/print-finding.ts";

/**
 * `kostra import kontrollprogram <file_description_*.yaml>… [--working-group ID]`: SSB's file
 * descriptions into content files (src/lib/kontrollprogram/import.ts), each checked as `kostra
 * validate` checks content before anything is written; prints what it wrote.
 */
export async function runImport(root: string, positionals: string[], options: { workingGroup?: string }): Promise<number> {
  const [what, ...files] = positionals;
  if (what !== "kontrollprogram" || !files.length) {
    process.stderr.write(`kostra import: expected "kontrollprogram <file_description_*.yaml>…"\n`);
    return 2;
  }
  const { written, findings } = await importFileDescriptions(root, files, { ...options, check: checkPlannedFiles });
  if (findings.length) {
    process.stderr.write(`${findings.map(formatFinding).join("\n")}\nkostra import: ${findings.length} error(s); nothing written\n`);
    return 1;
  }
  for (const line of written) process.stdout.write(`kostra import: ${line}\n`);
  return 0;
}
