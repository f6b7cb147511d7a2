import { decodeNamedCharacterReference } from "decode-named-character-reference";

/**
 * The text an HTML character reference stands for, from the parts of its match: decimal digits,
 * hex digits or a name. Out-of-range and zero code points become U+FFFD, as browsers read them; an
 * unknown name gives undefined, for the caller to keep or replace. Shared by the link rule (which
 * reads targets as a browser does) and the personal-data guard (which reads digits however spelled).
 */
export function characterReference(dec: string | undefined, hex: string | undefined, name: string | undefined): string | undefined {
  if (name !== undefined) return decodeNamedCharacterReference(name) || undefined;
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
}
