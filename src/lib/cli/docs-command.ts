import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../content-root.ts";
import { renderContentFormatReference, replaceGenerated } from "../docs/content-format.ts";

/** `kostra docs`: regenerates the field reference in docs/content-format.md from the schemas. */
export async function runDocs(): Promise<number> {
  const path = join(BUNDLED_CONTENT_ROOT, "docs", "content-format.md");
  const doc = await readFile(path, "utf8");
  const next = replaceGenerated(doc, renderContentFormatReference());
  if (next !== doc) await writeFile(path, next);
  process.stdout.write(`kostra docs: ${next === doc ? "already up to date" : "updated"} ${path}\n`);
  return 0;
}
