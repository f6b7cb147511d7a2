import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

/** What is wrong with a file that was not read, and what would be right. */
export interface ReadProblem {
  message: string;
  expected: string;
}

/** What a path is, in words, when it is not a regular file or a folder. */
export function kindOfEntry(s: Stats): string | undefined {
  if (s.isFIFO()) return "a FIFO (named pipe)";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  if (s.isSocket()) return "a socket";
  return undefined;
}

const errorCode = (e: unknown) => String((e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? e);

/** Why a path could not be opened, from the error's code. */
export function unreadable(e: unknown): ReadProblem {
  const code = errorCode(e);
  const why: Record<string, string> = {
    ENOENT: "the file is gone, or is a symbolic link whose target does not exist",
    ELOOP: "a symbolic link loop (the link points, through other links, back to itself)",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "a folder, not a file",
  };
  return { message: `could not be read: ${why[code] ?? code}`, expected: "a readable regular file" };
}

/**
 * Reads a content file, refusing before reading anything that is not a regular file (a FIFO would
 * block forever, a device such as /dev/zero never ends) or that is larger than `limit` bytes (a
 * sparse file of gigabytes would be read whole first). The file is opened without blocking (a FIFO
 * put in place after the check does not hang the open), checked again on the open handle, and read
 * no further than the size the handle reported: a file that grows, or is replaced, between the
 * check and the read cannot make the read longer.
 */
export async function readBounded(path: string, limit: number): Promise<{ bytes: Buffer } | { problem: ReadProblem }> {
  const tooLarge = (size: number | string): ReadProblem => ({ message: `file is too large (${size} bytes)`, expected: `at most ${limit} bytes; split the content` });
  const notRegular = (s: Stats): ReadProblem | undefined => {
    if (s.isFile()) return undefined;
    const what = s.isDirectory() ? "a folder" : (kindOfEntry(s) ?? "not a regular file");
    return { message: `not a regular file: ${what}`, expected: "a regular file (a FIFO, device or socket is never read)" };
  };
  let before: Stats;
  try {
    before = statSync(path);
  } catch (e) {
    return { problem: unreadable(e) };
  }
  const refused = notRegular(before) ?? (before.size > limit ? tooLarge(before.size) : undefined);
  if (refused) return { problem: refused };

  // Synchronous throughout: a content file is read from the page cache in microseconds, less than
  // a trip through the thread pool and the promises around it (at KOSTRA scale, 11,683 files).
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return { problem: unreadable(e) };
  }
  try {
    // Checked again on the handle: the path may have been replaced since (an editor's atomic save
    // is fine; a FIFO or a larger file is not).
    const now = fstatSync(fd);
    const changed = notRegular(now) ?? (now.size > limit ? tooLarge(now.size) : undefined);
    if (changed) return { problem: changed };
    // At most the size the handle has (no more than the limit): a file that grows after this is
    // read as it was, never further.
    const buffer = Buffer.allocUnsafe(now.size);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { problem: unreadable(e) };
  } finally {
    closeSync(fd);
  }
}
