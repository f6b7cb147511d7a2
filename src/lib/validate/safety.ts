import type { Finding } from "../findings/finding.ts";
import type { LoadedFile } from "../load/load-content.ts";
import { checkBodyLinks } from "./links.ts";

/**
 * Content that must never be published: links to other schemes than the web's and mail, and HTML
 * or JSX in MDX bodies (bodies are prose). National identity numbers: see personal-data.ts.
 */
export function checkSafety(files: LoadedFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const f of files) {
    if (f.body !== undefined) {
      // Positions from the body and the lines before it: the file was read once, by the loader.
      const body = f.body;
      const before = f.linesBeforeBody ?? 0;
      const lineOf = (offset: number) => {
        let line = before + 1;
        for (let i = body.indexOf("\n"); i !== -1 && i < offset; i = body.indexOf("\n", i + 1)) line++;
        return line;
      };
      const colOf = (offset: number) => offset - body.lastIndexOf("\n", offset - 1);
      for (const m of f.body.matchAll(/<\/?[A-Za-z][^>]*>|\{[^}]*\}|^\s*(import|export)\s/gm)) {
        findings.push({ severity: "error", file: f.found.path, line: lineOf(m.index), column: colOf(m.index), message: `HTML, JSX, expressions and imports are not allowed in the body: "${m[0].slice(0, 40)}"`, expected: "Markdown text (write < as \\< and { as \\{)" });
      }
      findings.push(...checkBodyLinks(f.found.path, f.body, (offset) => ({ line: lineOf(offset), column: colOf(offset) })));
    }
  }
  return findings;
}
