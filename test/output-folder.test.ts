import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureWith, REPO, tempDir } from "./helpers.ts";
import { OUTPUT_MARKER } from "../src/lib/build/output-marker.ts";

// The output folder of `kostra build`: swapped in whole, written by one build at a time, cleaned of
// what killed builds left, and never overlapping the content. A build of the tiny fixture takes about
// 15 s; five run here to the end (one of them killed at its swap), the rest stop before the pages.

const KOSTRA = join(REPO, "bin", "kostra.js");
const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...process.env, KOSTRA_CONTENT_DIR: "", ...extra });
const kostra = (args: string[]) => spawnSync(process.execPath, [KOSTRA, ...args], { encoding: "utf8", env: env(), timeout: 240_000 });
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const files = (dir: string) => walk(dir).map((f) => relative(dir, f)).sort();
/** No stack trace: a refusal or failure is one clear line, not a crash. */
const STACK = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

interface Run {
  pid: number;
  kill: () => void;
  ended: Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `node <args>` without waiting for it. */
function start(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, args, { cwd: REPO, env: env(extraEnv), stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stdout.resume();
  child.stderr.on("data", (d) => (stderr += d));
  const ended = new Promise<Awaited<Run["ended"]>>((done) => child.on("close", (status, signal) => done({ status, signal, stderr })));
  return { pid: child.pid!, kill: () => child.kill("SIGKILL"), ended };
}

/** Waits until the paused process has written `marker`; fails with its output if it ends first. */
async function pausedAt(marker: string, run: Run): Promise<void> {
  let over: Awaited<Run["ended"]> | undefined;
  void run.ended.then((end) => (over = end));
  while (!existsSync(marker)) {
    if (over) throw new Error(`ended before the pause (status ${over.status}):\n${over.stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An earlier build's site at `out` (with the build's marker, so a build may replace it): a marker of the test's own and some pages; returns its file list. */
function oldSite(out: string): string[] {
  mkdirSync(join(out, "skjema", "f1"), { recursive: true });
  writeFileSync(join(out, OUTPUT_MARKER), "Built by `kostra build`\n");
  writeFileSync(join(out, "marker"), "previous build");
  writeFileSync(join(out, "index.html"), "<h1>old</h1>");
  for (let i = 0; i < 20; i++) writeFileSync(join(out, "skjema", "f1", `${i}.html`), `old page ${i}`);
  return files(out);
}

/** A pid no process has any more. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

/** The fixture's complete site, as the first whole build here lists it; later builds compare with it. */
let fixtureSite: string[] = [];

describe("the output folder of kostra build", () => {
  it("after a build killed at the swap, the old site is whole; the next build cleans up and swaps in the new site", async () => {
    const content = fixtureWith();
    const out = join(tempDir("swap"), "dist");
    const old = oldSite(out);
    const marker = join(tempDir("pause"), "paused");
    const killed = start([KOSTRA, "build", "--content", content, "--out", out], { KOSTRA_TEST_PAUSE_AT_SWAP: marker });
    await pausedAt(marker, killed);
    // Paused with the new site complete beside the old one, just before the swap.
    expect(existsSync(join(`${out}.partial-${killed.pid}`, "index.html"))).toBe(true);
    killed.kill();
    expect((await killed.ended).signal).toBe("SIGKILL");

    expect(files(out)).toEqual(old);
    expect(readFileSync(join(out, "marker"), "utf8")).toBe("previous build");
    expect(readFileSync(`${out}.lock`, "utf8").trim()).toBe(String(killed.pid));

    // The next build takes the stale lock over, removes the stranded partial site and builds.
    const next = kostra(["build", "--content", content, "--out", out]);
    expect(next.status, next.stderr).toBe(0);
    fixtureSite = files(out);
    expect(fixtureSite).toContain("index.html");
    expect(fixtureSite).toContain("api/v1/index.json");
    expect(existsSync(join(out, "marker"))).toBe(false);
    expect(readdirSync(dirname(out))).toEqual(["dist"]);
    expect(existsSync(join(REPO, ".astro", `build-${killed.pid}`))).toBe(false);
  }, 300_000);

  it("after a swap killed between its two renames, the next build puts the old site back first", async () => {
    const dir = tempDir("mid-swap");
    const out = join(dir, "dist");
    const old = oldSite(out);
    const site = join(dir, "new-site");
    mkdirSync(site);
    writeFileSync(join(site, "index.html"), "<h1>new</h1>");
    const marker = join(dir, "paused");
    const swap = pathToFileURL(join(REPO, "src", "lib", "build", "output-swap.ts")).href;
    const killed = start(["--import", "tsx", "--input-type=module", "-e", `await (await import(${JSON.stringify(swap)})).swapIn(process.argv[1], process.argv[2]);`, site, out], { KOSTRA_TEST_PAUSE_MID_SWAP: marker });
    await pausedAt(marker, killed);
    killed.kill();
    await killed.ended;
    // The one instant `out` is missing; the old site is whole aside.
    expect(existsSync(out)).toBe(false);
    expect(files(`${out}.old-${killed.pid}`)).toEqual(old);

    // Even a build that then fails validation first puts the old site back, whole.
    const next = kostra(["build", "--content", fixtureWith("duplicate-code"), "--out", out]);
    expect(next.status).toBe(1);
    expect(files(out)).toEqual(old);
    expect(existsSync(`${out}.old-${killed.pid}`)).toBe(false);
  }, 120_000);

  it("two builds at once into one output folder: one builds, the other is refused with a clear message; the site is whole", async () => {
    const content = fixtureWith();
    const out = join(tempDir("twice"), "dist");
    oldSite(out);
    const runs = [start([KOSTRA, "build", "--content", content, "--out", out]), start([KOSTRA, "build", "--content", content, "--out", out])];
    const ends = await Promise.all(runs.map((r) => r.ended));
    expect(ends.map((e) => e.status).sort()).toEqual([0, 1]);
    const winner = runs[ends.findIndex((e) => e.status === 0)];
    const refused = ends.find((e) => e.status === 1)!;
    expect(refused.stderr).toBe(`kostra build: another build (pid ${winner.pid}) is writing ${out}; try again when it has finished\n`);
    for (const e of ends) expect(e.stderr).not.toMatch(STACK);
    // Exactly one build's complete site: the same files as the fixture's whole build in the first test.
    expect(fixtureSite.length, "compares with the first test's build: run the file whole").toBeGreaterThan(0);
    expect(files(out)).toEqual(fixtureSite);
    expect(readdirSync(dirname(out))).toEqual(["dist"]);
  }, 300_000);

  it("removes what killed builds left (dead pids), not what running builds have (live pids); a live lock refuses", () => {
    const out = join(tempDir("leftovers"), "dist");
    const old = oldSite(out);
    const dead = deadPid();
    const live = process.pid;
    const astro = join(REPO, ".astro");
    const made = (pid: number) => [`${out}.partial-${pid}`, `${out}.staging-${pid}`, `${out}.old-${pid}`, `${out}.lock-stale-${pid}`, join(astro, `build-${pid}`)];
    for (const path of [...made(dead), ...made(live)]) {
      mkdirSync(path, { recursive: true });
      writeFileSync(join(path, "file"), "left");
    }
    try {
      // A lock held by a running process: refused, naming it, and nothing removed.
      writeFileSync(`${out}.lock`, `${live}\n`);
      const busy = kostra(["build", "--content", fixtureWith(), "--out", out]);
      expect(busy.status).toBe(1);
      expect(busy.stderr).toBe(`kostra build: another build (pid ${live}) is writing ${out}; try again when it has finished\n`);
      for (const path of made(dead)) expect(existsSync(path), path).toBe(true);

      // A stale lock is taken over; the dead pid's leftovers go, the live pid's stay. (The build then
      // fails validation, which needs no pages: the clean-up comes before it.)
      writeFileSync(`${out}.lock`, `${dead}\n`);
      const run = kostra(["build", "--content", fixtureWith("duplicate-code"), "--out", out]);
      expect(run.status, run.stderr).toBe(1);
      for (const path of made(dead)) expect(existsSync(path), path).toBe(false);
      for (const path of made(live)) expect(existsSync(path), path).toBe(true);
      expect(existsSync(`${out}.lock`)).toBe(false);
      expect(files(out)).toEqual(old);
    } finally {
      for (const path of made(live)) rmSync(path, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses an output folder that is, lies in or holds the content root, and leaves the content as it was", () => {
    const parent = tempDir("overlap");
    const content = join(parent, "content-root");
    cpSync(join(FIXTURES, "base"), content, { recursive: true });
    const snapshot = () => files(parent).map((f) => `${f}\n${readFileSync(join(parent, f), "utf8")}`);
    const before = snapshot();
    expect(before.length).toBeGreaterThan(5);
    const cases: [string, RegExp][] = [
      [content, /is the content root/],
      [join(content, "codelists"), /is the content folder/],
      [join(content, "content", "site"), /is inside the content folder/],
      [parent, /holds the content root/],
    ];
    for (const [out, message] of cases) {
      const run = kostra(["build", "--content", content, "--out", out]);
      expect(run.status, out).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(STACK);
    }
    // Nothing was built, moved or locked: not even a lock file beside the refused folders.
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it("refuses a folder of someone's files and leaves it byte for byte; --force builds over it, and the next build replaces that site without --force", () => {
    const parent = tempDir("not-ours");
    const out = join(parent, "papers");
    mkdirSync(join(out, "mydocs", "drafts"), { recursive: true });
    writeFileSync(join(out, "thesis.txt"), "Kapittel 1\n");
    writeFileSync(join(out, "mydocs", "drafts", "notes.md"), "# Notater\n");
    writeFileSync(join(out, ".config"), "mine\n");
    // Content and modification time of every file: what a refused build must not touch.
    const snapshot = () => files(out).map((f) => `${f}\n${statSync(join(out, f)).mtimeMs}\n${readFileSync(join(out, f), "utf8")}`);
    const before = snapshot();
    const content = fixtureWith();
    const refused = kostra(["build", "--content", content, "--out", out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`kostra build: --out ${out} holds files no kostra build made (it has no ${OUTPUT_MARKER}): the site would replace them all; choose an empty folder, or pass --force to replace them\n`);
    expect(snapshot()).toEqual(before);
    // Nothing beside it either: no lock, no partial site.
    expect(readdirSync(parent)).toEqual(["papers"]);

    // A file where the folder should be is not ours either.
    const file = join(tempDir("a-file"), "site");
    writeFileSync(file, "not a folder\n");
    const onFile = kostra(["build", "--content", content, "--out", file]);
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toMatch(/is not a folder: the site would replace it; choose an empty folder, or pass --force/);
    expect(readFileSync(file, "utf8")).toBe("not a folder\n");

    // An empty folder is built into as a missing one is (here the build then fails validation,
    // which shows that it was not refused).
    const empty = join(tempDir("empty-out"), "dist");
    mkdirSync(empty);
    const intoEmpty = kostra(["build", "--content", fixtureWith("duplicate-code"), "--out", empty]);
    expect(intoEmpty.status, intoEmpty.stderr).toBe(1);
    expect(intoEmpty.stderr).toMatch(/not building, validation failed/);

    const forced = kostra(["build", "--content", content, "--out", out, "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    const site = files(out);
    expect(site).toContain("index.html");
    expect(site).toContain(OUTPUT_MARKER);
    expect(site).not.toContain("thesis.txt");
    expect(readFileSync(join(out, OUTPUT_MARKER), "utf8")).toMatch(/^Built by `kostra build`/);
    // The marker is no API file: index.json, which lists every one, does not list it.
    expect(readFileSync(join(out, "api", "v1", "index.json"), "utf8")).not.toContain(OUTPUT_MARKER);

    const again = kostra(["build", "--content", content, "--out", out]);
    expect(again.status, again.stderr).toBe(0);
    expect(files(out)).toEqual(site);
    expect(readdirSync(parent)).toEqual(["papers"]);
  }, 400_000);

  it("refuses a content root with no content file unless --allow-empty", () => {
    const empty = tempDir("empty");
    for (const folder of ["codelists", "content", "changes"]) mkdirSync(join(empty, folder));
    const out = join(tempDir("empty-site"), "dist");
    const old = oldSite(out);
    const refused = kostra(["build", "--content", empty, "--out", out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/holds no content files.*--allow-empty/);
    expect(files(out)).toEqual(old);

    const built = kostra(["build", "--content", empty, "--out", out, "--allow-empty"]);
    expect(built.status, built.stderr).toBe(0);
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, "marker"))).toBe(false);
  }, 300_000);

  it("counts a site built before builds marked their output as a site, and a folder with only some of its files as someone's", async () => {
    const { outputKind } = await import("../src/lib/build/output-marker.ts");
    const legacy = tempDir("legacy");
    for (const f of ["api/v1/index.json", "pagefind/pagefind-entry.json", "_headers"]) {
      mkdirSync(join(legacy, f, ".."), { recursive: true });
      writeFileSync(join(legacy, f), "{}");
    }
    expect(outputKind(legacy)).toBe("site");
    rmSync(join(legacy, "_headers"));
    expect(outputKind(legacy)).toBe("files");
  });
});
