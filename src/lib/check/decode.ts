/** How many bytes are looked at before deciding a file's encoding and whether it is text. */
const SNIFF_BYTES = 64 * 1024;

export type Encoding = "UTF-8" | "ISO-8859-1";

/** What the start of a file says about it. */
export type Sniffed = { kind: "text"; encoding: Encoding; invalid?: boolean } | { kind: "empty" } | { kind: "binary"; reason: string };

/**
 * Whether bytes are text and in which encoding: a NUL or many control characters (other than tab,
 * line feed, carriage return, form feed) mean binary; valid UTF-8 is UTF-8; anything else is read as
 * ISO-8859-1, as SSB's files often are (every byte is a character there).
 */
export function sniff(sample: Uint8Array): Sniffed {
  let start = 0;
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) start = 3;
  let blank = true;
  let controls = 0;
  for (let i = start; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return { kind: "binary", reason: "filen inneholder NUL-tegn" };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) blank = false;
  }
  if (blank) return { kind: "empty" };
  if (controls > 0) return { kind: "binary", reason: `filen inneholder ${controls} styretegn i de første ${Math.min(sample.length, SNIFF_BYTES)} bytene` };
  const { multibyte, invalid } = utf8Sequences(sample.subarray(start));
  // Invalid UTF-8 and no valid multi-byte sequence: ISO-8859-1. Both: UTF-8 with faults.
  if (invalid > 0 && multibyte === 0) return { kind: "text", encoding: "ISO-8859-1" };
  if (invalid > 0) return { kind: "text", encoding: "UTF-8", invalid: true };
  // C1 controls (U+0080–U+009F) decoded from UTF-8 are never in a text file: bytes of another kind
  // that happen to form valid UTF-8 sequences.
  const text = new TextDecoder("utf-8").decode(sample.subarray(start));
  const c1 = text.match(/[\u0080-\u009f]/g)?.length ?? 0;
  if (c1 > 0) return { kind: "binary", reason: `filen inneholder ${c1} styretegn (U+0080–U+009F)` };
  return { kind: "text", encoding: "UTF-8" };
}

/**
 * The valid multi-byte UTF-8 sequences and the invalid bytes in a sample (a sequence cut off at
 * the sample's end is neither).
 */
function utf8Sequences(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid++;
      i++;
      continue;
    }
    if (need === 0) {
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return { multibyte, invalid };
      if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    }
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/**
 * Decodes a file's chunks as they come, in the encoding sniffed from its start. A UTF-8 file whose
 * first invalid byte comes after only ASCII is read on as ISO-8859-1 (the two agree on ASCII); after
 * other UTF-8, an invalid byte is reported once and replaced.
 */
export class ChunkDecoder {
  #decoder: TextDecoder;
  #decodedNonAscii = false;
  #reported = false;
  constructor(public encoding: Encoding, private readonly onInvalid: (message: string) => void, invalid = false) {
    this.#decoder = make(encoding, !invalid);
    if (invalid) this.#invalid();
  }

  #invalid(): void {
    if (!this.#reported) this.onInvalid("Filen er lest som UTF-8, men har ugyldige UTF-8-tegn; de er erstattet med «\ufffd». Lagre filen i én tegnkoding (UTF-8 eller ISO-8859-1).");
    this.#reported = true;
  }

  decode(chunk: Uint8Array): string {
    let text: string;
    try {
      text = this.#decoder.decode(chunk, { stream: true });
    } catch {
      if (this.encoding === "UTF-8" && !this.#decodedNonAscii) {
        this.encoding = "ISO-8859-1";
        this.#decoder = make("ISO-8859-1", false);
      } else {
        this.#invalid();
        this.#decoder = make("UTF-8", false);
      }
      text = this.#decoder.decode(chunk, { stream: true });
    }
    if (!this.#decodedNonAscii && /[^\x00-\x7f]/.test(text)) this.#decodedNonAscii = true;
    return text;
  }

  end(): string {
    try {
      return this.#decoder.decode();
    } catch {
      return "\ufffd";
    }
  }
}

// The WHATWG "latin1" label is windows-1252, a superset of ISO-8859-1's printable characters.
const make = (encoding: Encoding, fatal: boolean) => (encoding === "UTF-8" ? new TextDecoder("utf-8", { fatal }) : new TextDecoder("latin1"));

export { SNIFF_BYTES };
