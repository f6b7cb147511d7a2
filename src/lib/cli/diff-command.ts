import { validateContent } from "../validate/index.ts";
import { diffRegistry } from "../diff/index.ts";
import { formatChangeSetText } from "../diff/format-text.ts";

/** `kostra diff <from> <to>`: the classified, traced changes between any two reporting years. */
export async function runDiff(root: string, positionals: string[], format = "text"): Promise<number> {
  const years = positionals.map(Number);
  if (years.length !== 2 || years.some((y) => !Number.isInteger(y))) {
    process.stderr.write("kostra diff: give two reporting years, e.g. `npx kostra diff 2022 2023`\n");
    return 2;
  }
  if (format !== "text" && format !== "json") {
    process.stderr.write(`kostra diff: unknown --format "${format}" (expected text or json)\n`);
    return 2;
  }
  const [from, to] = years;
  if (from >= to) {
    process.stderr.write(`kostra diff: the first year must be before the second (got ${from} ${to})\n`);
    return 2;
  }
  const result = await validateContent(root);
  if (result.errors > 0) {
    process.stderr.write(`kostra diff: the content has ${result.errors} error(s); run \`npx kostra validate\` first\n`);
    return 1;
  }
  const set = diffRegistry(result.registry, from, to);
  process.stdout.write(format === "json" ? JSON.stringify(set, null, 2) + "\n" : formatChangeSetText(set));
  return 0;
}
