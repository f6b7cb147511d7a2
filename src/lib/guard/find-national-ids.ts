import { characterReference } from "../text/character-reference.ts";
import { isNationalId } from "./national-id.ts";

/** Where a national identity number is written in a text: UTF-16 offsets into the text as given. */
export interface Span {
  start: number;
  end: number;
  /** The eleven digits, for the allow-list; never to be printed. */
  digits: string;
}

/**
 * What may stand between the digits of a number written by a person or hidden by an editor, besides
 * white space (two spaces, no-break space, tab, a line break or a folded YAML line): invisible
 * format characters (zero-width space, soft hyphen, BOM), combining and enclosing marks a reader
 * does not see as characters of their own (a grapheme joiner, a variation selector, an accent, the
 * keycap of «1️⃣»), dots, hyphens and dashes, Markdown emphasis and code marks, and the backslash of
 * a YAML line continuation. Commas, slashes and letters end a number: lists of codes and paths stay
 * lists.
 */
const MARK = String.raw`[\p{Cf}\p{M}.\-\u2010-\u2015\u2212*_~\x60\\]`;
/**
 * A chain is a digit and then this: a run of digits with at most 16 marks between two of them, and
 * white space of up to 80 characters on either side of each mark: a folded YAML line (`123456-`, a
 * line break and deep indentation, `78901`) and Markdown that a reader sees joined (`**123456**`, a
 * line break, `- **78901**`).
 */
const AFTER_FIRST_DIGIT = String.raw`(?:\s{0,80}(?:${MARK}\s{0,80}){0,16}\d)*`;
/**
 * A chain that may be long enough: one whose first digit has ten characters after it that a chain
 * may hold. Where that fails the chain from that digit, and every chain starting inside it, is
 * shorter than eleven characters and could not hold a number: most runs (years, codes, counts) are
 * passed over inside the expression, without a match object each.
 */
const LONG_CHAIN = new RegExp(String.raw`\d(?=(?:[\d\s]|${MARK}){10})${AFTER_FIRST_DIGIT}`, "uy");
/**
 * Where such a chain may start, found without Unicode classes (each character outside ASCII taken
 * as a possible mark): a digit with ten characters after it that are digits, white space, ASCII
 * marks or not ASCII. Twice as fast over the API's files as the exact expression, which is then
 * tried only where this one matches.
 */
const MAYBE_LONG = /\d(?=[\d\s.\-*_~\x60\\\u0080-\uffff]{10})/g;
const GROUP = /\d+/g;
/** What every spelling of a number needs: a digit in some form, a character reference, an escape or a percent sign. */
const MAYBE = /[\p{Nd}\p{No}&%\\]/u;

/**
 * Escapes and encodings that can spell a digit or a separator: HTML character references (numeric
 * and named), percent-encoding, YAML and JSON escapes, and digits other than ASCII (full-width,
 * mathematical, superscript: NFKC folds them to ASCII ones). Other characters, separators outside
 * ASCII included, are matched as they are.
 */
const ENCODED = /&#(\d{1,7});?|&#[xX]([0-9a-fA-F]{1,6});?|&([A-Za-z][A-Za-z0-9]{1,31});|%([0-9A-Fa-f]{2})|\\x([0-9A-Fa-f]{2})|\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|(?![0-9])[\p{Nd}\p{No}]/gu;


/**
 * A character folded for scanning: a digit in any form (full-width, mathematical, superscript, and
 * the digits of other scripts: Arabic-Indic, Devanagari, Bengali …) becomes its ASCII digit; other
 * characters stay as they are, so separators still separate, except that characters outside the
 * BMP become one neutral character to keep one offset per character.
 */
function fold(char: string): string {
  const folded = char.normalize("NFKC");
  if (/^\d$/.test(folded)) return folded;
  const value = decimalValue(char);
  if (value !== undefined) return String(value);
  return char.length === 1 ? char : "#";
}

const DECIMAL = /^\p{Nd}$/u;

/**
 * The value of a decimal digit of any script. Unicode puts every script's digits zero to nine on
 * ten consecutive code points, and where several sets stand back to back (the mathematical ones)
 * each is ten long, so the value is the distance from the start of the run, modulo ten. NFKC folds
 * only some of them (full-width, mathematical), not Arabic-Indic or Devanagari.
 */
function decimalValue(char: string): number | undefined {
  if (!DECIMAL.test(char)) return undefined;
  const code = char.codePointAt(0)!;
  let start = code;
  while (start > 0 && code - start < 100 && DECIMAL.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/**
 * Where an escape, a reference or a digit outside ASCII may start: cheap to find without Unicode
 * classes. Of Latin-1 only the superscripts and fractions (¹²³¼½¾) are digits; the letters of
 * Norwegian text (æøå, «») are not, and were most of the places tried; nor is the replacement
 * character that stands for each undecodable byte of a binary file read as text.
 */
const CANDIDATE = /[&%\\\u00b2\u00b3\u00b9\u00bc-\u00be\u0100-\ufffc\ufffe\uffff]/g;
const ENCODED_AT = new RegExp(ENCODED.source, "uy");

/**
 * The text decoded for scanning, with a map back to the original text: findings point at what the
 * author wrote, not at the decoded form. Stretches copied as they are keep their offsets; each
 * decoded character points at the escape it came from. Candidates are found first by a plain
 * regular expression, since trying the full one at every character of a large page was the cost of
 * the whole scan.
 */
function decodeForScan(text: string): { decoded: string; origin: (i: number) => number } | undefined {
  let decoded = "";
  // Segments of the decoded text: where each starts there and in the original, and whether it is a copy.
  const starts: number[] = [];
  const origins: number[] = [];
  const copies: boolean[] = [];
  let last = 0;
  const copyUpTo = (end: number) => {
    if (end <= last) return;
    starts.push(decoded.length);
    origins.push(last);
    copies.push(true);
    decoded += text.slice(last, end);
  };
  CANDIDATE.lastIndex = 0;
  // `test` rather than `exec`: no match object per candidate. Each candidate is one UTF-16 unit.
  while (CANDIDATE.test(text)) {
    ENCODED_AT.lastIndex = CANDIDATE.lastIndex - 1;
    const m = ENCODED_AT.exec(text);
    if (!m) continue;
    copyUpTo(m.index);
    const [whole, dec, hex, name, pct, x, u, bigU] = m;
    let chars: string;
    if (dec !== undefined || hex !== undefined || name !== undefined) chars = characterReference(dec, hex, name) ?? "#";
    else if (pct !== undefined || x !== undefined) chars = String.fromCharCode(parseInt(pct ?? x, 16));
    else if (u !== undefined || bigU !== undefined) chars = characterReference(undefined, u ?? bigU, undefined)!;
    else chars = whole;
    starts.push(decoded.length);
    origins.push(m.index);
    copies.push(false);
    for (const ch of chars) decoded += ch.length === 1 && ch.charCodeAt(0) < 0x80 ? ch : fold(ch);
    last = m.index + whole.length;
    CANDIDATE.lastIndex = last;
  }
  if (!starts.length) return undefined;
  copyUpTo(text.length);
  const origin = (i: number): number => {
    if (i >= decoded.length) return text.length;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return copies[lo] ? origins[lo] + (i - starts[lo]) : origins[lo];
  };
  return { decoded, origin };
}

/**
 * Every national identity number written in a text, however it is split or encoded: each run of
 * digit groups (joined by separators) is tried in every window of whole groups that makes eleven
 * digits. Numbers in `allowed` (recorded as not personal) are left out.
 */
export function findNationalIds(text: string, allowed?: ReadonlySet<string>): Span[] {
  // Most texts (labels, codes, years, dates) cannot hold one: too short, or no digit in any form,
  // no reference, escape or percent sign. Two cheap tests spare them the scan.
  if (text.length < 11 || !MAYBE.test(text)) return [];
  const plain = decodeForScan(text);
  const scanned = plain?.decoded ?? text;
  const at = (i: number) => (plain ? plain.origin(i) : i);
  const spans: Span[] = [];
  MAYBE_LONG.lastIndex = 0;
  while (MAYBE_LONG.test(scanned)) {
    LONG_CHAIN.lastIndex = MAYBE_LONG.lastIndex - 1;
    const chain = LONG_CHAIN.exec(scanned);
    if (!chain) continue;
    MAYBE_LONG.lastIndex = LONG_CHAIN.lastIndex;
    if (chain[0].length < 11) continue; // too short to hold eleven digits
    const groups = [...chain[0].matchAll(GROUP)].map((g) => ({ digits: g[0], start: chain.index + g.index, end: chain.index + g.index + g[0].length }));
    for (let i = 0; i < groups.length; i++) {
      let digits = "";
      for (let j = i; j < groups.length && digits.length < 11; j++) {
        digits += groups[j].digits;
        if (digits.length === 11 && isNationalId(digits) && !allowed?.has(digits)) {
          spans.push({ start: at(groups[i].start), end: at(groups[j].end), digits });
        }
      }
    }
  }
  // A later window may start inside an earlier one; keep each place once.
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1].end);
}

/** Whether a text holds a national identity number in any spelling. */
export const hasNationalId = (text: string, allowed?: ReadonlySet<string>) => findNationalIds(text, allowed).length > 0;
