import { join } from "node:path";
import { indexPages } from "../search/index-pages.ts";
import { PARTS_DIR, partSizes } from "../search/index-parts.ts";
import { indexRecords } from "../search/index-records.ts";
import { readSearchRecords, SEARCH_RECORDS_FILE } from "../search/records-file.ts";
import { recordTiming } from "./timings.ts";

/**
 * `kostra build`'s step for the search index of the code, field and control records the first step
 * prepared, in a process of its own, in parts, to `<staging>/pagefind-deler/`. It needs no page:
 * it runs beside Astro where the API does not, else beside the pages' index.
 */
export async function searchRecordsStep(staging: string): Promise<number> {
  const started = performance.now();
  const { records, parts } = await indexRecords(readSearchRecords(join(staging, SEARCH_RECORDS_FILE)), join(staging, PARTS_DIR), partSizes().records);
  const ms = performance.now() - started;
  process.stdout.write(`kostra build: indexed ${records} records for search in ${parts.length} part${parts.length === 1 ? "" : "s"} in ${Math.round(ms)} ms\n`);
  recordTiming("search-records-index", ms);
  return 0;
}

/**
 * `kostra build`'s step after the pages, in a process of its own: the search index of the built
 * pages, in parts. The records' parts join them when both are written (`join-search-parts.ts`).
 */
export async function searchStep(dist: string): Promise<number> {
  const started = performance.now();
  const { pages, parts } = await indexPages(dist, partSizes().pages);
  const ms = performance.now() - started;
  process.stdout.write(`kostra build: indexed ${pages} pages for search in ${parts.length + 1} part${parts.length ? "s" : ""} in ${Math.round(ms)} ms\n`);
  recordTiming("search", ms);
  return 0;
}
