import { describe, expect, it } from "vitest";
import { indexedHtml, withoutIgnoredContent } from "../src/lib/search/indexed-html.ts";

describe("a page as the search index is given it", () => {
  it("leaves out the content of an ignored element, nested elements of its kind included, and keeps its tags", () => {
    const html = `<main data-pagefind-body><h1>Plantype</h1><div class="table-wrap" data-pagefind-ignore role="region"><div><table><tr><td>1</td></tr></table></div><div>2</div></div><p>Etter</p></main>`;
    expect(withoutIgnoredContent(html)).toBe(`<main data-pagefind-body><h1>Plantype</h1><div class="table-wrap" data-pagefind-ignore role="region"></div><p>Etter</p></main>`);
  });

  it("keeps an ignored element that holds what the index reads (a type, a filter)", () => {
    const html = `<main data-pagefind-body><nav data-pagefind-ignore><a href="/">Forside</a></nav><div hidden data-pagefind-ignore><span data-pagefind-filter="år">2024</span></div></main>`;
    expect(withoutIgnoredContent(html)).toBe(`<main data-pagefind-body><nav data-pagefind-ignore></nav><div hidden data-pagefind-ignore><span data-pagefind-filter="år">2024</span></div></main>`);
  });

  it("keeps the page whole from an ignored element whose end it cannot find, and passes void and self-closed ones", () => {
    const open = `<p>Før</p><div data-pagefind-ignore><div>uten slutt</div>`;
    expect(withoutIgnoredContent(open)).toBe(open);
    const voids = `<img data-pagefind-ignore src="a.png"><br data-pagefind-ignore/><span data-pagefind-ignore>x</span>`;
    expect(withoutIgnoredContent(voids)).toBe(`<img data-pagefind-ignore src="a.png"><br data-pagefind-ignore/><span data-pagefind-ignore></span>`);
  });

  it("returns a page with nothing ignored as it is, spaced after its block elements", () => {
    expect(indexedHtml("<dl><dt>Arbeidsgruppe</dt><dd>KOSTRA</dd></dl>")).toBe("<dl><dt>Arbeidsgruppe</dt> <dd>KOSTRA</dd> </dl>");
    expect(indexedHtml(`<td data-pagefind-ignore="all">1</td>`)).toBe(`<td data-pagefind-ignore="all"></td> `);
  });
});
