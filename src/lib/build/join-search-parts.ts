import { mkdir, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PARTS_DIR, PARTS_MANIFEST, PRIMARY_PART, type PartsManifest } from "../search/index-parts.ts";

const byNumber = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/**
 * The search index made whole once the pages' and the records' parts are written, each by a step of
 * its own that may run beside the other: the records' parts moved from `<staging>` beside the
 * pages' in the site, and every part besides the primary one listed for the search page, the
 * pages' first.
 */
export async function joinSearchParts(dist: string, staging: string): Promise<void> {
  await mkdir(join(dist, PARTS_DIR), { recursive: true });
  const pageParts = (await readdir(join(dist, PARTS_DIR))).sort(byNumber);
  const recordParts = (await readdir(join(staging, PARTS_DIR)).catch(() => [] as string[])).sort(byNumber);
  for (const name of recordParts) await rename(join(staging, PARTS_DIR, name), join(dist, PARTS_DIR, name));
  const manifest: PartsManifest = { parts: [...pageParts, ...recordParts].map((name) => `/${PARTS_DIR}/${name}/`) };
  await writeFile(join(dist, PRIMARY_PART, PARTS_MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
}
