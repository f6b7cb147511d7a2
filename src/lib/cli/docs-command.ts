import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../load/content-root.ts";
import { renderContentFormatReference, replaceGenerated } from "../docs/content-format.ts";
import { renderChangeClassRules } from "../docs/change-classes.ts";

/** The documents with a part generated from the code, and what generates it. */
export const GENERATED_DOCS: { path: string; render: () => string }[] = [
  { path: "docs/content-format.md", render: renderContentFormatReference },
  { path: "docs/change-classes.md", render: renderChangeClassRules },
];

/** `kostra docs`: regenerates the parts of the docs that come from the code (schemas, rule tables). */
export async function runDocs(): Promise<number> {
  for (const { path, render } of GENERATED_DOCS) {
    const file = join(BUNDLED_CONTENT_ROOT, path);
    const doc = await readFile(file, "utf8");
    const next = replaceGenerated(doc, render());
    if (next !== doc) await writeFile(file, next);
    process.stdout.write(`kostra docs: ${next === doc ? "already up to date" : "updated"} ${path}\n`);
  }
  return 0;
}
