import { gunzipSync } from "node:zlib";
import { unzipSync } from "fflate";
import { readerText } from "./reader-text.ts";

/**
 * Files a site holds whose bytes the build does not make from content: pictures, fonts, style sheets
 * and code — Astro's bundles of the site's own source (`_astro/`), pagefind's interface and
 * WebAssembly. Their names are checked all the same. (Style sheets are full of runs of small numbers
 * a scan would read as one.)
 */
const OPAQUE = /^_astro\/|^pagefind\/pagefind[\w-]*\.(js|css)$|\.(css|pagefind|wasm|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|pdf)$/i;
/** pagefind's index files: gzip, holding the pages' text and words. */
const PAGEFIND = /\.pf_(fragment|index|filter|meta)$/;

/**
 * The texts of one built file in which the last check before publishing looks for personal data,
 * each with what it is: the file as text; for a page also its text as a reader sees it; for a
 * spreadsheet every part of the zip; for pagefind's index its unpacked text. Pictures, fonts and
 * pagefind's WebAssembly give none (their names are checked all the same). `content`: the file's
 * bytes, or the text about to be written as UTF-8 (the API checks what it writes).
 */
export function outputTexts(path: string, content: Uint8Array | string): { what: string; text: string }[] {
  if (OPAQUE.test(path)) return [];
  if (typeof content === "string") return textsOf(path, content);
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (/\.xlsx$/i.test(path)) {
    try {
      return zipEntryTexts(Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data })));
    } catch {
      return [{ what: "the file (not a readable zip)", text: bytes.toString("latin1") }];
    }
  }
  if (PAGEFIND.test(path)) {
    let text: string;
    try {
      text = gunzipSync(bytes).toString("utf8");
    } catch {
      return [{ what: "the file", text: bytes.toString("latin1") }];
    }
    // A page's fragment holds its text with every element boundary made one space: counts in
    // neighbouring table cells would read as one number. That text is the page's, read above with
    // its boundaries, or a search record's, read from the records the index was made from; the
    // rest of the fragment (address, title, filters, anchors) is read here.
    const fragment = /^pagefind_dcd(\{[\s\S]*\})$/.exec(text);
    if (fragment) {
      try {
        const { content: _, ...rest } = JSON.parse(fragment[1]) as Record<string, unknown>;
        return [{ what: "the search index's entry", text: JSON.stringify(rest) }];
      } catch {
        // Not the JSON pagefind writes: read it all.
      }
    }
    return [{ what: "the search index's text", text }];
  }
  return textsOf(path, bytes.toString("utf8"));
}

/** A spreadsheet's texts: each entry of its zip, as UTF-8 text. */
export const zipEntryTexts = (entries: readonly { name: string; data: string | Uint8Array }[]): { what: string; text: string }[] =>
  entries.map(({ name, data }) => ({ what: `spreadsheet part ${name}`, text: typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8") }));

/** A text file's texts: a page's as written and as it reads, any other file's as written. */
function textsOf(path: string, text: string): { what: string; text: string }[] {
  if (/\.html?$/i.test(path)) return [{ what: "the page's HTML", text }, { what: "the page's text as it reads", text: readerText(text) }];
  return [{ what: "the file", text }];
}
