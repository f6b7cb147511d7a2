import type { Finding } from "../findings/finding.ts";
import { parseYamlText, type ParsedYaml } from "./yaml-text.ts";
import { bodyBudget, MAX_NESTING } from "./body-budget.ts";
import { compileBody } from "./body-check.ts";

export interface ParsedMdx extends ParsedYaml {
  /** The MDX body below the front matter. */
  body: string;
  /** How many lines of the file stand before the body (the front matter and its fences). */
  linesBeforeBody: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits YAML front matter from an MDX body, parses both and reports positions in the whole file.
 * The body is compiled to find MDX syntax errors unless `checkBody` is false: for a content root
 * that was validated a moment ago (the pages step of `kostra build`), where compiling 6,000 bodies
 * again cost seconds to find nothing. Checking is bounded: cheap checks of length, nesting and
 * markers first (body-budget.ts), then the compile in a worker with a time budget (body-check.ts).
 */
export async function parseMdxText(text: string, path: string, checkBody = true): Promise<ParsedMdx> {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    const findings: Finding[] = [
      { severity: "error", file: path, line: 1, column: 1, message: "missing YAML front matter", expected: "the file to start with a line `---`, the front matter, and a closing `---`" },
    ];
    return { ...parseYamlText("{}", path), data: undefined, findings, body: "", linesBeforeBody: 0 };
  }
  const parsed = parseYamlText(match[1], path, 1);
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0);
  if (checkBody) {
    const finding = await bodyFinding(body, bodyLine);
    if (finding) parsed.findings.push({ severity: "error", file: path, ...finding });
  }
  return { ...parsed, body, linesBeforeBody: bodyLine };
}

/** The first problem with a body that starts below line `bodyLine` of its file, placed in the file, if any. */
async function bodyFinding(body: string, bodyLine: number): Promise<{ line: number; column: number; message: string; expected: string } | undefined> {
  const budget = bodyBudget(body, bodyLine + 1);
  if (budget) return budget;
  const result = await compileBody(body);
  if (result.ok) return undefined;
  // A finding about the whole body is placed on its first line of text.
  const first = bodyLine + 1 + (/^(?:[ \t]*\r?\n)*/.exec(body)?.[0].split("\n").length ?? 1) - 1;
  const simpler = "simpler Markdown: shorter paragraphs, less nesting, fewer emphasis markers (*, _) and brackets ([, ]) in one paragraph";
  switch (result.kind) {
    case "syntax":
      return { line: (result.line ?? 1) + bodyLine, column: result.column ?? 1, message: `malformed MDX: ${result.reason.split("\n")[0]}`, expected: "valid MDX (escape `<` and `{` in text as `\\<` and `\\{`)" };
    case "timeout":
      return { line: first, column: 1, message: `the body could not be checked within the time allowed (${result.ms / 1000} s): its Markdown is too complex to parse`, expected: simpler };
    case "resources":
      return /call stack/i.test(result.reason)
        ? { line: first, column: 1, message: "the text is too deeply nested to check (the MDX parser ran out of stack)", expected: `at most ${MAX_NESTING} levels of block quotes (>), lists and indentation` }
        : { line: first, column: 1, message: `the body could not be checked: ${result.reason.split("\n")[0]}`, expected: simpler };
  }
}
