import { findNationalIds } from "./find-national-ids.ts";
import { maskHashes } from "./hashes.ts";
import { outputTexts } from "./output-text.ts";
import { escapeForTerminal } from "./clean-text.ts";
import { redactNationalIds } from "./redact.ts";

/*
 * Where a file or folder about to be published holds something that looks like a national
 * identity number: its name, or any text of a file as its consumers read it (`outputTexts`). Each
 * hit is the path and what of it, never the number.
 */

export const nameHits = (path: string, allowed: ReadonlySet<string>): string[] => (findNationalIds(path, allowed).length ? [`${path}: its name`] : []);

export const contentHits = (path: string, content: string | Uint8Array, allowed: ReadonlySet<string>): string[] => textHits(path, outputTexts(path, content), allowed);

/** The hits in these texts of one file (`outputTexts`). */
export function textHits(path: string, texts: readonly { what: string; text: string }[], allowed: ReadonlySet<string>): string[] {
  return texts
    .filter(({ text }) => findNationalIds(maskHashes(text), allowed).length)
    .map(({ what }) => `${path}: ${what}`);
}

/** The message that stops a build at such hits, sorted and redacted (a file name may hold the number). */
export function printOutputHits(hits: string[]): void {
  const shown = [...hits].sort().map((h) => `  ${escapeForTerminal(redactNationalIds(h))}`);
  process.stderr.write(`kostra build: the built site holds something that looks like a national identity number (not shown) in ${hits.length} place(s):\n${shown.join("\n")}\n`);
}

/** The exit status of the API's step when its check found something (a crash is 1). */
export const API_HOLDS_PERSONAL_DATA = 3;
