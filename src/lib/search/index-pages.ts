import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileReader } from "../load/file-reader.ts";
import { check, writeIndexPart } from "./index-part.ts";
import { indexedHtml } from "./indexed-html.ts";
import { PARTS_DIR, PRIMARY_PART } from "./index-parts.ts";

/** The marker of a page's searchable part; pages without it are left out of the index. */
const BODY = Buffer.from("data-pagefind-body");

/** The site's pages that have a searchable part, in path order (so a part holds neighbouring pages). */
function searchablePages(dist: string): string[] {
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).sort();
  const read = fileReader();
  return files.filter((file) => read(join(dist, file)).includes(BODY));
}

/** Writes pages as the index reads them (`indexedHtml`) into a folder that mirrors the site, one after the other (see `fileReader`). */
function writePages(dist: string, files: string[], folder: string): void {
  const read = fileReader();
  const made = new Set<string>();
  for (const file of files) {
    const dir = dirname(join(folder, file));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(folder, file), indexedHtml(read(join(dist, file)).toString("utf8")));
  }
}

/**
 * Indexes the built site's searchable pages (their `data-pagefind-*` markup gives type, filters and
 * weight) in parts of at most `perPart` pages: the first to `<dist>/pagefind/`, the one the search
 * page loads, the others to `<dist>/pagefind-deler/sider-<n>/`. Each part's pages are written as the
 * index reads them (`indexedHtml`) into a folder beside the site: given the whole site, pagefind parses every page
 * before it knows which to leave out (40 % at KOSTRA scale), and sending pages one by one through
 * the Node API is slower still. Returns the names of the parts besides the first, and the number of pages.
 */
export async function indexPages(dist: string, perPart: number): Promise<{ pages: number; parts: string[] }> {
  const pages = searchablePages(dist);
  const parts: string[] = [];
  // Beside the site, so that it is removed with it if the build stops half-way.
  const scratch = `${dist}.search-pages-${process.pid}`;
  try {
    // A site with no searchable page still gets the primary part, which the search page loads.
    for (let start = 0; start === 0 || start < pages.length; start += perPart) {
      const folder = join(scratch, String(start));
      await mkdir(folder, { recursive: true });
      writePages(dist, pages.slice(start, start + perPart), folder);
      const name = start === 0 ? undefined : `sider-${parts.length + 2}`;
      await writeIndexPart(name ? join(dist, PARTS_DIR, name) : join(dist, PRIMARY_PART), async (index) => check(await index.addDirectory({ path: folder })));
      if (name) parts.push(name);
    }
  } finally {
    // Removed once, at the end, not part by part: on a file system without a journal (this
    // project's machines) ext4 passes over inodes freed in the last minute when it makes a file,
    // so each part's pages, written just after the last part's were removed, cost the kernel a
    // search past all of them. Synchronous: 11,600 pages took 0.7 s of CPU, against 1.3 s through the thread pool.
    rmSync(scratch, { recursive: true, force: true });
  }
  return { pages: pages.length, parts };
}
