import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { findNationalIds } from "../guard/find-national-ids.ts";
import { allowedFrom } from "../guard/allowed-hashes.ts";
import { contentHits, nameHits, printOutputHits } from "../guard/output-check.ts";
import { fileReader } from "../load/file-reader.ts";
import { recordTiming } from "./timings.ts";
import { SEARCH_RECORDS_FILE } from "../search/records-file.ts";

/**
 * `kostra build`'s last check before it publishes, in a process of its own (`n` side by side, the
 * `k`-th taking every `n`-th name and its share of the files, dealt by size): every file of the built site — its name, its text, a page's
 * text as it reads, every part of a spreadsheet, the search index unpacked — must hold nothing that
 * looks like a national identity number. Validation looks at the content; this looks at what would
 * be published, whatever the way from one to the other. Prints each hit (file and what, never the
 * number) and exits 1 on any. The API is not read here: its step checks each file as it writes it
 * (`exports-step.ts`), with the same functions.
 */
export async function scanStep(dist: string, staging: string, k = 0, n = 1): Promise<number> {
  const started = performance.now();
  const allowed = await allowedFrom(staging);
  // Listed and stat-ed synchronously: at KOSTRA scale 138,915 entries listed in 0.7 s of CPU and
  // 116,484 files stat-ed in 0.6 s, against 1.1–1.3 s and 1.3 s through the thread pool.
  const files = (readdirSync(dist, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean; isDirectory(): boolean }[])
    .map((e) => ({ path: join(e.parentPath, e.name).slice(dist.length + 1), file: e.isFile() }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const hits: string[] = [];
  for (const [i, { path }] of files.entries()) if (i % n === k) hits.push(...nameHits(path, allowed));
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
  for (const { path } of mine) hits.push(...contentHits(path, read(join(dist, path)), allowed));
  // The search records the index was made from (their text is in the index's fragments, read there without it).
  if (k === 0) {
    const records = await readFile(join(staging, SEARCH_RECORDS_FILE), "utf8").catch(() => "");
    if (findNationalIds(records, allowed).length) hits.push("the search index's records");
  }
  const ms = performance.now() - started;
  recordTiming(`scan-${k}`, ms);
  if (!hits.length) return 0;
  printOutputHits(hits);
  return 1;
}
