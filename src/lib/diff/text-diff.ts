import { diffWords } from "diff";
import type { z } from "zod";
import type { TextSegment } from "./change.ts";

type Segment = z.infer<typeof TextSegment>;

/** The word characters of jsdiff's `diffWords` (diff/libesm/diff/word.js): a word is a maximal run of them. */
const WORD = /[a-zA-Z0-9_\u{AD}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{2C6}\u{2C8}-\u{2D7}\u{2DE}-\u{2FF}\u{1E00}-\u{1EFF}]+/gu;

const replaced = (before: string, after: string): Segment[] => [
  ...(before ? [{ op: "removed" as const, text: before }] : []),
  ...(after ? [{ op: "added" as const, text: after }] : []),
];

/**
 * Whether two texts share so little that a word diff would keep less than half of them, known
 * without computing it: no word in common, and too few common punctuation marks (each kept with at
 * most the whitespace after it) to make up half. A relabelling that rewrites the text is the common
 * case at scale, and the word diff was half the time of diffing a whole registry.
 */
function tooDifferent(before: string, after: string): boolean {
  const words = new Set(before.match(WORD));
  if (after.match(WORD)?.some((w) => words.has(w))) return false;
  const marks = (s: string) => {
    const count = new Map<string, number>();
    for (const ch of s.replace(WORD, "").replace(/\s+/gu, "")) count.set(ch, (count.get(ch) ?? 0) + 1);
    return count;
  };
  const a = marks(before);
  let common = 0;
  for (const [ch, n] of marks(after)) common += Math.min(n, a.get(ch) ?? 0);
  const space = Math.max(0, ...[...`${before}\n${after}`.matchAll(/\s+/gu)].map((m) => m[0].length));
  return common * (1 + space) * 2 < Math.max(before.trim().length, after.trim().length);
}

/** `wordDiff` without the shortcut for texts that share too little: what the shortcut must equal. */
export function fullWordDiff(before: string, after: string): Segment[] {
  const parts = diffWords(before, after);
  const kept = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().length, 0);
  if (kept * 2 < Math.max(before.trim().length, after.trim().length)) return replaced(before, after);
  return parts.map((part) => ({ op: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}

/**
 * Word-level diff of two texts, as segments. When less than half the text is kept, the diff would
 * be fragments of two different texts, so it is given as the old text removed and the new added.
 */
export function wordDiff(before: string, after: string): Segment[] {
  return tooDifferent(before, after) ? replaced(before, after) : fullWordDiff(before, after);
}
