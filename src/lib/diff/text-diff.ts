import { diffWords } from "diff";
import type { z } from "zod";
import type { TextSegment } from "./change.ts";

/** Word-level diff of two texts, as segments. */
export function wordDiff(before: string, after: string): z.infer<typeof TextSegment>[] {
  return diffWords(before, after).map((part) => ({ op: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}
