import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Registry } from "../model/registry.ts";
import type { Finding, PathSegment } from "../findings/finding.ts";

/**
 * «Published is forever», anchored in the repository's history. A lock file
 * (`content/published/<year>.json`) checks the content against itself, so on its own it could be
 * deleted, written again or emptied of its corrections without a trace. Git remembers every
 * version that was committed: the lock in the working tree must still exist, keep the year and date
 * it was first committed with, keep every committed correction as it was (only appending), and
 * hold exactly the first committed hashes with each correction's `before → after` applied in order.
 *
 * Three git processes read the whole history of content/published/, however many locks and commits
 * there are: `git rev-parse` (is there a repository, is it shallow), one `git log --raw` (which blob
 * each commit left at each path) and one `git cat-file --batch` (those blobs).
 */

const GIT_TIMEOUT_MS = 20_000;
const LOCK_PATH = /^content\/published\/(\d{4})\.json$/;
const NO_BLOB = /^0+$/;

export interface Commit {
  hash: string;
  /** The first 12 hex digits: what the messages and `git checkout` use. */
  short: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  subject: string;
}

interface LockCorrection {
  date?: unknown;
  what?: unknown;
  files: Record<string, { before?: string; after?: string }>;
}

/** A lock as read, checked only as far as this check relies on it (the schema is the loader's job). */
interface Lock {
  year: unknown;
  publishedAt: unknown;
  files: Record<string, string>;
  corrections: LockCorrection[];
}

/** One committed state of a lock path: the lock, or nothing (deleted), or unreadable text. */
export interface Version {
  commit: Commit;
  state: "deleted" | "unreadable" | "lock";
  lock?: Lock;
}

export interface PublishedHistory {
  /** Why the history could not be read; the other fields are then empty. */
  unavailable?: string;
  /** Commits a shallow clone cut the history at (their parents are missing). */
  boundary: Set<string>;
  /**
   * Why the history present is not the whole history (a shallow or a partial clone): commits that
   * deleted or rewrote a lock may be missing, so the check cannot vouch for anything and fails.
   */
  incomplete?: string;
  /** Every lock path ever committed, by year: its committed states, oldest first. */
  locks: Map<number, Version[]>;
}

function gitEnv(): NodeJS.ProcessEnv {
  // The content root's own repository, whatever repository a caller (a hook, a script) points at.
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C", GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" };
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_NAMESPACE"]) delete env[name];
  return env;
}

function git(root: string, args: string[], input?: string): Buffer {
  // Settings that would change the output this module parses are overridden.
  const settings = ["log.showSignature=false", "log.follow=false", "color.ui=false", "core.quotePath=true", "diff.relative=false"].flatMap((s) => ["-c", s]);
  return execFileSync("git", ["-C", root, ...settings, ...args], { input, env: gitEnv(), timeout: GIT_TIMEOUT_MS, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
}

/** Whether the repository is a partial clone (`--filter`): its promisor remote holds objects this one lacks. */
function partialClone(root: string): boolean {
  try {
    return git(root, ["config", "--get", "extensions.partialClone"]).toString("utf8").trim() !== "";
  } catch {
    return false; // unset: git exits 1
  }
}

/** What to run for the whole history, in the words of each place it is cloned. */
export const UNSHALLOW_FIX = "the whole history: run `git fetch --unshallow` (a partial clone: `git fetch --refetch`); in GitHub Actions check out with `actions/checkout` and `fetch-depth: 0`, in GitLab CI set `GIT_DEPTH: 0`";

/** Why git failed, in a few words. */
function gitFailure(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { stderr?: Buffer; signal?: string };
  if (e.code === "ENOENT") return "git is not installed (or not on PATH)";
  if (e.code === "ETIMEDOUT" || e.signal === "SIGTERM") return `git did not answer within ${GIT_TIMEOUT_MS / 1000} s`;
  const stderr = e.stderr?.toString("utf8") ?? "";
  if (/not a git repository/i.test(stderr)) return "the content root is not in a git repository";
  if (/ambiguous argument 'HEAD'|unknown revision|bad default revision|does not have any commits/i.test(stderr)) return "the repository has no commits yet";
  const line = stderr.split("\n").find((l) => l.trim()) ?? e.message;
  return `git failed: ${line.trim()}`;
}

function parseLock(text: string): Lock | undefined {
  try {
    const data = JSON.parse(text) as Partial<Lock> | null;
    if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
    if (!data.files || typeof data.files !== "object" || Array.isArray(data.files)) return undefined;
    if (!Array.isArray(data.corrections) || !data.corrections.every((c) => c && typeof c === "object" && c.files && typeof c.files === "object")) return undefined;
    return data as Lock;
  } catch {
    return undefined;
  }
}

/** The history of every lock file under `<root>/content/published/`, read with three git processes (rev-parse, log, cat-file). */
export function readPublishedHistory(root: string): PublishedHistory {
  const empty = (unavailable: string): PublishedHistory => ({ unavailable, boundary: new Set(), locks: new Map() });
  let head: string[];
  try {
    head = git(root, ["rev-parse", "--is-shallow-repository", "--git-path", "shallow", "HEAD"]).toString("utf8").trim().split("\n");
  } catch (e) {
    return empty(gitFailure(e));
  }
  const boundary = new Set<string>();
  if (head[0] === "true") {
    const file = resolve(root, head[1]);
    if (existsSync(file)) for (const line of readFileSync(file, "utf8").split("\n")) if (line.trim()) boundary.add(line.trim());
  }
  const incomplete = head[0] === "true" ? "git history is shallow (a shallow clone)" : partialClone(root) ? "git history is partial (a partial clone, objects left on the server)" : undefined;
  let log: string;
  try {
    // Oldest first; -m shows what a merge left at a path; --relative: paths from the content root.
    log = git(root, ["log", "-m", "--topo-order", "--reverse", "--no-renames", "--no-abbrev", "--raw", "--relative", "--no-color", "--format=%x01%H%x02%cI%x02%s", "--", "content/published/"]).toString("utf8");
  } catch (e) {
    return empty(gitFailure(e));
  }
  const paths = new Map<number, { commit: Commit; blob: string | null }[]>();
  for (const record of log.split("\x01").slice(1)) {
    const [header, ...lines] = record.split("\n");
    const [hash, iso, subject] = header.split("\x02");
    const commit: Commit = { hash, short: hash.slice(0, 12), date: (iso ?? "").slice(0, 10), subject: subject ?? "" };
    for (const line of lines) {
      // :100644 100644 <old blob> <new blob> M\tcontent/published/2022.json
      const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [A-Z]\d*\t(.*)$/.exec(line);
      const year = m && LOCK_PATH.exec(m[2])?.[1];
      if (!m || !year) continue;
      const versions = paths.get(Number(year)) ?? [];
      // -m lists a merge once per parent it differs from; it left one state.
      if (versions.at(-1)?.commit.hash === hash) continue;
      versions.push({ commit, blob: NO_BLOB.test(m[1]) ? null : m[1] });
      paths.set(Number(year), versions);
    }
  }
  const blobs = [...new Set([...paths.values()].flat().flatMap((v) => (v.blob ? [v.blob] : [])))];
  const texts = new Map<string, string>();
  if (blobs.length) {
    let out: Buffer;
    try {
      out = git(root, ["cat-file", "--batch"], blobs.join("\n") + "\n");
    } catch (e) {
      return empty(gitFailure(e));
    }
    // <blob> blob <size>\n<bytes>\n, or <blob> missing\n
    for (let pos = 0; pos < out.length; ) {
      const eol = out.indexOf(10, pos);
      if (eol < 0) break;
      const [blob, type, size] = out.toString("utf8", pos, eol).split(" ");
      if (type !== "blob") {
        pos = eol + 1;
        continue;
      }
      texts.set(blob, out.toString("utf8", eol + 1, eol + 1 + Number(size)));
      pos = eol + 1 + Number(size) + 1;
    }
  }
  const locks = new Map<number, Version[]>();
  for (const [year, versions] of [...paths].sort(([a], [b]) => a - b)) {
    locks.set(
      year,
      versions.map(({ commit, blob }) => {
        if (!blob) return { commit, state: "deleted" as const };
        const text = texts.get(blob);
        const lock = text === undefined ? undefined : parseLock(text);
        return lock ? { commit, state: "lock" as const, lock } : { commit, state: "unreadable" as const };
      }),
    );
  }
  return { boundary, locks, ...(incomplete && { incomplete }) };
}

/** JSON with sorted keys: equal values give equal text, whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

const short = (hash: string | undefined) => (hash ? `${hash.slice(0, 12)}…` : "absent");
const list = (items: string[]) => items.slice(0, 3).join(", ") + (items.length > 3 ? `, and ${items.length - 3} more` : "");
const describeCorrection = (c: LockCorrection | undefined) => (c ? `${typeof c.date === "string" ? c.date : "undated"} «${typeof c.what === "string" ? c.what : "?"}»` : "");
const at = (c: Commit) => `commit ${c.short} (${c.date}${c.subject ? `, "${c.subject.length > 60 ? c.subject.slice(0, 59) + "…" : c.subject}"` : ""})`;

type Kind = "deleted" | "unreadable" | "year" | "publishedAt" | "corrections" | "chain" | "files";

interface Problem {
  kind: Kind;
  field: PathSegment[];
  /** What is wrong, without where it happened (added by the caller). */
  what: string;
}

/**
 * What is wrong with a state of a lock, against the first committed lock (`base`) and the
 * corrections recorded so far (`recorded`, which begins with the base's own).
 */
function judge(state: Version["state"], lock: Lock | undefined, base: Version & { lock: Lock }, recorded: LockCorrection[], year: number): Problem[] {
  if (state === "deleted") return [{ kind: "deleted", field: [], what: "deleted" }];
  if (!lock) return [{ kind: "unreadable", field: [], what: "not a readable lock" }];
  const problems: Problem[] = [];
  const published = `published ${String(base.lock.publishedAt)} in ${at(base.commit)}`;
  if (lock.year !== base.lock.year) problems.push({ kind: "year", field: ["year"], what: `year is ${JSON.stringify(lock.year)}, but the lock was ${published} for ${JSON.stringify(base.lock.year)}` });
  if (lock.publishedAt !== base.lock.publishedAt) problems.push({ kind: "publishedAt", field: ["publishedAt"], what: `the date of publication is now ${JSON.stringify(lock.publishedAt)}, but reporting year ${year} was ${published}: a published year is never published again` });

  const broken = recorded.findIndex((c, i) => i >= lock.corrections.length || canonical(c) !== canonical(lock.corrections[i]));
  if (broken >= 0) {
    problems.push(
      broken >= lock.corrections.length
        ? { kind: "corrections", field: ["corrections"], what: `${recorded.length - broken} of the ${recorded.length} recorded correction(s) of published reporting year ${year} removed (from correction ${broken + 1}, ${describeCorrection(recorded[broken])}): recorded corrections stay on the record` }
        : { kind: "corrections", field: ["corrections", broken], what: `correction ${broken + 1} of published reporting year ${year} (${describeCorrection(recorded[broken])}, as committed) has been edited: recorded corrections are never edited, only followed by new ones` },
    );
  }

  // The hashes as published, with each correction's before → after applied in order.
  const expected = new Map(Object.entries(base.lock.files));
  const own = base.lock.corrections.length;
  lock.corrections.slice(own).forEach((correction, n) => {
    const i = own + n;
    for (const [path, change] of Object.entries(correction.files)) {
      if (expected.get(path) !== change?.before) {
        problems.push({ kind: "chain", field: ["corrections", i, "files", path], what: `correction ${i + 1} of published reporting year ${year} (${describeCorrection(correction)}) says ${path} was ${short(change?.before)} before it, but as ${published} and corrected before it was ${short(expected.get(path))}` });
      }
      if (change?.after === undefined) expected.delete(path);
      else expected.set(path, change.after);
    }
  });
  const changed = [...expected].filter(([p, h]) => p in lock.files && lock.files[p] !== h).map(([p]) => p);
  const removed = [...expected.keys()].filter((p) => !(p in lock.files));
  const added = Object.keys(lock.files).filter((p) => !expected.has(p));
  const differ = [...changed, ...removed, ...added].sort();
  if (differ.length) {
    const corrected = lock.corrections.length ? ` with its ${lock.corrections.length} recorded correction(s) applied` : "";
    const how = [changed.length && `${changed.length} changed`, added.length && `${added.length} added`, removed.length && `${removed.length} removed`].filter(Boolean).join(", ");
    const first = differ[0];
    problems.push({
      kind: "files",
      field: removed.includes(first) ? ["files"] : ["files", first],
      what: `the export hashes of published reporting year ${year} are not the ones ${published}${corrected}, and no correction records the difference (${how}: ${list(differ.map((p) => (changed.includes(p) ? `${p} ${short(expected.get(p))} → ${short(lock.files[p])}` : p)))})`,
    });
  }
  return problems;
}

/** Text from outside (a path, git's own words) made safe to print: control characters escaped. */
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export interface HistoryCheck {
  findings: Finding[];
  /** One line each: what was not checked against the history, and why. */
  notes: string[];
}

/**
 * A lock's committed states walked oldest first: the first committed lock (`base`), the corrections
 * on record, the last good commit to restore it from, and since which commit each kind of problem
 * the last committed state has stands.
 */
function walk(year: number, versions: Version[]) {
  const baseAt = versions.findIndex((v) => v.lock);
  if (baseAt < 0) return undefined;
  const base = versions[baseAt] as Version & { lock: Lock };
  const recorded = [...base.lock.corrections];
  let good = base.commit;
  const since = new Map<Kind, Commit>();
  for (const v of versions.slice(baseAt + 1)) {
    const kinds = new Set(judge(v.state, v.lock, base, recorded, year).map((p) => p.kind));
    for (const k of [...since.keys()]) if (!kinds.has(k)) since.delete(k);
    for (const k of kinds) if (!since.has(k)) since.set(k, v.commit);
    if (!kinds.size) good = v.commit;
    if (v.lock) for (let i = recorded.length; i < v.lock.corrections.length; i++) recorded.push(v.lock.corrections[i]);
  }
  return { base, recorded, good, since };
}

/** The year's lock as git history holds it, if it does: when it was first committed, the last good commit to restore it from, and the commit that deleted it. */
export function publishedBefore(history: PublishedHistory, year: number): { publishedAt: string; first: Commit; restoreFrom: Commit; deletedIn?: Commit } | undefined {
  const versions = history.locks.get(year);
  const walked = versions && walk(year, versions);
  if (!walked) return undefined;
  const deletedIn = walked.since.get("deleted");
  return { publishedAt: String(walked.base.lock.publishedAt), first: walked.base.commit, restoreFrom: walked.good, ...(deletedIn && { deletedIn }) };
}

/**
 * Every lock ever committed under content/published/ against its history (see the top of this
 * file). Notes say what could not be checked: no git, no repository, a shallow clone.
 */
export function checkPublishedHistory(root: string, registry: Registry, history: PublishedHistory = readPublishedHistory(root)): HistoryCheck {
  const findings: Finding[] = [];
  const notes: string[] = [];
  if (history.unavailable) {
    notes.push(`published years not checked against git history: ${history.unavailable}`);
    return { findings, notes: notes.map(printable) };
  }
  // A shallow clone whose last commit deletes a lock has no trace of the lock at all: nothing here
  // could tell, so the check fails rather than pass on the commits it happens to have.
  if (history.incomplete) {
    findings.push({ severity: "error", file: "content/published", line: 1, column: 1, message: `${history.incomplete}: a published year's lock deleted or rewritten in a commit that is not here cannot be detected, so the published years cannot be checked`, expected: UNSHALLOW_FIX });
  }
  const cut: string[] = [];
  for (const [year, versions] of history.locks) {
    const path = `content/published/${year}.json`;
    const walked = walk(year, versions);
    if (!walked) continue;
    const { base, recorded, good, since } = walked;
    if (history.boundary.has(base.commit.hash)) cut.push(`${path} (history from commit ${base.commit.short}, ${base.commit.date})`);
    const file = join(root, path);
    const present = existsSync(file);
    const text = present ? readFileSync(file, "utf8") : undefined;
    const lock = text === undefined ? undefined : parseLock(text);
    if (present && !lock) continue; // The loader reports what is wrong with the file.
    const origin = lock && registry.published.get(year) ? registry.originOf(registry.published.get(year)!) : undefined;
    const restore = `git checkout ${good.short} -- ${path}`;
    const correct = `npx kostra publish ${year} --correct --what "…" --why "…" --decision "…"`;
    for (const p of judge(present ? "lock" : "deleted", lock, base, recorded, year)) {
      const began = since.get(p.kind);
      const where = began ? `in ${at(began)}` : "in the working tree (not committed)";
      const { line, column } = origin && p.field.length ? origin.locate(p.field) : { line: 1, column: 1 };
      const finding = (message: string, expected: string): Finding => ({ severity: "error", file: path, line, column, field: p.field.length ? p.field.join(".") : undefined, message, expected });
      if (p.kind === "deleted") {
        findings.push(finding(`the lock of published reporting year ${year} has been deleted ${where}; it was published ${String(base.lock.publishedAt)} in ${at(base.commit)}, and a published year stays published`, `the lock restored: ${restore}`));
      } else if (p.kind === "corrections") {
        findings.push(finding(`${p.what}; changed ${where}`, `the corrections as committed, restored with ${restore}; a new correction is added after them with ${correct}`));
      } else {
        findings.push(finding(`${p.what}; changed ${where}`, `the lock as committed, restored with ${restore}; if the exports really changed, restore it and then record a correction: ${correct}`));
      }
    }
  }
  if (cut.length && !history.incomplete) notes.push(`git history is shallow (a shallow clone) and lacks the first commit of ${cut.join(", ")}: checked only against the commits present, not against the year as first published (git fetch --unshallow for the full check)`);
  const uncommitted = [...registry.published.keys()].filter((year) => !history.locks.get(year)?.some((v) => v.lock)).sort((a, b) => a - b);
  if (uncommitted.length) notes.push(`not yet committed: ${uncommitted.map((y) => `content/published/${y}.json`).join(", ")} (git history guards a published year once its lock is committed)`);
  return { findings, notes: notes.map(printable) };
}
