import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { SearchRecord } from "./records.ts";

/** Where the search records wait, in the build's staging folder, for the index built after the pages. */
export const SEARCH_RECORDS_FILE = "search-records.jsonl";

/**
 * One record as one line. JSON leaves U+2028 and U+2029 (LINE and PARAGRAPH SEPARATOR, common in
 * pasted text) raw, and many line readers (node:readline among them) end a line at them; written as
 * `\u2028` and `\u2029` the line holds only "\n" as its end, whoever reads it.
 */
const recordLine = (r: SearchRecord) => JSON.stringify(r).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`) + "\n";

/**
 * Search records handed from the process that has the registry to the one that builds the index,
 * one JSON line each: streamed both ways, so neither holds the whole file as one string.
 */
export async function writeSearchRecords(records: Iterable<SearchRecord>, file: string): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  for (const r of records) {
    count++;
    if (!out.write(recordLine(r))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return count;
}

/**
 * The records written by `writeSearchRecords`, in order. Lines end at "\n" only (not at "\r", U+2028
 * or U+2029 as in node:readline), so a record holding one of those raw is still read whole.
 */
export async function* readSearchRecords(file: string): AsyncGenerator<SearchRecord> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of createReadStream(file)) {
    pending += decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; start = end + 1, end = pending.indexOf("\n", start)) {
      const line = pending.slice(start, end);
      if (line.trim()) yield JSON.parse(line) as SearchRecord;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.trim()) yield JSON.parse(pending) as SearchRecord;
}
