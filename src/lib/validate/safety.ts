import { readFileSync } from "node:fs";
import type { Finding } from "./finding.ts";
import type { LoadedFile } from "../load/load-content.ts";
import { findNationalIds } from "../guard/national-id.ts";

/** Link targets content may use: http(s) and internal paths. */
const SAFE_URL = /^(https?:\/\/|\/(?!\/)|#|\.{0,2}\/?[\w-])/i;

/**
 * Content that must never be published: anything that looks like a national identity number, links
 * to `javascript:` or `data:` URLs, and HTML or JSX in MDX bodies (bodies are prose).
 */
export function checkSafety(files: LoadedFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const f of files) {
    const text = readFileSync(f.found.absolute, "utf8");
    for (const at of findNationalIds(text)) {
      findings.push({
        severity: "error",
        file: f.found.path,
        ...at,
        message: "something that looks like a national identity number or D-number (11 digits with valid check digits); it is not shown here",
        expected: "no personal data in content: remove the number, or write a synthetic one that fails the mod-11 check",
      });
    }
    if (f.body !== undefined) {
      const bodyStart = text.length - f.body.length;
      const lineOf = (offset: number) => text.slice(0, bodyStart + offset).split("\n").length;
      const colOf = (offset: number) => bodyStart + offset - text.lastIndexOf("\n", bodyStart + offset - 1);
      for (const m of f.body.matchAll(/<\/?[A-Za-z][^>]*>|\{[^}]*\}|^\s*(import|export)\s/gm)) {
        findings.push({ severity: "error", file: f.found.path, line: lineOf(m.index), column: colOf(m.index), message: `HTML, JSX, expressions and imports are not allowed in the body: "${m[0].slice(0, 40)}"`, expected: "Markdown text (write < as \\< and { as \\{)" });
      }
      for (const m of f.body.matchAll(/\]\(\s*<?([^)\s>]+)/g)) {
        if (!SAFE_URL.test(m[1]) || /^\s*(javascript|data|vbscript):/i.test(m[1])) {
          findings.push({ severity: "error", file: f.found.path, line: lineOf(m.index), column: colOf(m.index), message: `unsafe link target "${m[1].slice(0, 40)}"`, expected: "an http(s) URL or an internal path such as /kodelister/plantype/" });
        }
      }
    }
  }
  return findings;
}
