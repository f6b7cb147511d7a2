import { indexSite } from "../search/index-site.ts";
import { readSearchRecords } from "../search/records-file.ts";
import { recordTiming } from "../timings.ts";

/** `kostra build`'s last step, in a process of its own: the search index of the built pages and the prepared records. */
export async function searchStep(dist: string, recordsFile: string): Promise<number> {
  const started = performance.now();
  const { pages, records } = await indexSite(dist, readSearchRecords(recordsFile));
  const ms = performance.now() - started;
  process.stdout.write(`kostra build: indexed ${pages} pages and ${records} records for search in ${Math.round(ms)} ms\n`);
  recordTiming("search", ms);
  return 0;
}
