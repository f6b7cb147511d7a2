import { validateContent } from "../validate/index.ts";
import { diffRegistry } from "../diff/index.ts";
import { formatChangeSetText } from "../diff/format-text.ts";
import { kontrollprogramChangelog } from "../diff/kontrollprogram-changelog.ts";
import { filterChangeSet } from "../diff/filter.ts";

const FORMATS = ["text", "json", "kontrollprogram"];

/**
 * `kostra diff <from> <to> [--form <id>] [--format text|json|kontrollprogram]`: the classified,
 * traced changes between any two reporting years, of every item or of one form; `kontrollprogram`
 * writes one fixed-width form's changes as SSB's control program writes its changelog.
 */
export async function runDiff(root: string, positionals: string[], format = "text", form?: string): Promise<number> {
  const years = positionals.map(Number);
  if (years.length !== 2 || years.some((y) => !Number.isInteger(y))) {
    process.stderr.write("kostra diff: give two reporting years, e.g. `npx kostra diff 2022 2023`\n");
    return 2;
  }
  if (!FORMATS.includes(format)) {
    process.stderr.write(`kostra diff: unknown --format "${format}" (expected text, json or kontrollprogram)\n`);
    return 2;
  }
  if (format === "kontrollprogram" && form === undefined) {
    process.stderr.write("kostra diff: --format kontrollprogram writes one form's changelog: give --form <id>, e.g. `--form 55f`\n");
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
  const { registry } = result;
  const entry = form === undefined ? undefined : registry.forms.get(form);
  if (form !== undefined && !entry) {
    process.stderr.write(`kostra diff: no form "${form}" (forms: ${[...registry.forms.keys()].sort().join(", ")})\n`);
    return 2;
  }
  if (format === "kontrollprogram") {
    const markdown = kontrollprogramChangelog(registry, entry!, from, to);
    if (markdown === undefined) {
      process.stderr.write(`kostra diff: form "${form}" is not a fixed-width file extract in both ${from} and ${to}: SSB's changelog describes only those\n`);
      return 2;
    }
    process.stdout.write(markdown);
    return 0;
  }
  const all = diffRegistry(registry, from, to);
  const set = form === undefined ? all : filterChangeSet(all, (c) => c.itemKind === "form" && c.item === form, (n) => n.itemKind === "form" && n.item === form);
  process.stdout.write(format === "json" ? JSON.stringify(set, null, 2) + "\n" : formatChangeSetText(set));
  return 0;
}
