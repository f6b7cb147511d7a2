/**
 * Data written into a Markdown table cell so that it renders as exactly that data: a value must not
 * end its cell (`|`) or its row (a line break), open HTML (`<img …>`), emphasis, a link or a code
 * span, or turn into a character reference. SSB's changelogs (kontrollprogram-changelog.ts) are
 * read on GitHub and in Markdown viewers with raw HTML on, since their own markup is `<br/>`.
 *
 * Every escape is a no-op on plain text (letters, digits, spaces, `-`, `.`, `,`, `(`, `:`, an
 * underscore inside a word as in `STRING_TYPE`), so SSB's own changelogs come out byte for byte.
 */

const LINE_BREAK = /\r\n|\r|\n/g;

/** A line break in data, written as SSB's changelogs write one inside a cell. */
export const CELL_LINE_BREAK = "<br/>";

/**
 * Plain text in a cell: Markdown's inline punctuation backslash-escaped, `&`, `<` and `>` as
 * character references, line breaks as `<br/>`. An underscore between two letters or digits is
 * left as it is: it can neither open nor close emphasis there.
 */
export function cellText(s: string): string {
  return s
    .replace(/[\\`*~[\]|]/g, "\\$&")
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(LINE_BREAK, CELL_LINE_BREAK);
}

/**
 * A value as a code span in a cell. Inside a code span backslashes are literal, so a backtick in the
 * value is fenced by a longer run of backticks (padded with a space where the value starts or ends
 * with one, or the renderer would strip the value's own outer spaces); a pipe is `\|`, which the
 * table reads before the code span (GFM, markdown-it). A value with a line break cannot be a code
 * span in a one-line row: it is written as plain text instead.
 */
export function codeSpan(s: string): string {
  if (/[\r\n]/.test(s)) return cellText(s);
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") || (s.length > 1 && s.startsWith(" ") && s.endsWith(" ") && s.trim() !== "") ? " " : "";
  return `${fence}${pad}${s.replaceAll("|", "\\|")}${pad}${fence}`;
}

/**
 * A URL as a link target in a cell: what would end the target, the link or the cell (spaces, line
 * breaks, brackets, parentheses, quotes, `|`, `\`) percent-encoded, `&` as `&amp;` (a target's
 * character references are decoded).
 */
export function linkTarget(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f\u2028\u2029<>()[\]{}\\|`"'&]/g, (c) => (c === "&" ? "&amp;" : encodeURIComponent(c)));
}
