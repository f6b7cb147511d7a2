import { dirname } from "node:path";
import { exportFiles, writeFiles } from "../export/write.ts";
import { loadContent } from "../load/load-content.ts";
import type { Registry } from "../model/registry.ts";
import { recordTiming } from "./timings.ts";
import { formatFinding } from "../guard/print-finding.ts";
import { writeFingerprint } from "../load/fingerprint.ts";
import { fingerprintsOf } from "./content-unchanged.ts";
import { siteAddress } from "../site/address.ts";
import { shareUnchangedCodes } from "../model/shared-codes.ts";
import { allowedFrom } from "../guard/allowed-hashes.ts";
import { API_HOLDS_PERSONAL_DATA, contentHits, nameHits, printOutputHits, textHits } from "../guard/output-check.ts";
import { zipEntryTexts } from "../guard/output-text.ts";
import type { ZipEntry } from "../export/zip.ts";

const since = (started: number) => performance.now() - started;

/**
 * `kostra build`'s API step where the first step does not go on to write the API (the content too
 * large for the API beside Astro, `overlap.ts`): the static API (`<staging>/api/v1/`) from the
 * content the first step validated, loaded again without checks, in a process of its own beside
 * the pages' search index.
 *
 * Every file is checked for personal data as it is written, by the functions that check the rest
 * of the built site (`scan-step.ts`): the text it writes, not the file read back, so the API's
 * 3 GB at KOSTRA scale are not read and decoded again by more processes; for a spreadsheet, the
 * parts it zips, not the zip unpacked again (about 2 s of CPU at KOSTRA scale). Stops after the folder
 * (a codelist's) of the first file with a hit and exits `API_HOLDS_PERSONAL_DATA`.
 */
export async function exportsStep(root: string, staging: string): Promise<number> {
  const started = performance.now();
  const registry = await loadedContent(root, staging);
  if (typeof registry === "number") return registry;
  return writeApi(registry, staging, started);
}

/**
 * The API from content loaded and validated in this process (the first step's, where it goes on
 * to write the API: `prepare-step.ts`), or loaded again (`exportsStep`), each file checked as it is
 * written. `API_HOLDS_PERSONAL_DATA` at a hit.
 */
export async function writeApi(registry: Registry, staging: string, started = performance.now()): Promise<number> {
  const allowed = await allowedFrom(staging);
  const hits: string[] = [];
  // The folder of the first file with a hit: its other files (a codelist's years and formats) are
  // checked too, so the report names them all; the step stops at the first file outside it.
  let hitFolder: string | undefined;
  const check = (path: string, content: string | Uint8Array | undefined, parts?: readonly ZipEntry[]) => {
    if (hitFolder !== undefined && dirname(path) !== hitFolder) throw new PersonalDataFound();
    hits.push(...nameHits(path, allowed));
    if (parts) hits.push(...textHits(path, zipEntryTexts(parts), allowed));
    else if (content !== undefined) hits.push(...contentHits(path, content, allowed));
    if (hits.length) hitFolder ??= dirname(path);
  };
  const site = siteAddress().url;
  let written = { files: 0, bytes: 0 };
  try {
    written = writeFiles(exportFiles(registry, site), staging, check);
  } catch (e) {
    if (!(e instanceof PersonalDataFound)) throw e;
  }
  if (hits.length) {
    printOutputHits(hits);
    return API_HOLDS_PERSONAL_DATA;
  }
  const { files, bytes } = written;
  process.stdout.write(`kostra build: wrote ${files} export files (${(bytes / 2 ** 20).toFixed(0)} MiB) to api/v1/ in ${Math.round(since(started))} ms\n`);
  recordTiming("exports", since(started));
  return 0;
}

class PersonalDataFound extends Error {}

/** The content, loaded without checks and without its sources (a function of its own, so the files' texts can be collected). */
async function loadedContent(root: string, staging: string): Promise<Registry | number> {
  const loaded = await loadContent(root, { validated: true });
  writeFingerprint(fingerprintsOf(staging), "exports", loaded.fingerprint);
  const errors = loaded.findings.filter((f) => f.severity === "error");
  if (!errors.length) return shareUnchangedCodes(loaded.registry.withoutSources());
  // Only when a file changed after validation: the build stops rather than publish it unchecked.
  process.stderr.write(`kostra build: the content changed during the build and has ${errors.length} error(s):\n${errors.map(formatFinding).join("\n")}\n`);
  return 1;
}
