/**
 * Values as SSB's control program (Kotlin, `kostra-kontrollprogram`) reads and writes them, so that
 * the registry's controls give the numbers and the messages SSB's rules give.
 */

/** Kotlin's `Char.isWhitespace()` on the JVM: Java's whitespace and space characters (what `trim()` removes). */
const WIDE_SPACE = /[\p{Zs}\u2028\u2029]/u;
const isKotlinSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || (code >= 0x1c && code <= 0x1f) || (code >= 0x80 && WIDE_SPACE.test(String.fromCharCode(code)));

const DIGIT = /\p{Nd}/u;

/** The value of a decimal digit (Java's `Character.digit(c, 10)`), or -1; only UTF-16 units, as Java's `parseInt` reads. */
function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 48 && code <= 57) return code - 48;
  if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff) || !DIGIT.test(text[i])) return -1;
  // Unicode encodes each script's digits 0–9 as a run of ten: the value is the place in the run.
  let start = code;
  while (start > 0 && DIGIT.test(String.fromCharCode(start - 1))) start--;
  return (code - start) % 10;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * A field's text as a whole number the way SSB's rules read it (`KostraRecord.fieldAsIntOrDefault`:
 * `trim().toInt()`, else 0): the text without leading and trailing blanks, an optional `+` or `-`
 * and decimal digits, within Kotlin's `Int` (−2147483648 to 2147483647); anything else, a blank
 * field included, is 0.
 */
export function intOrZero(text: string): number {
  let from = 0;
  let to = text.length;
  while (from < to && isKotlinSpace(text.charCodeAt(from))) from++;
  while (to > from && isKotlinSpace(text.charCodeAt(to - 1))) to--;
  let i = from;
  const sign = text.charCodeAt(i);
  const negative = sign === 45;
  if (negative || sign === 43) i++;
  if (i >= to) return 0;
  let value = 0;
  for (; i < to; i++) {
    const digit = digitAt(text, i);
    if (digit < 0) return 0;
    value = value * 10 + digit;
    if (value > -INT_MIN) return 0;
  }
  const n = negative ? -value : value;
  return n < INT_MIN || n > INT_MAX ? 0 : n + 0;
}

/** Kotlin's `Int` addition, which wraps around at 32 bits (`sumOf` over `Int`s). */
export const addInt = (a: number, b: number) => (a + b) | 0;

/** A list as Kotlin's `List.toString()` writes it: `[a, b, c]`. */
export const kotlinList = (items: readonly string[]) => `[${items.join(", ")}]`;

/** A pair as Kotlin's `Pair.toString()` writes it: `(a, b)`. */
export const kotlinPair = (first: string, second: string | number) => `(${first}, ${second})`;
