/**
 * A page as the pages' search index reads it. Each searchable page is written into a folder beside
 * the site for pagefind (`index-pages.ts`), and what it is given there is shaped for the index.
 */

/**
 * The closing tags of block elements, after which the index gets a space: pagefind joins the text
 * of adjacent elements as written, so «<dt>Arbeidsgruppe</dt><dd>KOSTRA …</dd>» became one word
 * («ArbeidsgruppeKOSTRA») in the index and in snippets.
 */
const BLOCK_END = /<\/(?:dt|dd|li|td|th|tr|p|h[1-6]|div|caption|figcaption|summary|section|blockquote|pre)>/g;

/** A page with a space after every block element, so words stay apart. */
export function spacedHtml(html: string): string {
  return html.replace(BLOCK_END, "$& ");
}

/** An element left out of the index, by its opening tag. */
const IGNORED = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-ignore(?=[\s=>])[^>]*>/gi;

/** Elements with no content, whose opening tag is the whole element. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

const tagsOf = new Map<string, RegExp>();

/** The opening and closing tags of one element name, to find where an element ends. */
function tags(name: string): RegExp {
  let re = tagsOf.get(name);
  if (!re) tagsOf.set(name, (re = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, "gi")));
  return re;
}

/**
 * A page without the content of the elements the index leaves out (`data-pagefind-ignore`) and
 * that hold nothing the index reads (no `data-pagefind-*` inside, as a type or filter would be):
 * pagefind parses an ignored element's content before it leaves it out, and a codelist's table of
 * 500 codes (each code is a search record of its own) was most of what it parsed at KOSTRA scale.
 * The element's own tags stay, so the text around it is joined and split as before; the index
 * is byte for byte what the whole page gives. An element whose end is not found is kept whole.
 */
export function withoutIgnoredContent(html: string): string {
  let out = "";
  let kept = 0;
  IGNORED.lastIndex = 0;
  for (let open = IGNORED.exec(html); open; open = IGNORED.exec(html)) {
    const name = open[1].toLowerCase();
    const start = open.index + open[0].length;
    if (VOID.has(name) || open[0].endsWith("/>")) continue;
    const re = tags(name);
    re.lastIndex = start;
    let depth = 1;
    let end = -1;
    for (let t = re.exec(html); t; t = re.exec(html)) {
      if (t[1]) depth--;
      else if (!t[0].endsWith("/>")) depth++;
      if (depth === 0) {
        end = t.index;
        break;
      }
    }
    if (end < 0) break;
    if (html.lastIndexOf("data-pagefind-", end) >= start) continue;
    out += html.slice(kept, start);
    kept = end;
    IGNORED.lastIndex = end;
  }
  return kept ? out + html.slice(kept) : html;
}

/** A page as the index is given it: ignored content left out, a space after every block element. */
export function indexedHtml(html: string): string {
  return spacedHtml(withoutIgnoredContent(html));
}
