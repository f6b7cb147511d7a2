import type { Finding } from "../findings/finding.ts";
import type { LoadedFile } from "../load/load-content.ts";
import { findNationalIds } from "../guard/find-national-ids.ts";
import { readerText } from "../guard/reader-text.ts";
import { positionOf } from "../guard/personal-data.ts";
import { bodyHtml } from "../site/markdown.ts";

/**
 * National identity numbers that only the rendered text of an MDX body shows: Markdown can join
 * what its source keeps apart (`[123456](/x)78901` is a link and the text after it, read as one
 * number). Numbers the source already shows are the guard's (personal-data.ts) and not reported
 * twice. Placed at the line of the number's first digits in the source, else at the body's start.
 */
export function checkRenderedBodies(files: readonly LoadedFile[], allowed: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const f of files) {
    if (!f.body || !/\d/.test(f.body)) continue;
    const inSource = new Set(findNationalIds(f.body, allowed).map((s) => s.digits));
    const text = readerText(bodyHtml(f.body));
    for (const span of findNationalIds(text, allowed)) {
      if (inSource.has(span.digits)) continue;
      inSource.add(span.digits);
      const offset = sourceOffset(f.body, /\d+/.exec(text.slice(span.start, span.end).normalize("NFKC"))?.[0] ?? "");
      const { line, column } = positionOf(f.body, offset);
      findings.push({
        severity: "error",
        file: f.found.path,
        line: (f.linesBeforeBody ?? 0) + line,
        column,
        message: "the text as it reads on the page holds something that looks like a national identity number (fødselsnummer, D-, H- or test number); it is not shown",
        expected: "no personal data in content: remove it; if it is not a person's number, record it with the reason in content/allowed-numbers.yaml",
      });
    }
  }
  return findings;
}

/** Where the longest leading part of a rendered number's digits (at least two) stands in the source; else 0. */
function sourceOffset(source: string, digits: string): number {
  for (let length = digits.length; length >= 2; length--) {
    const at = source.indexOf(digits.slice(0, length));
    if (at >= 0) return at;
  }
  return 0;
}
