import { diffArrays } from "diff";
import type { z } from "zod";
import type { TextSegment } from "./change.ts";

type Segment = z.infer<typeof TextSegment>;

/** The word characters of jsdiff's `diffWords` (diff/libesm/diff/word.js): a word is a maximal run of them. */
const WORD = /[a-zA-Z0-9_\u{AD}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{2C6}\u{2C8}-\u{2D7}\u{2DE}-\u{2FF}\u{1E00}-\u{1EFF}]+/gu;

/**
 * A text's tokens: a paragraph reference (`§ 4-27`, `§§ 6-3`), a number with its inner separators
 * (`2.4`, `4-27`, `31.12.2023`, `1,5`), a word, a run of whitespace, or one other character. A
 * reference or number is never split: «§ 4-27» → «§ 6-3» reads as whole tokens, not as digits
 * struck through one by one.
 */
const TOKEN = new RegExp(`§+\\s*\\d+(?:[-–.:/]\\d+)*[a-z]?(?![${"\\p{L}\\p{N}"}])|\\d+(?:[-–.,:/]\\d+)*|${WORD.source}|\\s+|[^]`, "gu");
export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];
/** A token holding a letter or digit (a word, number or reference), as against punctuation and space. */
const isWord = (t: string) => /[\p{L}\p{N}_]/u.test(t);

const replaced = (before: string, after: string): Segment[] => [
  ...(before ? [{ op: "removed" as const, text: before }] : []),
  ...(after ? [{ op: "added" as const, text: after }] : []),
];

/**
 * Whether two texts share so little that a word diff would keep less than half of them, known
 * without computing it: no word token in common, and too few common punctuation marks (each kept with at
 * most the whitespace after it) to make up half. A relabelling that rewrites the text is the common
 * case at scale, and the word diff was half the time of diffing a whole registry.
 */
function tooDifferent(before: string, after: string): boolean {
  const words = new Set(tokenize(before).filter(isWord));
  if (tokenize(after).some((w) => isWord(w) && words.has(w))) return false;
  const marks = (s: string) => {
    const count = new Map<string, number>();
    for (const ch of tokenize(s).filter((t) => !isWord(t)).join("").replace(/\s+/gu, "")) count.set(ch, (count.get(ch) ?? 0) + 1);
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
  const segments: Segment[] = [];
  const push = (op: Segment["op"], text: string) => {
    const last = segments.at(-1);
    if (last?.op === op) last.text += text;
    else segments.push({ op, text });
  };
  for (const part of diffArrays(tokenize(before), tokenize(after))) push(part.added ? "added" : part.removed ? "removed" : "same", part.value.join(""));
  // Whitespace kept between two changes belongs to both: «a b» → «x y» is one removal and one addition.
  for (let i = 1; i < segments.length - 1; i++) {
    const s = segments[i];
    if (s.op !== "same" || s.text.trim() !== "" || segments[i - 1].op === "same" || segments[i + 1].op === "same") continue;
    const around = [segments[i - 1], segments[i + 1]];
    const removed = around.find((x) => x.op === "removed");
    const added = around.find((x) => x.op === "added");
    if (!removed || !added) continue;
    // Both sides of the space are the same op pair (removed/added in some order): fold the space in.
    segments.splice(i - 1, 3, ...mergeAround(segments[i - 1], s.text, segments[i + 1]));
    i = Math.max(0, i - 2);
  }
  const merged: Segment[] = [];
  for (const s of segments) {
    const same = merged.findLast((m, j) => m.op === s.op && merged.slice(j + 1).every((x) => x.op !== "same" && x.op !== s.op));
    if (same && s.op !== "same") same.text += s.text;
    else merged.push({ ...s });
  }
  const kept = merged.filter((p) => p.op === "same").reduce((n, p) => n + p.text.trim().length, 0);
  if (kept * 2 < Math.max(before.trim().length, after.trim().length)) return replaced(before, after);
  return merged;
}

/** A removal and an addition around a kept space: the space joins both. */
function mergeAround(a: Segment, space: string, b: Segment): Segment[] {
  const removed = a.op === "removed" ? a : b;
  const added = a.op === "added" ? a : b;
  const first = a === removed;
  // Text order on each side: the removal's pieces are in the old text, the addition's in the new.
  return [
    { op: "removed", text: first ? removed.text + space : space + removed.text },
    { op: "added", text: first ? space + added.text : added.text + space },
  ];
}

/**
 * Word-level diff of two texts, as segments. When less than half the text is kept, the diff would
 * be fragments of two different texts, so it is given as the old text removed and the new added.
 */
export function wordDiff(before: string, after: string): Segment[] {
  return tooDifferent(before, after) ? replaced(before, after) : fullWordDiff(before, after);
}
