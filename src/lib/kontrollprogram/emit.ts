import type { SsbFileDescription } from "./format.ts";

/**
 * A string as SSB's files write every string: double-quoted, with `\"`, `\\`, `\n` and the like
 * escaped and other characters (æøå, Sámi letters) as they are. A JSON string is such a YAML
 * double-quoted scalar.
 */
const str = (s: string) => JSON.stringify(s);
const strOrNull = (s: string | null) => (s === null ? "null" : str(s));

/**
 * SSB's file description as SSB's control program writes it (Jackson's YAML writer): a `---`
 * document marker, keys in SSB's order, every string double-quoted, `null` for no value, `[]` for
 * an empty code list, list items at the indentation of their key. The reference files come out
 * byte for byte.
 */
export function emitFileDescription(d: SsbFileDescription): string {
  const lines = ["---", `id: ${str(d.id)}`, `title: ${str(d.title)}`, `reportingYear: ${d.reportingYear}`, `description: ${str(d.description)}`, "fields:"];
  for (const f of d.fields) {
    lines.push(
      `- name: ${str(f.name)}`,
      `  description: ${strOrNull(f.description)}`,
      `  from: ${f.from}`,
      `  size: ${f.size}`,
      `  dataType: ${str(f.dataType)}`,
      `  mandatory: ${f.mandatory}`,
      `  datePattern: ${str(f.datePattern)}`,
      `  codelistSource: ${strOrNull(f.codelistSource)}`,
    );
    if (!f.codeList.length) lines.push("  codeList: []");
    else {
      lines.push("  codeList:");
      for (const c of f.codeList) lines.push(`  - code: ${str(c.code)}`, `    value: ${str(c.value)}`);
    }
  }
  return lines.join("\n") + "\n";
}
