/**
 * Behaviour unchanged? `npm run bench:same -- [--base REF] [--content DIR]`
 * Builds the site and runs the CLI at a git ref (default HEAD, in a temporary worktree of this
 * repository sharing its node_modules) and in the work tree, on the same content (default: the work
 * tree's bundled content), and compares: every file of `dist/` byte for byte, and the output of
 * `validate --format json`, `diff` (text and JSON) and SSB's changelog format. Prints each
 * difference and exits 1 when there is one. For a change meant to keep behaviour (a refactoring).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";

const REPO = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const { values } = parseArgs({ options: { base: { type: "string", default: "HEAD" }, content: { type: "string" } } });
const content = values.content ?? REPO;
const work = mkdtempSync(join(tmpdir(), "kostra-same-"));
const baseTree = join(work, "base");

const run = (cwd: string, args: string[]) => {
  const r = spawnSync(process.execPath, [join(cwd, "bin", "kostra.js"), ...args, "--content", content], { cwd, encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, maxBuffer: 1 << 30 });
  // The checkout's own path is the only thing that may differ.
  return `exit ${r.status}\n${r.stdout}\n${r.stderr}`.replaceAll(content, "<content>").replaceAll(cwd, "<checkout>");
};
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

const COMMANDS = [
  ["validate", "--format", "json"],
  ["diff", "2022", "2023"],
  ["diff", "2018", "2026", "--format", "json"],
  ["diff", "2024", "2025", "--form", "55f", "--format", "kontrollprogram"],
];

try {
  const added = spawnSync("git", ["worktree", "add", "--detach", baseTree, values.base!], { cwd: REPO, encoding: "utf8" });
  if (added.status !== 0) throw new Error(added.stderr);
  symlinkSync(join(REPO, "node_modules"), join(baseTree, "node_modules"));
  const differences: string[] = [];
  for (const [name, tree] of [["base", baseTree], ["work tree", REPO]] as const) {
    process.stderr.write(`building ${name} (${tree === REPO ? "work tree" : values.base})…\n`);
    const built = run(tree, ["build", "--out", join(work, `dist-${name === "base" ? "a" : "b"}`)]);
    if (!built.startsWith("exit 0")) throw new Error(`${name} did not build:\n${built}`);
  }
  const [a, b] = [join(work, "dist-a"), join(work, "dist-b")];
  const filesA = new Set(walk(a).map((f) => relative(a, f)));
  const filesB = new Set(walk(b).map((f) => relative(b, f)));
  for (const f of filesA) if (!filesB.has(f)) differences.push(`only in base: ${f}`);
  for (const f of filesB) if (!filesA.has(f)) differences.push(`only in work tree: ${f}`);
  for (const f of filesA) if (filesB.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))) differences.push(`differs: ${f}`);
  for (const args of COMMANDS) if (run(baseTree, args) !== run(REPO, args)) differences.push(`differs: kostra ${args.join(" ")}`);
  for (const d of differences) process.stdout.write(`${d}\n`);
  process.stdout.write(differences.length ? `${differences.length} difference(s)\n` : `same output: ${filesA.size} files of dist/ byte for byte, ${COMMANDS.length} CLI commands\n`);
  process.exitCode = differences.length ? 1 : 0;
} finally {
  spawnSync("git", ["worktree", "remove", "--force", baseTree], { cwd: REPO });
  rmSync(work, { recursive: true, force: true });
}
