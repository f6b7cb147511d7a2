import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { searchRecords } from "../search/records.ts";
import { SEARCH_RECORDS_FILE, writeSearchRecords } from "../search/records-file.ts";
import type { Registry } from "../model/registry.ts";
import { recordTiming } from "./timings.ts";
import { validateAndReport } from "./validate-step.ts";
import { writeFingerprint } from "../load/fingerprint.ts";
import { fingerprintsOf } from "./content-unchanged.ts";
import { pauseForTest } from "./test-pause.ts";
import { writeAllowedHashes } from "../guard/allowed-hashes.ts";

const since = (started: number) => performance.now() - started;

/**
 * Validates, and hands on the content without what validation kept (every file's text, the YAML
 * documents built for warnings, validation's diffs). A function of its own so that nothing holds
 * the validated registry afterwards. The exit code when validation fails.
 */
async function validatedContent(root: string, staging: string): Promise<Registry | number> {
  const { code, registry, fingerprint, allowed } = await validateAndReport(root);
  if (code !== 0) return code;
  await mkdir(staging, { recursive: true });
  await writeAllowedHashes(staging, allowed);
  // What was checked, byte for byte: the build publishes only if every later step read the same.
  writeFingerprint(fingerprintsOf(staging), "validated", fingerprint);
  pauseForTest("KOSTRA_TEST_PAUSE_AFTER_VALIDATION");
  return registry.withoutSources();
}

/**
 * `kostra build`'s first step, in a process of its own: validate, then from the content validation
 * loaded write the search records (`<staging>/search-records.jsonl`), which the records' search
 * index beside the pages reads. The process ends, with its memory, before Astro starts.
 */
export async function prepareStep(root: string, staging: string): Promise<number> {
  const registry = await validatedContent(root, staging);
  if (typeof registry === "number") return registry;
  const started = performance.now();
  await mkdir(staging, { recursive: true });
  const records = await writeSearchRecords(searchRecords(registry), join(staging, SEARCH_RECORDS_FILE));
  process.stdout.write(`kostra build: prepared ${records} code, field and control records for search in ${Math.round(since(started))} ms\n`);
  recordTiming("search-records", since(started));
  return 0;
}
