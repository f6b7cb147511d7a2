import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UNSHALLOW_FIX } from "../validate/published-history.ts";

/**
 * The content of a branch's base, read from git without touching the work tree: `git archive` of
 * the content folders at the base commit, unpacked by `tar` into a temporary folder that the caller
 * removes. Every git process has a time limit and runs without a shell.
 */

const GIT_TIMEOUT_MS = 60_000;
/** The folders a content root is made of: nothing else of the repository is read. */
const CONTENT_FOLDERS = ["codelists", "content", "changes"];

export class ReviewGitError extends Error {}

function gitEnv(): NodeJS.ProcessEnv {
  // The content root's own repository, whatever repository a caller (a hook) points at.
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C", GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" };
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE"]) delete env[name];
  return env;
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync("git", ["-C", root, ...args], { env: gitEnv(), timeout: GIT_TIMEOUT_MS, maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "pipe"], windowsHide: true }).toString("utf8").trim();
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === "ENOENT") throw new ReviewGitError("git is not installed (or not on PATH)");
    const line = (err.stderr?.toString("utf8") ?? err.message).split("\n").find((l) => l.trim()) ?? err.message;
    throw new ReviewGitError(/not a git repository/i.test(line) ? "the content root is not in a git repository: review compares it with a commit, so it needs one" : `git ${args[0]} failed: ${line.trim()}`);
  }
}

const tryGit = (root: string, args: string[]) => {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
};

/**
 * A shallow or partial clone lacks commits or objects: the merge base may be missing, and history
 * checks cannot vouch for anything. Review refuses, with the fix.
 */
export function incompleteHistory(root: string): string | undefined {
  if (tryGit(root, ["rev-parse", "--is-shallow-repository"]) === "true") return "git history is shallow (a shallow clone)";
  if (tryGit(root, ["config", "--get", "extensions.partialClone"])) return "git history is partial (a partial clone, objects left on the server)";
  return undefined;
}

/** The branch the repository's default branch is known by: origin's HEAD, else main or master, remote first. */
function defaultBranch(root: string): string | undefined {
  const originHead = tryGit(root, ["symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"]);
  if (originHead) return originHead;
  for (const ref of ["origin/main", "origin/master", "main", "master"]) if (tryGit(root, ["rev-parse", "-q", "--verify", `${ref}^{commit}`])) return ref;
  return undefined;
}

export interface Base {
  /** The ref as given, or the default branch's name. */
  ref: string;
  /** The commit compared against (the merge base by default). */
  commit: string;
}

/** The commit to compare with: `--base`'s commit, else the merge base of HEAD with the default branch. */
export function resolveBase(root: string, ref?: string): Base {
  if (!tryGit(root, ["rev-parse", "--git-dir"])) throw new ReviewGitError("the content root is not in a git repository: review compares it with a commit, so it needs one");
  const incomplete = incompleteHistory(root);
  if (incomplete) throw new ReviewGitError(`${incomplete}: the base of the branch and the history of published years may be missing; fetch ${UNSHALLOW_FIX}`);
  if (ref !== undefined) {
    const commit = tryGit(root, ["rev-parse", "-q", "--verify", `${ref}^{commit}`]);
    if (!commit) throw new ReviewGitError(`no commit "${ref}" in the repository (--base)`);
    return { ref, commit };
  }
  const branch = defaultBranch(root);
  if (!branch) throw new ReviewGitError("no default branch found (origin/HEAD, main or master): give the base with --base <ref>");
  const commit = tryGit(root, ["merge-base", "HEAD", branch]);
  if (!commit) throw new ReviewGitError(`HEAD and ${branch} have no common commit: give the base with --base <ref>`);
  return { ref: branch, commit };
}

/**
 * Writes the content folders of `commit` (as the content root's place in the repository holds them)
 * into a new temporary folder and returns it. The caller removes it (`rmSync(dir, { recursive: true })`).
 */
export async function extractBase(root: string, commit: string): Promise<string> {
  const prefix = git(root, ["rev-parse", "--show-prefix"]);
  const tree = git(root, ["ls-tree", "--name-only", `${commit}:${prefix}`]).split("\n");
  const folders = CONTENT_FOLDERS.filter((f) => tree.includes(f));
  const dir = mkdtempSync(join(tmpdir(), "kostra-review-base-"));
  if (!folders.length) return dir; // the base has no content yet: everything is new
  try {
    await pipe(
      ["git", ["-C", root, "archive", "--format=tar", `${commit}:${prefix}`, ...folders]],
      ["tar", ["-x", "-f", "-", "-C", dir]],
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return dir;
}

/** `a | b` without a shell, each bounded in time; rejects with the first failure's stderr. */
function pipe(a: [string, string[]], b: [string, string[]]): Promise<void> {
  return new Promise((resolvePipe, reject) => {
    const first = spawn(a[0], a[1], { env: gitEnv(), stdio: ["ignore", "pipe", "pipe"], timeout: GIT_TIMEOUT_MS, windowsHide: true });
    const second = spawn(b[0], b[1], { stdio: ["pipe", "ignore", "pipe"], timeout: GIT_TIMEOUT_MS, windowsHide: true });
    first.stdout.pipe(second.stdin);
    let errors = "";
    first.stderr.on("data", (d) => (errors += d));
    second.stderr.on("data", (d) => (errors += d));
    let left = 2;
    let failed = false;
    const done = (name: string) => (code: number | null) => {
      if (code !== 0 && !failed) {
        failed = true;
        reject(new ReviewGitError(`${name} failed reading the base: ${errors.trim().split("\n")[0] ?? `exit ${code}`}`));
      }
      if (--left === 0 && !failed) resolvePipe();
    };
    first.on("error", (e) => { if (!failed) { failed = true; reject(new ReviewGitError(`${a[0]}: ${e.message}`)); } });
    second.on("error", (e) => { if (!failed) { failed = true; reject(new ReviewGitError(`${b[0]}: ${e.message}`)); } });
    first.on("close", done("git archive"));
    second.on("close", done("tar"));
  });
}

/** Content files changed between the base commit and the work tree (committed or not), relative to the content root. */
export function changedFiles(root: string, commit: string): { path: string; change: "added" | "removed" | "edited" }[] {
  const found = new Map<string, "added" | "removed" | "edited">();
  for (const line of git(root, ["-c", "core.quotePath=false", "diff", "--name-status", "--relative", "--no-renames", commit, "--", ...CONTENT_FOLDERS]).split("\n")) {
    const [status, path] = line.split("\t");
    if (path) found.set(path, status === "A" ? "added" : status === "D" ? "removed" : "edited");
  }
  for (const path of git(root, ["-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "--", ...CONTENT_FOLDERS]).split("\n")) if (path) found.set(path, "added");
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, change]) => ({ path, change }));
}
