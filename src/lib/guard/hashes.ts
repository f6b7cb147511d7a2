/**
 * A SHA-256 in hex (the published-year locks, the API's file checksums in `index.json` and the
 * catalogue): a reader sees a checksum, not a written number, yet one in a few thousand holds an
 * 11-digit run that passes the fødselsnummer checksum by chance. Both the content guard and the
 * scan of the built site read such runs as checksums.
 */
const HASH = /\b[0-9a-f]{64}\b/g;
const IS_HASH = /^[0-9a-f]{64}$/;

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/**
 * Whether the text has 64 lowercase hex characters in a row, which every digest needs. It looks at
 * every 64th character and, where that one is hex, at its run: most texts (pages, most of the API)
 * hold no digest, and the expression tried at every character was a fifth of the scan of the site.
 */
function hasHexRun(text: string): boolean {
  for (let i = 63; i < text.length; ) {
    if (!isHex(text.charCodeAt(i))) {
      i += 64;
      continue;
    }
    let start = i;
    while (start > 0 && isHex(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && isHex(text.charCodeAt(end))) end++;
    if (end - start >= 64) return true;
    i = end + 64; // a later run lies wholly after `end`, and ends at `end + 64` or beyond
  }
  return false;
}

/** The text with every SHA-256 hex digest blanked (same length, so positions hold). */
export const maskHashes = (text: string): string => (text.length < 64 || !hasHexRun(text) ? text : text.replace(HASH, (h) => "x".repeat(h.length)));

/** Whether a whole value is a SHA-256 hex digest. */
export const isHash = (text: string): boolean => IS_HASH.test(text);
