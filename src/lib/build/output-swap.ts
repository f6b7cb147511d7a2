import { lstatSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { markSite } from "./output-marker.ts";
import { runsElsewhere } from "./pids.ts";
import { pauseForTest } from "./test-pause.ts";

/**
 * Puts a complete new site at `out` in place of the old one, with two renames in one folder: the
 * old site aside to `<out>.old-<pid>`, the new one in, then the old one deleted. Each rename is
 * atomic, so `out` holds the whole old site until the first and the whole new site from the second
 * on; never a mix, never part of one. Between the two (microseconds, no copying) `out` is missing:
 * a build killed there leaves the old site whole at `<out>.old-<pid>`, and the next build puts it
 * back before anything else (`recoverSwap`).
 *
 * Chosen over flipping a symlink (`out` → `<out>.sites/<id>`), which has no missing instant, because
 * `out` stays a real folder: `cp -r`, rsync, static hosts' uploads, `astro preview`, the `dist/`
 * line of .gitignore and everything that lists the folder beside `out` see what they always saw,
 * and there is no first build that must turn a real folder into a link non-atomically anyway.
 *
 * The site is marked as a build's first (`output-marker.ts`), so that the next build may replace it.
 */
export async function swapIn(site: string, out: string): Promise<void> {
  markSite(site);
  pauseForTest("KOSTRA_TEST_PAUSE_AT_SWAP");
  const old = `${out}.old-${process.pid}`;
  const hadOld = present(out);
  if (hadOld) await rename(out, old);
  pauseForTest("KOSTRA_TEST_PAUSE_MID_SWAP");
  try {
    await rename(site, out);
  } catch (e) {
    if (hadOld) await rename(old, out);
    throw e;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/**
 * After a build killed between the two renames of `swapIn`: `out` is missing and the old site is
 * whole at `<out>.old-<pid>` of a pid that no longer runs; puts it back. Run under the output lock,
 * before anything else.
 */
export async function recoverSwap(out: string): Promise<void> {
  if (present(out)) return;
  const prefix = `${basename(out)}.old-`;
  const names = await readdir(dirname(out)).catch(() => []);
  const stranded = names.find((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)) && !runsElsewhere(Number(n.slice(prefix.length))));
  if (stranded) await rename(join(dirname(out), stranded), out);
}

/** Whether anything is at `path`, a broken symlink included. */
const present = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;
