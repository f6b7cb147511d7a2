import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const REPO = fileURLToPath(new URL("..", import.meta.url));
export const FIXTURES = join(REPO, "test", "fixtures");
/** Public files the tests judge against, copied into the repository with their licences (see its README). */
export const REFERENCE_FILES = join(FIXTURES, "reference");

const made: string[] = [];
// Every test file imports this module afresh, so each file removes the folders its tests made.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, removed when the test file is done. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kostra-${prefix}-`));
  made.push(dir);
  return dir;
}

/** A fresh copy of the base fixture with an error case's files written over it. */
export function fixtureWith(errorCase?: string): string {
  const dir = tempDir(errorCase ?? "base");
  cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  if (errorCase) cpSync(join(FIXTURES, "errors", errorCase), dir, { recursive: true });
  return dir;
}

/** A fresh copy of the bundled content (codelists/, content/, changes/). */
export function contentCopy(): string {
  const dir = tempDir("content");
  for (const folder of ["codelists", "content", "changes"]) cpSync(join(REPO, folder), join(dir, folder), { recursive: true });
  return dir;
}
