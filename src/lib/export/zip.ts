import { strToU8, zipSync } from "fflate";

/** One file of an archive: its path inside the archive and its bytes (text is written as UTF-8). */
export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

/**
 * A zip archive of the entries in the order given, deflated by fflate (pure JavaScript, so the
 * bytes do not depend on the zlib of the Node that builds) at level 1: at KOSTRA scale level 6 took
 * 6.4 ms more a spreadsheet for files a fifth smaller, and storing made them six times larger
 * (docs/performance.md, "The API's formats"). Every entry is stamped 1 January of
 * `year` at 00:00. Zip writers stamp each entry with the time of writing, so the same content
 * would give other bytes, and another SHA-256 in the API's index, in every build.
 */
export function zip(entries: readonly ZipEntry[], year: number): Uint8Array {
  // fflate writes the MS-DOS date and time from the Date's local fields: a local date is the same
  // stamp in every time zone. The format cannot hold years before 1980.
  const mtime = new Date(Math.max(year, 1980), 0, 1);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const { name, data } of entries) files[name] = [typeof data === "string" ? strToU8(data) : data, { mtime }];
  return zipSync(files, { level: 1 });
}
