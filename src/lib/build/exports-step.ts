import { join } from "node:path";
import { codelistFilesFromEnd, exportFiles, writeFiles } from "../export/write.ts";
import { everyCodelistTaken, sharedThrough, type CodelistShare } from "../export/codelist-share.ts";
import { loadContent } from "../load/load-content.ts";
import type { Registry } from "../model/registry.ts";
import { recordTiming } from "./timings.ts";
import { formatFinding } from "../guard/print-finding.ts";
import { writeFingerprint } from "../load/fingerprint.ts";
import { fingerprintsOf } from "./content-unchanged.ts";
import { siteAddress } from "../site/address.ts";
import { shareUnchangedCodes } from "../model/shared-codes.ts";
import { allowedFrom } from "../guard/allowed-hashes.ts";
import { API_HOLDS_PERSONAL_DATA, contentHits, nameHits, printOutputHits } from "../guard/output-check.ts";

const since = (started: number) => performance.now() - started;

/** Where the API's two processes share the codelists (`codelist-share.ts`), in the staging folder, never published. */
const sharesOf = (staging: string) => join(staging, "api-codelists");

/**
 * `kostra build`'s step beside the end of Astro's page phase (where both fit in memory) and the
 * pages' search index, in a process of its own: the static API (`<staging>/api/v1/`) from the
 * content the first step validated, loaded again without checks. `fromEnd`: the second process,
 * started when Astro ends (where memory allows); it writes codelists from the last while the first
 * writes them from the first, and the first writes the rest and the index.
 *
 * Every file is checked for personal data as it is written, by the functions that check the rest
 * of the built site (`scan-step.ts`): the text it writes, not the file read back, so the API's
 * 3 GB at KOSTRA scale are not read and decoded again by more processes. Exits
 * `API_HOLDS_PERSONAL_DATA` on a hit; the second process before it hands a codelist over, so the
 * first never indexes what was not checked.
 */
export async function exportsStep(root: string, staging: string, fromEnd = false): Promise<number> {
  const started = performance.now();
  // Nothing left for a second process: it need not load the content.
  if (fromEnd && everyCodelistTaken(sharesOf(staging))) return 0;
  const allowed = await allowedFrom(staging);
  const registry = await loadedContent(root, staging, fromEnd ? "exports-from-end" : "exports");
  if (typeof registry === "number") return registry;
  const hits: string[] = [];
  const check = (path: string, content: string | Uint8Array | undefined) => {
    hits.push(...nameHits(path, allowed));
    if (content !== undefined) hits.push(...contentHits(path, content, allowed));
  };
  const shared = sharedThrough(sharesOf(staging));
  const share: CodelistShare = {
    ...shared,
    finished(id, resources) {
      if (hits.length) throw new PersonalDataFound();
      shared.finished(id, resources);
    },
  };
  const site = siteAddress().url;
  let written = { files: 0, bytes: 0 };
  try {
    written = writeFiles(fromEnd ? codelistFilesFromEnd(registry, site, share) : exportFiles(registry, site, share), staging, check);
  } catch (e) {
    if (!(e instanceof PersonalDataFound)) throw e;
  }
  if (hits.length) {
    printOutputHits(hits);
    return API_HOLDS_PERSONAL_DATA;
  }
  const { files, bytes } = written;
  process.stdout.write(`kostra build: wrote ${files} export files (${(bytes / 2 ** 20).toFixed(0)} MiB) to api/v1/${fromEnd ? ", codelists from the last," : ""} in ${Math.round(since(started))} ms\n`);
  recordTiming(fromEnd ? "exports-from-end" : "exports", since(started));
  return 0;
}

class PersonalDataFound extends Error {}

/** The content, loaded without checks and without its sources (a function of its own, so the files' texts can be collected). */
async function loadedContent(root: string, staging: string, step: string): Promise<Registry | number> {
  const loaded = await loadContent(root, { validated: true });
  writeFingerprint(fingerprintsOf(staging), step, loaded.fingerprint);
  const errors = loaded.findings.filter((f) => f.severity === "error");
  if (!errors.length) return shareUnchangedCodes(loaded.registry.withoutSources());
  // Only when a file changed after validation: the build stops rather than publish it unchecked.
  process.stderr.write(`kostra build: the content changed during the build and has ${errors.length} error(s):\n${errors.map(formatFinding).join("\n")}\n`);
  return 1;
}
