import { findNationalIds } from "./find-national-ids.ts";

/** What stands in a message where a national identity number was. */
export const HIDDEN = "[number hidden]";

/**
 * A text with every national identity number replaced, however it was written: the one step every
 * message, log line and stack trace passes before it is printed, so that no finding can echo the
 * number it is about (an id, a file name, a duplicate code, an unknown field).
 */
export function redactNationalIds(text: string): string {
  const spans = findNationalIds(text);
  if (!spans.length) return text;
  let out = "";
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start) + HIDDEN;
    last = s.end;
  }
  return out + text.slice(last);
}
