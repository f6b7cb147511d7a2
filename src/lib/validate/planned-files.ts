import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import type { Finding } from "../findings/finding.ts";
import { readBounded } from "../load/read-bounded.ts";
import { MAX_FILE_BYTES } from "../load/yaml-text.ts";
import { ALLOWED_NUMBERS_FILE } from "./allowed-numbers.ts";
import { validateContent } from "./index.ts";

/** A content file as it would be written: its path relative to the content root, forward slashes, and its text. */
export interface PlannedContentFile {
  path: string;
  text: string;
}

/**
 * The errors `kostra validate` would find in `planned` once written into the content root, found
 * before anything is written (`kostra import`): the planned files are validated in a temporary
 * content root beside what they are checked against — the other files of their folders (a form's
 * other years), the working groups they name and the allowed numbers of the personal-data guard —
 * each read as validation reads content (read-bounded.ts). Only the planned files' errors are
 * returned: a problem elsewhere in the content is validate's to report, not the import's.
 */
export async function checkPlannedFiles(root: string, planned: readonly PlannedContentFile[]): Promise<Finding[]> {
  const temp = await mkdtemp(join(tmpdir(), "kostra-planned-"));
  try {
    const folders = new Set(["content/working-groups", ...planned.map((p) => posix.dirname(p.path))]);
    for (const folder of folders) {
      const names = await readdir(join(root, folder)).catch(() => [] as string[]);
      for (const name of names) await carry(root, temp, `${folder}/${name}`);
    }
    await carry(root, temp, ALLOWED_NUMBERS_FILE);
    for (const p of planned) {
      await mkdir(dirname(join(temp, p.path)), { recursive: true });
      await writeFile(join(temp, p.path), p.text);
    }
    const paths = new Set(planned.map((p) => p.path));
    return (await validateContent(temp)).findings.filter((f) => f.severity === "error" && paths.has(f.file));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Copies a content file into the temporary root; one that validation would not read (a folder, a FIFO, too large) is left out. */
async function carry(root: string, temp: string, rel: string): Promise<void> {
  const read = await readBounded(join(root, rel), MAX_FILE_BYTES);
  if ("problem" in read) return;
  await mkdir(dirname(join(temp, rel)), { recursive: true });
  await writeFile(join(temp, rel), read.bytes);
}
