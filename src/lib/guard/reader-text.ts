/** Elements a reader sees inside a line of text: their text runs on with what stands beside them. */
const INLINE = ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"];

/**
 * A tag: its name is the run of word characters and hyphens after `<` or `</`, without trailing
 * hyphens (what `<\/?([A-Za-z][\w-]*)\b[^>]*>` captures). An inline element's tag (the first
 * alternative) becomes nothing; any other tag (the second) becomes its own `<`, captured, so that
 * one replacement string does both, without a function called for each of a page's thousands of
 * tags (which was most of the time spent here).
 */
const TAG = new RegExp(String.raw`<\/?(?:${INLINE.join("|")})-*(?![\w-])[^>]*>|(<)\/?[A-Za-z][\w-]*\b[^>]*>`, "gi");

/**
 * The text of an HTML page or fragment as a reader sees it: inline elements' text joined to what
 * stands beside them (`<a href="/x">123456</a>78901` reads as one number), every other element a
 * boundary no number runs across (`<`: table cells, list items and paragraphs are read apart;
 * counts in neighbouring cells are no number), comments, scripts and styles a boundary too (`|`).
 * Character references stay: the guard decodes them.
 */
export function readerText(html: string): string {
  const text = html.replace(/<!--[\s\S]*?-->/g, "|").replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "|");
  // No tag ends after the last `>`: left as it is, it spares the expression a search to the end of
  // the text from each `<` there (thousands of `<p` with no `>` took seconds).
  const end = text.lastIndexOf(">") + 1;
  return text.slice(0, end).replace(TAG, "$1") + text.slice(end);
}
