import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { searchRecords } from "../search/records.ts";
import { SEARCH_RECORDS_FILE, writeSearchRecords } from "../search/records-file.ts";
import type { Registry } from "../model/registry.ts";
import { recordTiming } from "./timings.ts";
import { validateAndReport } from "./validate-step.ts";
import { writeFingerprint, type Fingerprint } from "../load/fingerprint.ts";
import { fingerprintsOf } from "./content-unchanged.ts";
import { pauseForTest } from "./test-pause.ts";
import { writeAllowedHashes } from "../guard/allowed-hashes.ts";
import { shareUnchangedCodes } from "../model/shared-codes.ts";
import { writeApi } from "./exports-step.ts";
import { PREPARED } from "./prepared.ts";

const since = (started: number) => performance.now() - started;

/**
 * Validates, and hands on the content without what validation kept (every file's text, the YAML
 * documents built for warnings, validation's diffs). A function of its own so that nothing holds
 * the validated registry afterwards. The exit code when validation fails.
 */
async function validatedContent(root: string, staging: string): Promise<{ registry: Registry; fingerprint: Fingerprint } | number> {
  const { code, registry, fingerprint, allowed } = await validateAndReport(root);
  if (code !== 0) return code;
  await mkdir(staging, { recursive: true });
  await writeAllowedHashes(staging, allowed);
  // What was checked, byte for byte: the build publishes only if every later step read the same.
  writeFingerprint(fingerprintsOf(staging), "validated", fingerprint);
  pauseForTest("KOSTRA_TEST_PAUSE_AFTER_VALIDATION");
  return { registry: registry.withoutSources(), fingerprint };
}

/**
 * `kostra build`'s first step, in a process of its own beside Astro's start: validate, then from
 * the content validation loaded write the search records (`<staging>/search-records.jsonl`), which
 * the records' search index reads. With `thenApi` (where the API fits beside Astro) it tells the
 * build it is done (`PREPARED`) and goes on to write the API from the same content, as the API's
 * step would (`exports-step.ts`): the content is not loaded again (10 s of CPU at KOSTRA scale), and
 * the API is made from the bytes validation checked. Its exit status is then the API's.
 */
export async function prepareStep(root: string, staging: string, { thenApi = false } = {}): Promise<number> {
  const validated = await validatedContent(root, staging);
  if (typeof validated === "number") return validated;
  const started = performance.now();
  await mkdir(staging, { recursive: true });
  const records = await writeSearchRecords(searchRecords(validated.registry), join(staging, SEARCH_RECORDS_FILE));
  process.stdout.write(`kostra build: prepared ${records} code, field and control records for search in ${Math.round(since(started))} ms\n`);
  recordTiming("search-records", since(started));
  if (!thenApi) return 0;
  // The channel closed once the message is sent: left open it would keep this process alive.
  process.send?.(PREPARED, () => process.connected && process.disconnect());
  writeFingerprint(fingerprintsOf(staging), "exports", validated.fingerprint);
  const registry = shareUnchangedCodes(validated.registry);
  // What validation held is given back before the API is written (the build exposes the collector
  // to this step, gc-flags.ts). A regular collection leaves the heap and its young generation as
  // large as validation made them: at KOSTRA scale this process then held 1.9 GB beside Astro, the
  // build's peak 4.1 GB, against 1.5 GB with this collection, as the API's own step had.
  (globalThis as { gc?: (options: object) => void }).gc?.({ type: "major", execution: "sync", flavor: "last-resort" });
  return writeApi(registry, staging);
}
