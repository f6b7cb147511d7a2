import * as pagefind from "pagefind";
import { copyFile, link, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { SearchRecord } from "./records.ts";

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

/** The marker of a page's searchable part; pages without it are left out of the index. */
const BODY = Buffer.from("data-pagefind-body");

/**
 * Gathers the pages that have a searchable part in a folder of their own, as hard links (copies
 * where the file system refuses links). Given the whole site, pagefind parses every page before it
 * knows which to leave out: at KOSTRA scale 40 % of the pages (a codelist's years that repeat an
 * earlier version, paginated code tables, change overviews), which cost it 14 s and 0.8 GB. Sending
 * the pages one by one through the Node API is slower still: each crosses to pagefind's process.
 */
async function linkIndexedPages(dist: string, pagesDir: string): Promise<void> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith(".html"));
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map(async (file) => {
        if (!(await readFile(join(dist, file))).includes(BODY)) return;
        await mkdir(dirname(join(pagesDir, file)), { recursive: true });
        await link(join(dist, file), join(pagesDir, file)).catch(() => copyFile(join(dist, file), join(pagesDir, file)));
      }),
    );
  }
}

/**
 * Builds the search index of a built site with pagefind's Node API: the pages (their
 * `data-pagefind-*` markup gives type, filters and weight) and the code, field and control records.
 */
export async function indexSite(dist: string, records: AsyncIterable<SearchRecord> | Iterable<SearchRecord>): Promise<{ pages: number; records: number }> {
  // "." and "§" belong to codes and legal references: "2.3" and "§ 4-27" are searched as written.
  const { index, errors } = await pagefind.createIndex({ includeCharacters: ".§", forceLanguage: "nb" });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  // Beside the site, on the same file system, so that the pages are linked rather than copied.
  const pagesDir = `${dist}.search-pages-${process.pid}`;
  try {
    await linkIndexedPages(dist, pagesDir);
    const added = await index.addDirectory({ path: pagesDir });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    const pages = added.page_count;
    // pagefind indexes in a separate process; sending records in concurrent batches keeps it busy.
    let count = 0;
    let batch: SearchRecord[] = [];
    const send = async () => {
      const added = await Promise.all(batch.map((r) => index.addHTMLFile({ url: r.url, content: recordHtml(r) })));
      const errors = added.flatMap((b) => b.errors);
      if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
      count += batch.length;
      batch = [];
    };
    for await (const r of records) {
      batch.push(r);
      if (batch.length === 256) await send();
    }
    await send();
    const written = await index.writeFiles({ outputPath: `${dist}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    return { pages, records: count };
  } finally {
    await pagefind.close();
    await rm(pagesDir, { recursive: true, force: true });
  }
}
