import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Where the prepare step leaves the SHA-256 of each number recorded as not personal (never the number). */
export const ALLOWED_HASHES_FILE = "allowed-number-hashes.json";

const hashOf = (digits: string) => createHash("sha256").update(digits).digest("hex");

/** Writes the hashes of the numbers the content allows, for the checks of the output. */
export async function writeAllowedHashes(staging: string, allowed: Iterable<string>): Promise<void> {
  await writeFile(join(staging, ALLOWED_HASHES_FILE), JSON.stringify([...allowed].map(hashOf)));
}

/** The allowed numbers as a set the guard can ask, knowing only their hashes. */
export async function allowedFrom(staging: string): Promise<ReadonlySet<string>> {
  const hashes = new Set<string>(JSON.parse(await readFile(join(staging, ALLOWED_HASHES_FILE), "utf8")) as string[]);
  return { has: (digits: string) => hashes.has(hashOf(digits)) } as ReadonlySet<string>;
}
