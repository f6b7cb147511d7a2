import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("..", import.meta.url));
export const FIXTURES = join(REPO, "test", "fixtures");

/** A fresh copy of the base fixture with an error case's files written over it. */
export function fixtureWith(errorCase?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kostra-${errorCase ?? "base"}-`));
  cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  if (errorCase) cpSync(join(FIXTURES, "errors", errorCase), dir, { recursive: true });
  return dir;
}

/** A fresh copy of the bundled content (codelists/, content/, changes/). */
export function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kostra-content-"));
  for (const folder of ["codelists", "content", "changes"]) cpSync(join(REPO, folder), join(dir, folder), { recursive: true });
  return dir;
}
