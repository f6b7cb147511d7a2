import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeExports } from "../export/write.ts";
import { formatFinding } from "../validate/finding.ts";
import { loadContent } from "../load/load-content.ts";
import { searchRecords } from "../search/records.ts";
import { SEARCH_RECORDS_FILE, writeSearchRecords } from "../search/records-file.ts";
import type { Registry } from "../registry.ts";
import { recordTiming } from "../timings.ts";
import { validateAndReport } from "./validate-command.ts";

const siteUrl = () => (process.env.KOSTRA_SITE_URL ?? "http://localhost:4321").replace(/\/$/, "");
const since = (started: number) => performance.now() - started;

/**
 * Validates, and hands on the content without what validation kept (every file's text, the YAML
 * documents built for warnings, validation's diffs). A function of its own so that nothing holds
 * the validated registry afterwards. The exit code when validation fails.
 */
async function validatedContent(root: string): Promise<Registry | number> {
  const { code, registry } = await validateAndReport(root);
  return code === 0 ? registry.withoutSources() : code;
}

/**
 * `kostra build`'s first step, in a process of its own: validate, then from the content validation
 * loaded write the search records (`<staging>/search-records.jsonl`), which the records' search
 * index beside the pages reads. The process ends, with its memory, before Astro starts.
 */
export async function prepareStep(root: string, staging: string): Promise<number> {
  const registry = await validatedContent(root);
  if (typeof registry === "number") return registry;
  const started = performance.now();
  await mkdir(staging, { recursive: true });
  const records = await writeSearchRecords(searchRecords(registry), join(staging, SEARCH_RECORDS_FILE));
  process.stdout.write(`kostra build: prepared ${records} code, field and control records for search in ${Math.round(since(started))} ms\n`);
  recordTiming("search-records", since(started));
  return 0;
}

/**
 * `kostra build`'s step beside the pages' search index, in a process of its own: the static API
 * (`<staging>/api/v1/`) from the content the first step validated, loaded again without checks.
 * It runs after Astro, whose memory would otherwise sit beside it, on the core that pagefind's
 * indexing leaves partly idle.
 */
export async function exportsStep(root: string, staging: string): Promise<number> {
  const started = performance.now();
  const registry = await loadedContent(root);
  if (typeof registry === "number") return registry;
  const { files, bytes } = await writeExports(registry, staging, siteUrl());
  process.stdout.write(`kostra build: wrote ${files} export files (${(bytes / 2 ** 20).toFixed(0)} MiB) to api/v1/ in ${Math.round(since(started))} ms\n`);
  recordTiming("exports", since(started));
  return 0;
}

/** The content, loaded without checks and without its sources (a function of its own, so the files' texts can be collected). */
async function loadedContent(root: string): Promise<Registry | number> {
  const loaded = await loadContent(root, { validated: true });
  const errors = loaded.findings.filter((f) => f.severity === "error");
  if (!errors.length) return loaded.registry.withoutSources();
  // Only when a file changed after validation: the build stops rather than publish it unchecked.
  process.stderr.write(`kostra build: the content changed during the build and has ${errors.length} error(s):\n${errors.map(formatFinding).join("\n")}\n`);
  return 1;
}
