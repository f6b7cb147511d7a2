import { writeExports } from "../export/write.ts";
import { loadContent } from "../load/load-content.ts";
import type { Registry } from "../model/registry.ts";
import { recordTiming } from "./timings.ts";
import { formatFinding } from "../guard/print-finding.ts";
import { writeFingerprint } from "../load/fingerprint.ts";
import { fingerprintsOf } from "./content-unchanged.ts";
import { siteAddress } from "../site/address.ts";
import { shareUnchangedCodes } from "../model/shared-codes.ts";

const since = (started: number) => performance.now() - started;

/**
 * `kostra build`'s step beside the end of Astro's page phase (where both fit in memory) and the
 * pages' search index, in a process of its own: the static API (`<staging>/api/v1/`) from the
 * content the first step validated, loaded again without checks.
 */
export async function exportsStep(root: string, staging: string): Promise<number> {
  const started = performance.now();
  const registry = await loadedContent(root, staging);
  if (typeof registry === "number") return registry;
  const { files, bytes } = await writeExports(registry, staging, siteAddress().url);
  process.stdout.write(`kostra build: wrote ${files} export files (${(bytes / 2 ** 20).toFixed(0)} MiB) to api/v1/ in ${Math.round(since(started))} ms\n`);
  recordTiming("exports", since(started));
  return 0;
}

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
