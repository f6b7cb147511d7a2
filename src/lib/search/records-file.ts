import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { SearchRecord } from "./records.ts";

/** Where the search records wait, in the build's staging folder, for the index built after the pages. */
export const SEARCH_RECORDS_FILE = "search-records.jsonl";

/**
 * Search records handed from the process that has the registry to the one that builds the index,
 * one JSON line each: streamed both ways, so neither holds the whole file as one string.
 */
export async function writeSearchRecords(records: Iterable<SearchRecord>, file: string): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  for (const r of records) {
    count++;
    if (!out.write(JSON.stringify(r) + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return count;
}

/** The records written by `writeSearchRecords`, in order. */
export async function* readSearchRecords(file: string): AsyncGenerator<SearchRecord> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line) yield JSON.parse(line) as SearchRecord;
  }
}
