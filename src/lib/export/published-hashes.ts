import { createHash } from "node:crypto";
import { versionAt, type Registry } from "../model/registry.ts";
import { codelistYearJson, formYearJson, json, nestedVersionJson } from "./json.ts";
import { codesToCsv, codesToExcelCsv } from "./csv.ts";
import { klassCodes } from "./klass.ts";
import { codelistToSdmxJson, codelistToSdmxMl } from "./sdmx.ts";
import { assumedAt } from "../model/assumed.ts";
import { PLACEHOLDER_SITE } from "../site/address.ts";
import type { PublishedYear } from "../schema/published.ts";

/**
 * The address a published year's frozen JSON names its schemas on: the one its lock was made on
 * (the placeholder for a lock that records none), whatever the site's address is now, so that the
 * served bytes stay those locked. Moving a year to a new address is a correction (`kostra publish
 * <year> --correct`), which records the address it was made on.
 */
export const lockSite = (lock: Pick<PublishedYear, "site">) => lock.site ?? PLACEHOLDER_SITE;

/** The address the JSON of `year` names its schemas on: the lock's for a published year, else the site's. */
export const yearSite = (registry: Registry, year: number, site: string) => {
  const lock = registry.published.get(year);
  return lock ? lockSite(lock) : site;
};

/** Where text is encoded before it is hashed: reused, since the API hashes 3 GB of text at KOSTRA scale. */
let scratch = Buffer.allocUnsafe(1 << 20);
/** Texts longer than this are hashed as strings, so the scratch stays at most 48 MB. */
const SCRATCH_CHARS = 16 << 20;
/** The text `sha256` hashed last, and the length of its bytes in the scratch. */
let last: { text: string; length: number } | undefined;

/**
 * SHA-256, hex, of text (as UTF-8) or of bytes (a binary export such as xlsx). Text is encoded into
 * a reused buffer and its bytes hashed: the same digest (a lone surrogate becomes U+FFFD either
 * way), and 1.3–2.5 times as fast as hashing the string, which Node encodes again for each call.
 */
export function sha256(content: string | Uint8Array): string {
  last = undefined;
  if (typeof content !== "string" || content.length > SCRATCH_CHARS) return createHash("sha256").update(content).digest("hex");
  // Three bytes at most for each UTF-16 unit: the text always fits, never cut short.
  if (scratch.length < content.length * 3) scratch = Buffer.allocUnsafe(Math.max(content.length * 3, scratch.length * 2));
  const length = scratch.write(content, "utf8");
  last = { text: content, length };
  return createHash("sha256").update(scratch.subarray(0, length)).digest("hex");
}

/**
 * The UTF-8 bytes of `text` if it is the text `sha256` hashed last, else undefined: the API writes
 * each file just after hashing it, and writing these bytes spares encoding 3 GB of text a second
 * time at KOSTRA scale. Valid only until the next call of `sha256`.
 */
export function bytesHashedLast(text: string): Uint8Array | undefined {
  return last?.text === text ? scratch.subarray(0, last.length) : undefined;
}

/**
 * The exports a published year freezes, by path under /api/v1/: every codelist and form version in
 * force that year, in every format that does not depend on the site's address but for the JSON's
 * `$schema`, on `site` (the year's lock's address, `lockSite`; the placeholder when not given).
 */
export function yearFiles(registry: Registry, year: number, site: string = PLACEHOLDER_SITE): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of registry.codelists.values()) {
    if (!registry.yearsOf(entry).includes(year)) continue;
    const version = versionAt(entry, year)!;
    const base = `codelists/${entry.meta.id}/${year}`;
    const prepared = `${version.year}-01-01T00:00:00Z`;
    files.set(`${base}.json`, codelistYearJson(entry, year, version.year, nestedVersionJson(version.data), site));
    files.set(`${base}.csv`, codesToCsv(version.data.codes));
    files.set(`${base}.excel.csv`, codesToExcelCsv(version.data.codes));
    files.set(`${base}.klass.json`, json(klassCodes(entry, year)));
    files.set(`${base}.sdmx.xml`, codelistToSdmxMl(entry, version, prepared));
    files.set(`${base}.sdmx.json`, json(codelistToSdmxJson(entry, version, prepared)));
  }
  for (const form of registry.forms.values()) {
    if (!registry.yearsOf(form).includes(year)) continue;
    const version = versionAt(form, year)!;
    files.set(`forms/${form.meta.id}/${year}.json`, formYearJson(form, year, version, assumedAt(registry, form, year), site));
  }
  return files;
}

/** The SHA-256 of each frozen export of a year, sorted by path. */
export function yearHashes(registry: Registry, year: number, site: string = PLACEHOLDER_SITE): Record<string, string> {
  return Object.fromEntries([...yearFiles(registry, year, site)].sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => [path, sha256(text)]));
}

/** What differs between a lock and the content now: changed, added and removed files. */
export function lockDrift(locked: Record<string, string>, now: Record<string, string>) {
  const changed = Object.keys(locked).filter((p) => p in now && now[p] !== locked[p]);
  const removed = Object.keys(locked).filter((p) => !(p in now));
  const added = Object.keys(now).filter((p) => !(p in locked));
  return { changed, removed, added };
}
