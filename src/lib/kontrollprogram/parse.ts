import { checkSchema } from "../load/load-content.ts";
import { parseYamlText } from "../load/yaml-text.ts";
import type { Finding } from "../findings/finding.ts";
import { SsbFileDescription } from "./format.ts";

/**
 * Reads the text of one of SSB's file descriptions: the description, or findings with the line
 * and column of each problem (`path` is how the file is named in them).
 */
export function parseFileDescription(text: string, path: string): { description?: SsbFileDescription; findings: Finding[] } {
  // SSB's files open with a document marker; the description is that one document.
  const parsed = parseYamlText(text, path);
  if (parsed.findings.length) return { findings: parsed.findings };
  const checked = checkSchema(SsbFileDescription, parsed.data, parsed.file, "SSB file description");
  if (checked.findings.length) return { findings: checked.findings };
  return { description: checked.data as SsbFileDescription, findings: [] };
}
