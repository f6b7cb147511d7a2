import { readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { findNationalIds } from "../guard/find-national-ids.ts";
import { outputTexts } from "../guard/output-text.ts";
import { redactNationalIds } from "../guard/redact.ts";
import { maskHashes } from "../guard/hashes.ts";
import { escapeForTerminal } from "../guard/clean-text.ts";
import { fileReader } from "../load/file-reader.ts";
import { recordTiming } from "./timings.ts";
import { SEARCH_RECORDS_FILE } from "../search/records-file.ts";

/** Where the prepare step leaves the SHA-256 of each number recorded as not personal (never the number). */
export const ALLOWED_HASHES_FILE = "allowed-number-hashes.json";

const hashOf = (digits: string) => createHash("sha256").update(digits).digest("hex");

/** Writes the hashes of the numbers the content allows, for the scan of the output. */
export async function writeAllowedHashes(staging: string, allowed: Iterable<string>): Promise<void> {
  await writeFile(join(staging, ALLOWED_HASHES_FILE), JSON.stringify([...allowed].map(hashOf)));
}

/** The allowed numbers as a set the guard can ask, knowing only their hashes. */
async function allowedFrom(staging: string): Promise<ReadonlySet<string>> {
  const hashes = new Set<string>(JSON.parse(await readFile(join(staging, ALLOWED_HASHES_FILE), "utf8")) as string[]);
  return { has: (digits: string) => hashes.has(hashOf(digits)) } as ReadonlySet<string>;
}

/**
 * `kostra build`'s last check before it publishes, in a process of its own (`n` side by side, the
 * `k`-th taking every `n`-th name and its share of the files, dealt by size): every file of the built site — its name, its text, a page's
 * text as it reads, every part of a spreadsheet, the search index unpacked — must hold nothing that
 * looks like a national identity number. Validation looks at the content; this looks at what would
 * be published, whatever the way from one to the other. Prints each hit (file and what, never the
 * number) and exits 1 on any. `under`: only that folder of `dist` (the API, checked in the staging
 * folder as soon as it is written, beside the pages' search index), named as from `dist`.
 */
export async function scanStep(dist: string, staging: string, k = 0, n = 1, under?: string): Promise<number> {
  const started = performance.now();
  const allowed = await allowedFrom(staging);
  // Listed and stat-ed synchronously: at KOSTRA scale 138,915 entries listed in 0.7 s of CPU and
  // 116,484 files stat-ed in 0.6 s, against 1.1–1.3 s and 1.3 s through the thread pool.
  const files = (readdirSync(under ? join(dist, under) : dist, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean; isDirectory(): boolean }[])
    .map((e) => ({ path: join(e.parentPath, e.name).slice(dist.length + 1), file: e.isFile() }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const hits: string[] = [];
  for (const [i, { path }] of files.entries()) if (i % n === k && findNationalIds(path, allowed).length) hits.push(`${path}: its name`);
  // The API writes a codelist version's files once and hard-links them into every year it is in
  // force: each file's bytes are read once. The files are dealt out by size, every process making
  // the same deal from the same sorted list: by inode number the halves held 15,430 and 4,642
  // pages (a page's folder and its file take neighbouring numbers), and one took twice the other's time.
  const inodes = files
    .filter((f) => f.file)
    .map(({ path }) => {
      const { ino, size } = statSync(join(dist, path), { bigint: true });
      return { path, ino, size: Number(size) };
    });
  const seen = new Set<bigint>();
  const load = new Array<number>(n).fill(0);
  const mine: { path: string }[] = [];
  for (const file of inodes) {
    if (seen.has(file.ino)) continue;
    seen.add(file.ino);
    const least = load.indexOf(Math.min(...load));
    load[least] += file.size;
    if (least === k) mine.push(file);
  }
  const read = fileReader();
  for (const { path } of mine) {
    for (const { what, text } of outputTexts(path, read(join(dist, path)))) {
      if (findNationalIds(maskHashes(text), allowed).length) hits.push(`${path}: ${what}`);
    }
  }
  // The search records the index was made from (their text is in the index's fragments, read there without it).
  if (k === 0 && !under) {
    const records = await readFile(join(staging, SEARCH_RECORDS_FILE), "utf8").catch(() => "");
    if (findNationalIds(records, allowed).length) hits.push("the search index's records");
  }
  const ms = performance.now() - started;
  recordTiming(under ? `scan-${under.split("/")[0]}-${k}` : `scan-${k}`, ms);
  if (!hits.length) return 0;
  const shown = hits.sort().map((h) => `  ${escapeForTerminal(redactNationalIds(h))}`);
  process.stderr.write(`kostra build: the built site holds something that looks like a national identity number (not shown) in ${hits.length} place(s):\n${shown.join("\n")}\n`);
  return 1;
}
