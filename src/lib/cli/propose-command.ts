import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatFinding } from "../guard/print-finding.ts";
import { changesToDeclare, declaredFrom, draftProposal } from "../review/propose.ts";
import { validateContent } from "../validate/index.ts";
import { reviewOrExit } from "./review-command.ts";

export interface ProposeOptions {
  group?: string;
  year?: string;
  title?: string;
  base?: string;
  today?: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * `kostra propose <id> --group G --year Y --title "…"`: writes changes/<id>.mdx declaring every
 * change the branch makes to year Y in the group's items, then validates the content with it; a
 * draft that does not validate is removed again.
 */
export async function runPropose(root: string, positionals: string[], options: ProposeOptions): Promise<number> {
  const [id, ...extra] = positionals;
  const year = Number(options.year);
  const usage = 'usage: npx kostra propose <id> --group <working group> --year <reporting year> --title "…"';
  if (!id || extra.length || !options.group || !options.title || !Number.isInteger(year)) {
    process.stderr.write(`kostra propose: ${usage}\n`);
    return 2;
  }
  if (!ID.test(id)) {
    process.stderr.write(`kostra propose: the id "${id}" must be lower-case letters and digits joined by hyphens (it names changes/<id>.mdx)\n`);
    return 2;
  }
  const file = join(root, "changes", `${id}.mdx`);
  if (existsSync(file)) {
    process.stderr.write(`kostra propose: changes/${id}.mdx exists already; choose another id\n`);
    return 2;
  }
  const result = await reviewOrExit("propose", root, options);
  if (typeof result === "number") return result;
  if (!result.head.registry.workingGroups.has(options.group)) {
    process.stderr.write(`kostra propose: no working group "${options.group}" (groups: ${[...result.head.registry.workingGroups.keys()].sort().join(", ")})\n`);
    return 2;
  }
  const changes = changesToDeclare(result.review, options.group, year);
  if (!changes.length) {
    process.stderr.write(`kostra propose: the branch makes no change to ${year} in the items of working group ${options.group}: nothing to propose\n`);
    return 1;
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  mkdirSync(join(root, "changes"), { recursive: true });
  writeFileSync(file, draftProposal({ id, group: options.group, year, title: options.title, date: today }, declaredFrom(changes)));
  const check = await validateContent(root);
  const own = check.findings.filter((f) => f.severity === "error" && f.file === `changes/${id}.mdx`);
  if (own.length) {
    for (const f of own) process.stderr.write(formatFinding(f) + "\n");
    rmSync(file);
    process.stderr.write(`kostra propose: the draft did not validate; nothing written\n`);
    return 1;
  }
  process.stdout.write(`changes/${id}.mdx\n`);
  process.stderr.write(`kostra propose: wrote changes/${id}.mdx declaring ${changes.length} change(s) to ${year}; fill in the justification (burden, relevance, comparability) before the group treats it\n`);
  return 0;
}
