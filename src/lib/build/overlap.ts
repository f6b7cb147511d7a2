import { statSync } from "node:fs";
import { totalmem } from "node:os";
import { discover } from "../load/discover.ts";

/**
 * Resident memory per byte of content, measured at KOSTRA scale (151 MB of content files): the
 * first step's peak 1.3 GB, the API's 1.6 GB, Astro's 2.4 GB; at ten times the content, 10, 9 and
 * 19 GB. Astro and either of the others together, with room: 24 bytes a byte.
 */
const BYTES_PER_CONTENT_BYTE = 24;

/** The content files' total size, from the files discovery finds (a stat each, no reading). */
export function contentBytes(root: string): number {
  return discover(root).files.reduce((n, f) => n + (statSync(f.absolute, { throwIfNoEntry: false })?.size ?? 0), 0);
}

/**
 * Whether validation may run beside Astro's start, and the API beside Astro's end: when the two
 * steps' estimated peaks together take at most half of this machine's memory. At KOSTRA scale on
 * 24 GB they do (about 3.6 GB); at ten times the content they would not (about 35 GB), and the
 * build runs them one after the other.
 */
export function fitsBesidePages(bytes: number, memory = totalmem()): boolean {
  return bytes * BYTES_PER_CONTENT_BYTE <= memory / 2;
}
