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
 * What may stand between the digits of a number written by a person or hidden by an editor: any
 * white space (two spaces, no-break space, tab, a line break or a folded YAML line), invisible
 * format characters (zero-width space, soft hyphen, BOM), dots, hyphens and dashes, Markdown
 * emphasis and code marks, and the backslash of a YAML line continuation. Commas, slashes and
 * letters end a number: lists of codes and paths stay lists.
 */
const SEPARATOR = String.raw`[\s\p{Cf}.\-\u2010-\u2015\u2212*_~\x60\\]`;
/**
 * A run of digits with separators of at most 16 characters between them, or white space of up to
 * 80 (a line break and the indentation of a deeply nested YAML line, folded into one space).
 */
const CHAIN = new RegExp(String.raw`\d(?:(?:${SEPARATOR}{0,16}|\s{1,80})\d)*`, "gu");
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
 * A character folded for scanning: a digit in any form (full-width, mathematical, superscript)
 * becomes its ASCII digit; other characters stay as they are, so separators still separate, except
 * that characters outside the BMP become one neutral character to keep one offset per character.
 */
function fold(char: string): string {
  const folded = char.normalize("NFKC");
  if (/^\d$/.test(folded)) return folded;
  return char.length === 1 ? char : "#";
}

/**
 * The text decoded for scanning, one output character per decoded character, with the offset in the
 * original text of each: findings point at what the author wrote, not at the decoded form.
 */
function decodeForScan(text: string): { decoded: string; origin: number[] } | undefined {
  ENCODED.lastIndex = 0;
  if (!ENCODED.test(text)) return undefined;
  ENCODED.lastIndex = 0;
  let decoded = "";
  const origin: number[] = [];
  let last = 0;
  const emit = (chars: string, at: number) => {
    for (const c of chars) {
      decoded += c.length === 1 && c.charCodeAt(0) < 0x80 ? c : fold(c);
      origin.push(at);
    }
  };
  for (const m of text.matchAll(ENCODED)) {
    for (let i = last; i < m.index; i++) {
      decoded += text[i];
      origin.push(i);
    }
    last = m.index + m[0].length;
    const [whole, dec, hex, name, pct, x, u, bigU] = m;
    if (dec !== undefined || hex !== undefined || name !== undefined) emit(characterReference(dec, hex, name) ?? "#", m.index);
    else if (pct !== undefined || x !== undefined) emit(String.fromCharCode(parseInt(pct ?? x, 16)), m.index);
    else if (u !== undefined || bigU !== undefined) emit(characterReference(undefined, u ?? bigU, undefined)!, m.index);
    else emit(whole, m.index);
  }
  for (let i = last; i < text.length; i++) {
    decoded += text[i];
    origin.push(i);
  }
  origin.push(text.length);
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
  const at = (i: number) => (plain ? plain.origin[i] : i);
  const spans: Span[] = [];
  for (const chain of scanned.matchAll(CHAIN)) {
    if (chain[0].length < 11) continue; // too short to hold eleven digits: most runs (years, codes)
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
