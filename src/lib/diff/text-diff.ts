import { diffWords } from "diff";
import type { z } from "zod";
import type { TextSegment } from "./change.ts";

/**
 * Word-level diff of two texts, as segments. When less than half the text is kept, the diff would
 * be fragments of two different texts, so it is given as the old text removed and the new added.
 */
export function wordDiff(before: string, after: string): z.infer<typeof TextSegment>[] {
  const parts = diffWords(before, after);
  const kept = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().length, 0);
  if (kept * 2 < Math.max(before.trim().length, after.trim().length)) {
    return [
      ...(before ? [{ op: "removed" as const, text: before }] : []),
      ...(after ? [{ op: "added" as const, text: after }] : []),
    ];
  }
  return parts.map((part) => ({ op: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}
