import * as pagefind from "pagefind";
import type { Registry } from "../registry.ts";
import { searchRecords, type SearchRecord } from "./records.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A record as a tiny HTML document, so that its title (a field and its label) weighs most. Codes
 * are headings with the id of their row: pagefind returns them as sub-results, each a hit.
 */
function recordHtml(r: SearchRecord): string {
  const filters = Object.entries(r.filters).flatMap(([k, vs]) => vs.map((v) => `<span data-pagefind-filter="${k}">${escape(v)}</span>`)).join("");
  const hidden = `<div hidden data-pagefind-ignore><span data-pagefind-meta="type">${escape(r.meta.type)}</span><span data-pagefind-meta="title">${escape(r.meta.title)}</span>${r.sections ? '<span data-pagefind-meta="sections">ja</span>' : ""}${filters}</div>`;
  const body = r.sections
    ? `<p>${escape(r.content)}</p>${r.sections.map((c) => `<h2 id="${escape(c.id)}" data-pagefind-weight="10">${escape(c.title)}</h2>${c.text ? `<p>${escape(c.text)}</p>` : ""}`).join("")}`
    : `<h1 data-pagefind-weight="10">${escape(r.meta.title)}</h1><p>${escape(r.content)}</p>`;
  return `<html lang="nb"><body><main data-pagefind-body>${body}${hidden}</main></body></html>`;
}

/**
 * Builds the search index of a built site with pagefind's Node API: the pages (their
 * `data-pagefind-*` markup gives type, filters and weight) and the code, field and control records.
 */
export async function indexSite(registry: Registry, dist: string): Promise<{ pages: number; records: number }> {
  // "." and "§" belong to codes and legal references: "2.3" and "§ 4-27" are searched as written.
  const { index, errors } = await pagefind.createIndex({ includeCharacters: ".§", forceLanguage: "nb" });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    const dir = await index.addDirectory({ path: dist });
    if (dir.errors.length) throw new Error(`pagefind: ${dir.errors.join("; ")}`);
    const records = searchRecords(registry);
    // pagefind indexes in a separate process; sending records in concurrent batches keeps it busy.
    for (let i = 0; i < records.length; i += 256) {
      const batch = await Promise.all(records.slice(i, i + 256).map((r) => index.addHTMLFile({ url: r.url, content: recordHtml(r) })));
      const errors = batch.flatMap((b) => b.errors);
      if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: `${dist}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    return { pages: dir.page_count, records: records.length };
  } finally {
    await pagefind.close();
  }
}
