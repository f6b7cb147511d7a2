/**
 * The scan for national identity numbers takes shortcuts to read the built site's gigabytes of text
 * quickly: it looks for digests only where 64 hex characters stand in a row, tries escapes only at
 * characters that can start one, and tries chains only where a digit has ten characters after it
 * that a chain may hold. Each shortcut must find exactly what the plain scan finds. Here the plain
 * scan, as first written (every digest masked by its expression, every candidate and every chain
 * tried), is compared with the guard on texts made to meet the shortcuts' edges.
 */
import { describe, expect, it } from "vitest";
import { findNationalIds } from "../src/lib/guard/find-national-ids.ts";
import { maskHashes } from "../src/lib/guard/hashes.ts";
import { characterReference } from "../src/lib/text/character-reference.ts";
import { isNationalId } from "../src/lib/guard/national-id.ts";
import { makeNationalId } from "./national-ids.ts";

const plainMask = (text: string) => text.replace(/\b[0-9a-f]{64}\b/g, (h) => "x".repeat(h.length));

const MARK = String.raw`[\p{Cf}\p{M}.\-\u2010-\u2015\u2212*_~\x60\\]`;
const CHAIN = new RegExp(String.raw`\d(?:\s{0,80}(?:${MARK}\s{0,80}){0,16}\d)*`, "gu");
const ENCODED = /&#(\d{1,7});?|&#[xX]([0-9a-fA-F]{1,6});?|&([A-Za-z][A-Za-z0-9]{1,31});|%([0-9A-Fa-f]{2})|\\x([0-9A-Fa-f]{2})|\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|(?![0-9])[\p{Nd}\p{No}]/uy;

function fold(char: string): string {
  const folded = char.normalize("NFKC");
  if (/^\d$/.test(folded)) return folded;
  if (/^\p{Nd}$/u.test(char)) {
    const code = char.codePointAt(0)!;
    let start = code;
    while (start > 0 && code - start < 100 && /^\p{Nd}$/u.test(String.fromCodePoint(start - 1))) start--;
    return String((code - start) % 10);
  }
  return char.length === 1 ? char : "#";
}

/** The plain scan: the decoded text tried at every character, every chain matched. Offsets into the decoded text are enough to compare with: the guard's are mapped back the same way. */
function plainScan(text: string): string[] {
  if (text.length < 11 || !/[\p{Nd}\p{No}&%\\]/u.test(text)) return [];
  let decoded = "";
  let escapes = 0;
  for (let i = 0; i < text.length; ) {
    ENCODED.lastIndex = i;
    const m = ENCODED.exec(text);
    if (!m) {
      decoded += text[i++];
      continue;
    }
    escapes++;
    const [whole, dec, hex, name, pct, x, u, bigU] = m;
    let chars: string;
    if (dec !== undefined || hex !== undefined || name !== undefined) chars = characterReference(dec, hex, name) ?? "#";
    else if (pct !== undefined || x !== undefined) chars = String.fromCharCode(parseInt(pct ?? x, 16));
    else if (u !== undefined || bigU !== undefined) chars = characterReference(undefined, u ?? bigU, undefined)!;
    else chars = whole;
    for (const ch of chars) decoded += ch.length === 1 && ch.charCodeAt(0) < 0x80 ? ch : fold(ch);
    i += whole.length;
  }
  const scanned = escapes ? decoded : text;
  const found: string[] = [];
  for (const chain of scanned.matchAll(CHAIN)) {
    const groups = [...chain[0].matchAll(/\d+/g)].map((g) => g[0]);
    for (let i = 0; i < groups.length; i++) {
      let digits = "";
      for (let j = i; j < groups.length && digits.length < 11; j++) {
        digits += groups[j];
        if (digits.length === 11 && isNationalId(digits)) found.push(digits);
      }
    }
  }
  return found;
}

const id = makeNationalId("150385");
const digest = "0123456789abcdef".repeat(4);
/** Pieces at the shortcuts' edges: digests and hex runs one short, escapes of every kind (and what looks like one), Latin-1 digits and letters, marks, white space up to the limits. */
const PIECES = [
  id, id.slice(0, 6), id.slice(6), id.slice(0, 3), id.slice(3, 8), id.slice(8), "1", "0", "12345", "678901",
  " ", "  ", " ".repeat(79), " ".repeat(81), "\n", "\t", "\u00a0", "-", ".", "*", "`", "\\", "\u00ad", "\u200b", "\u0301", "\u20e3",
  `&#${id.charCodeAt(0)};`, "&#x31;", "&#49", "%31", "%20", "%", "%4", "&amp;", "&nbsp;", "&shy;", "&#39;", "&#", ";", "&", "\\u0031", "\\x31", "\\U00000031",
  "æ", "ø", "«", "»", "µ", "²", "¹", "½", "\u00bd", "٣", "𝟏", "①", "\ufffd", "a", "f", "x", "g", ",", "|", "<b>",
  digest, digest.slice(1), `${digest}0`, "abcdef", "0123456789",
];

describe("the guard's shortcuts find exactly what the plain scan finds", () => {
  it("on 30,000 texts of pieces at the shortcuts' edges", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let withNumbers = 0;
    for (let n = 0; n < 30_000; n++) {
      let text = "";
      for (let k = 3 + Math.floor(random() * 30); k > 0; k--) text += PIECES[Math.floor(random() * PIECES.length)];
      const expected = plainScan(plainMask(text));
      if (expected.length) withNumbers++;
      const got = findNationalIds(maskHashes(text)).map((s) => s.digits);
      // The guard keeps each place once where windows overlap; the plain scan lists every window.
      // Failures name the text by its number: the texts hold numbers that pass the checksum, never printed.
      expect(got.length > 0, `text ${n}`).toBe(expected.length > 0);
      expect(got[0] === expected[0], `text ${n}`).toBe(true);
      expect(got.every((digits) => expected.includes(digits)), `text ${n}`).toBe(true);
    }
    expect(withNumbers).toBeGreaterThan(3_000); // the texts reach the numbers, not only their absence
  });

  it("masks a digest wherever it stands, and only a digest", () => {
    for (const text of [digest, `x ${digest} y`, `"${digest}"`, `${" ".repeat(63)}${digest}`, `${digest}g`, `g${digest}`, `${digest.slice(1)} ${digest.slice(0, 63)}`, `${digest}${digest}`]) {
      expect(maskHashes(text)).toBe(plainMask(text));
    }
  });
});
