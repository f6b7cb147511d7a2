import { copyFile, link, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { mapInBatches } from "../batches.ts";
import { check, writeIndexPart } from "./index-part.ts";
import { PARTS_DIR, PRIMARY_PART } from "./index-parts.ts";

/** The marker of a page's searchable part; pages without it are left out of the index. */
const BODY = Buffer.from("data-pagefind-body");

/** The site's pages that have a searchable part, in path order (so a part holds neighbouring pages). */
async function searchablePages(dist: string): Promise<string[]> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith(".html")).sort();
  const has = await mapInBatches(files, 64, async (file) => (await readFile(join(dist, file))).includes(BODY));
  return files.filter((_, i) => has[i]);
}

/** Links pages into a folder that mirrors the site (copies where the file system refuses links). */
async function linkPages(dist: string, files: string[], folder: string): Promise<void> {
  await mapInBatches(files, 64, async (file) => {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    await link(join(dist, file), join(folder, file)).catch(() => copyFile(join(dist, file), join(folder, file)));
  });
}

/**
 * Indexes the built site's searchable pages (their `data-pagefind-*` markup gives type, filters and
 * weight) in parts of at most `perPart` pages: the first to `<dist>/pagefind/`, the one the search
 * page loads, the others to `<dist>/pagefind-deler/sider-<n>/`. Each part's pages are hard-linked
 * into a folder beside the site: given the whole site, pagefind parses every page before it knows
 * which to leave out (40 % at KOSTRA scale), and sending pages one by one through the Node API is
 * slower still. Returns the names of the parts besides the first, and the number of pages.
 */
export async function indexPages(dist: string, perPart: number): Promise<{ pages: number; parts: string[] }> {
  const pages = await searchablePages(dist);
  const parts: string[] = [];
  // Beside the site, on the same file system, so that the pages are linked rather than copied.
  const scratch = `${dist}.search-pages-${process.pid}`;
  try {
    // A site with no searchable page still gets the primary part, which the search page loads.
    for (let start = 0; start === 0 || start < pages.length; start += perPart) {
      const folder = join(scratch, String(start));
      await mkdir(folder, { recursive: true });
      await linkPages(dist, pages.slice(start, start + perPart), folder);
      const name = start === 0 ? undefined : `sider-${parts.length + 2}`;
      await writeIndexPart(name ? join(dist, PARTS_DIR, name) : join(dist, PRIMARY_PART), async (index) => check(await index.addDirectory({ path: folder })));
      if (name) parts.push(name);
      await rm(folder, { recursive: true, force: true });
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { pages: pages.length, parts };
}
