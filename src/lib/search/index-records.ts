import { join } from "node:path";
import { mapInBatches } from "./batches.ts";
import { check, writeIndexPart } from "./index-part.ts";
import { recordHtml } from "./record-html.ts";
import type { SearchRecord } from "./records.ts";

/**
 * Indexes the code, field and control records in parts of at most `perPart` (a record with its
 * codes), written to `<outDir>/poster-<n>/`. Returns the part names and the number of records.
 */
export async function indexRecords(records: AsyncIterable<SearchRecord> | Iterable<SearchRecord>, outDir: string, perPart: number): Promise<{ records: number; parts: string[] }> {
  const parts: string[] = [];
  let count = 0;
  let part: SearchRecord[] = [];
  let size = 0;
  const flush = async () => {
    if (!part.length) return;
    const name = `poster-${parts.length + 1}`;
    const these = part;
    part = [];
    size = 0;
    // pagefind indexes in its own process; concurrent batches keep it busy.
    await writeIndexPart(join(outDir, name), async (index) => {
      await mapInBatches(these, 256, async (r) => check(await index.addHTMLFile({ url: r.url, content: recordHtml(r) })));
    });
    parts.push(name);
    count += these.length;
  };
  for await (const r of records) {
    part.push(r);
    size += 1 + (r.sections?.length ?? 0);
    if (size >= perPart) await flush();
  }
  await flush();
  return { records: count, parts };
}
