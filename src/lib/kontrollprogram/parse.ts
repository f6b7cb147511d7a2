import { checkSchema } from "../load/load-content.ts";
import { parseYamlText } from "../load/yaml-text.ts";
import type { Finding } from "../findings/finding.ts";
import type { SourceFile } from "../findings/source-file.ts";
import { SsbFileDescription } from "./format.ts";

/**
 * Reads the text of one of SSB's file descriptions: the description and where each of its fields
 * is written (`file`, to place findings about what the description becomes), or findings with the
 * line and column of each problem (`path` is how the file is named in them).
 */
export function parseFileDescription(text: string, path: string): { description?: SsbFileDescription; file?: SourceFile; findings: Finding[] } {
  // SSB's files open with a document marker; the description is that one document.
  const parsed = parseYamlText(text, path);
  if (parsed.findings.length) return { findings: parsed.findings };
  const checked = checkSchema(SsbFileDescription, parsed.data, parsed.file, "SSB file description");
  if (checked.findings.length) return { findings: checked.findings };
  return { description: checked.data as SsbFileDescription, file: parsed.file, findings: [] };
}
