/**
 * A SHA-256 in hex (the published-year locks, the API's file checksums in `index.json` and the
 * catalogue): a reader sees a checksum, not a written number, yet one in a few thousand holds an
 * 11-digit run that passes the fødselsnummer checksum by chance. Both the content guard and the
 * scan of the built site read such runs as checksums.
 */
const HASH = /\b[0-9a-f]{64}\b/g;
const IS_HASH = /^[0-9a-f]{64}$/;

/** The text with every SHA-256 hex digest blanked (same length, so positions hold). */
export const maskHashes = (text: string): string => (text.length < 64 ? text : text.replace(HASH, (h) => "x".repeat(h.length)));

/** Whether a whole value is a SHA-256 hex digest. */
export const isHash = (text: string): boolean => IS_HASH.test(text);
