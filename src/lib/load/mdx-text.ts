import { compile } from "@mdx-js/mdx";
import type { Finding } from "../validate/finding.ts";
import { parseYamlText, type ParsedYaml } from "./yaml-text.ts";

export interface ParsedMdx extends ParsedYaml {
  /** The MDX body below the front matter. */
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits YAML front matter from an MDX body, parses both and reports positions in the whole file.
 * The body is compiled to find MDX syntax errors unless `checkBody` is false: for a content root
 * that was validated a moment ago (the pages step of `kostra build`), where compiling 6,000 bodies
 * again cost seconds to find nothing.
 */
export async function parseMdxText(text: string, path: string, checkBody = true): Promise<ParsedMdx> {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    const findings: Finding[] = [
      { severity: "error", file: path, line: 1, column: 1, message: "missing YAML front matter", expected: "the file to start with a line `---`, the front matter, and a closing `---`" },
    ];
    return { ...parseYamlText("{}", path), data: undefined, findings, body: "" };
  }
  const parsed = parseYamlText(match[1], path, 1);
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0);
  try {
    if (checkBody) await compile(body, { format: "mdx" });
  } catch (e) {
    const err = e as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message: string };
    const place = err.place && "start" in err.place && err.place.start ? err.place.start : err.place;
    const line = (place as { line?: number } | undefined)?.line ?? err.line ?? 1;
    const column = (place as { column?: number } | undefined)?.column ?? err.column ?? 1;
    parsed.findings.push({
      severity: "error",
      file: path,
      line: line + bodyLine,
      column,
      message: `malformed MDX: ${(err.reason ?? err.message).split("\n")[0]}`,
      expected: "valid MDX (escape `<` and `{` in text as `\\<` and `\\{`)",
    });
  }
  return { ...parsed, body };
}
