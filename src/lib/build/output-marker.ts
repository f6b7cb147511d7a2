import { lstatSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The file every build writes at the root of the site it builds. A build replaces its output folder
 * whole, so it must know that what is there is a site of its own making: a folder holding this file
 * is one (made by an earlier build), any other non-empty folder may hold anyone's files. A dot-file,
 * so that `kostra serve` (which serves no dot-file) and hosts that leave dot-files out never publish
 * it; written when the site is complete, after the API's `index.json` and the search index, so
 * nothing that lists the site's files lists it.
 */
export const OUTPUT_MARKER = ".kostra-build";

/** What the marker says; always the same, so that two builds of the same content stay byte-identical. */
const MARKER_TEXT = "Built by `kostra build` (the KOSTRA registry). The next build into this folder replaces it whole.\n";

/** Marks a complete site as made by a build. */
export function markSite(site: string): void {
  writeFileSync(join(site, OUTPUT_MARKER), MARKER_TEXT);
}

/**
 * What is at `out`, as far as replacing it goes: nothing (missing, or an empty folder), a site an
 * earlier build made, a folder of other files, or something that is no folder (a file, a broken link).
 */
export function outputKind(out: string): "none" | "site" | "files" | "not-folder" {
  // Followed through a symlink: the build renames the link aside and never empties what it points
  // to, but what it points to is what the folder shows.
  const stat = statSync(out, { throwIfNoEntry: false });
  if (!stat) return lstatSync(out, { throwIfNoEntry: false }) ? "not-folder" : "none";
  if (!stat.isDirectory()) return "not-folder";
  if (readdirSync(out).length === 0) return "none";
  const isFile = (path: string) => lstatSync(join(out, path), { throwIfNoEntry: false })?.isFile() === true;
  return isFile(OUTPUT_MARKER) || LEGACY_SITE.every(isFile) ? "site" : "files";
}

/**
 * Files only a site built before builds marked their output holds all of (its API's index, its
 * search index's manifest, its host headers): such a `dist/` is replaced without `--force`, so that
 * `npm start` in an existing checkout goes on working.
 */
const LEGACY_SITE = ["api/v1/index.json", "pagefind/pagefind-entry.json", "_headers"];
