import MarkdownIt, { type Token } from "markdown-it";
import type { Finding } from "../findings/finding.ts";
import { MARKDOWN_OPTIONS } from "../site/markdown.ts";
import { ALLOWED_LINKS, linkProblem } from "../site/link-schemes.ts";

/** A link in a body whose target is refused, at an offset into the body. */
export interface UnsafeLink {
  offset: number;
  target: string;
  problem: string;
}

interface Collected {
  /** Reference definitions (`[x]: url`), used or not, at offsets into markdown-it's source. */
  definitions: { offset: number; target: string }[];
  /** Where each link and image starts: the inline text it was read from, and the offset in it. */
  at: WeakMap<Token, { src: string; pos: number }>;
  /** Links whose target came from a reference definition: reported at the definition. */
  fromReference: WeakSet<Token>;
  /** Every target markdown-it read from the text so far (it normalises each once). */
  read: string[];
}

let current: Collected | undefined;

/**
 * The links are found by the parser that renders the bodies (src/lib/site/markdown.ts), with its
 * options, so that validation sees exactly the links a reader would get: inline `[t](url)`,
 * `[t](<url>)` and `[t](url "title")`, images, reference definitions `[x]: url`, autolinks
 * `<scheme:…>`, character references in targets (`&#115;mb:`), and bare URLs when linkify is on;
 * and nothing in code spans or code blocks. Two changes: every target is let through (the
 * renderer refuses what is not allowed, here it is reported), and targets are not
 * percent-encoded, so the check sees what was written (a leading control character, say).
 */
const parser = new MarkdownIt("default", MARKDOWN_OPTIONS);
parser.validateLink = () => true;
parser.normalizeLink = (url) => {
  current?.read.push(url);
  return url;
};

const targetOf = (t: Token) => String(t.attrGet(t.type === "image" ? "src" : "href") ?? "");

for (const name of ["link", "image", "autolink", "linkify"]) {
  const rule = parser.inline.ruler.__rules__.find((r) => r.name === name);
  if (!rule) continue;
  const original = rule.fn;
  parser.inline.ruler.at(
    name,
    (state, silent) => {
      const c = current;
      if (silent || !c) return original(state, silent);
      const start = state.pos;
      const before = state.tokens.length;
      const readBefore = c.read.length;
      const ok = original(state, silent);
      if (ok) {
        const read = c.read.slice(readBefore);
        for (const t of state.tokens.slice(before)) {
          // A link's text may hold images: those were recorded by their own rule, where they start.
          if ((t.type !== "link_open" && t.type !== "image") || c.at.has(t)) continue;
          c.at.set(t, { src: state.src, pos: start });
          if (!read.includes(targetOf(t))) c.fromReference.add(t);
        }
      }
      return ok;
    },
    { alt: rule.alt },
  );
}

const reference = parser.block.ruler.__rules__.find((r) => r.name === "reference")!;
const originalReference = reference.fn;
parser.block.ruler.at(
  "reference",
  (state, startLine, endLine, silent) => {
    const c = current;
    if (silent || !c) return originalReference(state, startLine, endLine, silent);
    const readBefore = c.read.length;
    const ok = originalReference(state, startLine, endLine, silent);
    if (ok && c.read.length > readBefore) c.definitions.push({ offset: state.bMarks[startLine] + state.tShift[startLine], target: c.read.at(-1)! });
    return ok;
  },
  { alt: reference.alt },
);

/** Offsets at which each line starts; a line ends at \r\n, \r or \n, as markdown-it reads them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** Every link, image and reference definition in a Markdown body whose target is not allowed. */
export function unsafeLinks(body: string): UnsafeLink[] {
  // Every link starts with [ (or ![) or <, unless bare URLs are made links: most bodies have none.
  if (!MARKDOWN_OPTIONS.linkify && !/[[<]/.test(body)) return [];
  const collected: Collected = { definitions: [], at: new WeakMap(), fromReference: new WeakSet(), read: [] };
  let tokens: Token[];
  current = collected;
  try {
    tokens = parser.parse(body, {});
  } finally {
    current = undefined;
  }
  // markdown-it reads \r\n and \r as \n (and NUL as U+FFFD): lines and columns are the same in
  // its text and the body, offsets are not.
  const src = body.replace(/\r\n?/g, "\n");
  const srcLines = src.split("\n");
  const srcStarts = lineStarts(src);
  const bodyStarts = lineStarts(body);
  const toBody = (line: number, column: number) => (bodyStarts[line] ?? body.length) + Math.max(0, column);
  const firstText = (line: number) => toBody(line, /\S/.exec(srcLines[line] ?? "")?.index ?? 0);

  const found: UnsafeLink[] = [];
  for (const d of collected.definitions) {
    const problem = linkProblem(d.target);
    if (!problem) continue;
    let line = srcStarts.findLastIndex((s) => s <= d.offset);
    if (line < 0) line = 0;
    found.push({ offset: toBody(line, d.offset - srcStarts[line]), target: d.target, problem });
  }

  /** Where an offset into an inline token's text is in the body: its text is the block's lines, their markers and indentation left out. */
  const locate = (content: string, firstLine: number, pos: number): number => {
    const k = content.slice(0, pos).split("\n").length - 1;
    const lineStart = content.lastIndexOf("\n", pos - 1) + 1;
    const contentLine = content.slice(lineStart, content.indexOf("\n", lineStart) < 0 ? undefined : content.indexOf("\n", lineStart));
    const at = contentLine ? (srcLines[firstLine + k] ?? "").lastIndexOf(contentLine) : -1;
    return at < 0 ? firstText(firstLine + k) : toBody(firstLine + k, at + pos - lineStart);
  };

  const visit = (children: Token[], content: string, firstLine: number, fallback: number) => {
    for (const t of children) {
      if (t.type !== "link_open" && t.type !== "image") continue;
      const where = collected.at.get(t);
      const offset = where && where.src === content ? locate(content, firstLine, where.pos) : fallback;
      const target = targetOf(t);
      const problem = collected.fromReference.has(t) ? undefined : linkProblem(target);
      if (problem) found.push({ offset, target, problem });
      // An image's description is text, but a link written in it is refused all the same.
      if (t.type === "image" && t.children) visit(t.children, "", firstLine, offset);
    }
  };
  let map: [number, number] = [0, 1];
  for (const t of tokens) {
    if (t.map) map = t.map;
    if (t.type === "inline" && t.children) visit(t.children, t.content, map[0], firstText(map[0]));
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * Findings for the links in a body that lead anywhere but an https:, http: or mailto: URL or an
 * internal path (src/lib/site/link-schemes.ts), at the link (or the reference definition) in the
 * file; `at` turns an offset into the body into a line and column of the file.
 */
export function checkBodyLinks(file: string, body: string, at: (offset: number) => { line: number; column: number }): Finding[] {
  return unsafeLinks(body).map((l) => ({
    severity: "error",
    file,
    ...at(l.offset),
    message: `unsafe link target ${JSON.stringify(l.target.slice(0, 60))}: ${l.problem}`,
    expected: ALLOWED_LINKS,
  }));
}
