/**
 * Characters that have no place in published text: C0 control characters other than tab, line feed
 * and carriage return, DEL, C1 controls, and lone UTF-16 surrogates. YAML escapes (`"\x01"`,
 * `"\0"`, `"\uD800"`) can put them into a value; XML forbids most of them (SDMX-ML and Atom would
 * not be well-formed), terminals act on them (ESC), and a lone surrogate cannot be encoded as UTF-8.
 */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;
const BAD = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character that is not clean text: its offset and a name a person can read. */
export function firstBadCharacter(text: string): { offset: number; name: string } | undefined {
  // The common case in two fast tests: no control character, and well-formed UTF-16.
  if (!CONTROL.test(text) && text.isWellFormed()) return undefined;
  const m = BAD.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = code === 0 ? "a NUL character (U+0000)" : code >= 0xd800 && code <= 0xdfff ? `a lone surrogate (${hex}), which is not a character` : code === 0x1b ? "an escape character (U+001B)" : `the control character ${hex}`;
  return { offset: m.index, name };
}

/** Control characters, DEL, C1 controls, lone surrogates and bidirectional overrides: what a terminal must not receive raw. */
const UNPRINTABLE = /[\x00-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe to print on one line of a terminal: control characters (newlines included), bidi
 * overrides and lone surrogates written as `\u{1b}`, so a file name cannot clear the screen or
 * reorder what the user reads.
 */
export const escapeForTerminal = (text: string) => text.replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
