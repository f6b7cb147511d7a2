import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentCopy, fixtureWith, REPO, tempDir } from "./helpers.ts";

const kostra = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "", ...env }, timeout: 120_000 });

describe("npx kostra validate", () => {
  it("passes on the bundled content", () => {
    const run = kostra(["validate"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 error\(s\)/);
  });

  it("names every broken file of a broken copy with its line, and exits 1", () => {
    const dir = contentCopy();
    writeFileSync(join(dir, "codelists/plantype/2023.yaml"), "source: x\ncodes:\n  - code: \"1\"\n    name: { nb: \"A\" }\n  - code: \"1\"\n    name: { nb: \"B\" }\n");
    writeFileSync(join(dir, "content/working-groups/barnevern.yaml"), "id: barnevern\nname: [\n");
    writeFileSync(join(dir, "changes/barnevern-2023-plantyper.mdx"), "---\nid: barnevern-2023-plantyper\n---\n\n<Unclosed\n");
    const run = kostra(["validate", "--content", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^codelists\/plantype\/2023\.yaml:5:\d+: error: codes\.1\.code: duplicate code "1"/m);
    expect(run.stderr).toMatch(/^content\/working-groups\/barnevern\.yaml:\d+:\d+: error: malformed YAML/m);
    expect(run.stderr).toMatch(/^changes\/barnevern-2023-plantyper\.mdx:\d+:\d+: error: malformed MDX/m);
    expect(run.stderr).toMatch(/error\(s\) in 3 file\(s\)/);
  });

  it("takes the content root from KOSTRA_CONTENT_DIR", () => {
    const run = kostra(["validate"], { KOSTRA_CONTENT_DIR: fixtureWith("duplicate-code") });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("codelists/farger/2020.yaml:7:11: error: codes.2.code: duplicate code \"1\"");
  });

  it("prefers --content over KOSTRA_CONTENT_DIR", () => {
    const run = kostra(["validate", "--content", fixtureWith()], { KOSTRA_CONTENT_DIR: fixtureWith("duplicate-code") });
    expect(run.status, run.stderr).toBe(0);
  });

  it("writes findings as JSON with --format json", () => {
    const run = kostra(["validate", "--format", "json", "--content", fixtureWith("unknown-parent")]);
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.findings[0]).toMatchObject({ severity: "error", file: "codelists/farger/2020.yaml", line: 9, column: 13, field: "codes.2.parent" });
  });

  it("fails on warnings with --strict", () => {
    expect(kostra(["validate"]).status).toBe(0);
    const run = kostra(["validate", "--strict"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/warning: .*unknown Statbank table "11805"/);
  });

  it("refuses a content folder that does not exist, and unknown commands", () => {
    expect(kostra(["validate", "--content", "/nonexistent/folder"]).status).toBe(2);
    expect(kostra(["frobnicate"]).status).toBe(2);
    const step = kostra(["build-step", "render"]);
    expect(step.status).toBe(2);
    expect(step.stderr).toMatch(/expected "prepare <staging>", "prepare-then-api <staging>", "exports <staging>", "search-records <staging>", "search <dist>" or "scan <dist> <staging> <k> <n>"/);
  });
});

describe("npx kostra build", () => {
  it("builds nothing when validation fails", () => {
    const out = join(tempDir("out"), "dist");
    const run = kostra(["build", "--content", fixtureWith("duplicate-code"), "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not building, validation failed/);
    expect(existsSync(out)).toBe(false);
    // Astro, started beside validation on content this small, was stopped and its output removed.
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  it("starts the pages beside validation only when both fit in half the machine's memory", async () => {
    const { contentBytes, fitsBesidePages } = await import("../src/lib/build/overlap.ts");
    const bytes = contentBytes(REPO);
    expect(bytes).toBeGreaterThan(100_000);
    expect(bytes).toBeLessThan(10_000_000);
    const gb = 2 ** 30;
    // The KOSTRA-scale corpus (151 MB of content) on this machine kind, and ten times it.
    expect(fitsBesidePages(151e6, 24 * gb)).toBe(true);
    expect(fitsBesidePages(1467e6, 24 * gb)).toBe(false);
    expect(fitsBesidePages(151e6, 4 * gb)).toBe(false);
  });

  it("refuses a search part size that is not a whole number before it starts, and builds nothing", () => {
    const out = join(tempDir("out"), "dist");
    const run = kostra(["build", "--out", out], { KOSTRA_SEARCH_PAGES_PER_PART: "-5" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/KOSTRA_SEARCH_PAGES_PER_PART must be a whole number of at least 1, not "-5"/);
    expect(run.stdout).not.toMatch(/wrote \d+ export files/);
    expect(existsSync(out)).toBe(false);
  });

  it("stops a step through its signal, as the build stops the pages when the records' index fails, and says when a step could not start", async () => {
    const { runStep } = await import("../src/lib/build/pipeline.ts");
    const stop = new AbortController();
    const long = runStep(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore", signal: stop.signal });
    stop.abort();
    expect((await long).killed).toMatch(/killed by SIGTERM/);
    const missing = await runStep("/nonexistent/node", [], { stdio: "ignore" });
    expect(missing).toEqual({ status: 1, killed: expect.stringMatching(/could not start: spawn \/nonexistent\/node ENOENT/) });
  });

  it("runs steps side by side and, when one fails, stops the other and names the one that failed", async () => {
    const { runStep, sideBySide } = await import("../src/lib/build/pipeline.ts");
    const started = Date.now();
    const failed = await sideBySide({
      "a long step": (signal) => runStep(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore", signal }),
      "a failing step": (signal) => runStep(process.execPath, ["-e", "setTimeout(() => process.exit(4), 200)"], { stdio: "ignore", signal }),
    });
    expect(failed).toEqual({ name: "a failing step", end: { status: 4, killed: "" } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await sideBySide({ one: (signal) => runStep(process.execPath, ["-e", "0"], { stdio: "ignore", signal }), two: (signal) => runStep(process.execPath, ["-e", "0"], { stdio: "ignore", signal }) })).toBeUndefined();
  });

  it("runs steps with collections that scale with the heap where the Node binary knows the flag, and starts them under an older Node too", async () => {
    const { runStep } = await import("../src/lib/build/pipeline.ts");
    const { stepFlags } = await import("../src/lib/build/gc-flags.ts");
    // The project's pinned Node (24) runs the tests and every step of a build.
    expect(stepFlags(process.execPath)).toEqual(["--max-semi-space-size=64", "--external-memory-accounted-in-global-limit", "--heap-growing-percent=40"]);
    const growing = spawnSync(process.execPath, [...stepFlags(process.execPath), "-p", "require('v8').getHeapStatistics().heap_size_limit > 0"], { encoding: "utf8" });
    expect(growing.stdout.trim()).toBe("true");
    // A machine's own Node 20 or 22, when there is one beside the pinned one, refuses the flag: the step must still start.
    const others = (process.env.PATH ?? "").split(":").map((dir) => join(dir, "node")).filter((bin) => existsSync(bin) && spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout?.match(/^v(20|22)\./));
    for (const bin of others) {
      expect(stepFlags(bin)).toEqual(["--max-semi-space-size=64"]);
      expect(await runStep(bin, ["-e", "0"], { stdio: "ignore" })).toEqual({ status: 0, killed: "" });
    }
    expect(stepFlags("/nonexistent/node")).toEqual(["--max-semi-space-size=64"]);
  });

  it("says when a step was killed, as the out-of-memory killer does, rather than only that it failed", async () => {
    const { runStep } = await import("../src/lib/build/pipeline.ts");
    const killed = await runStep(process.execPath, ["-e", "process.kill(process.pid, 'SIGKILL')"], { stdio: "ignore" });
    expect(killed.status).toBe(1);
    expect(killed.killed).toMatch(/killed by SIGKILL: most often the machine running out of memory/);
    const ended = await runStep(process.execPath, ["-e", "process.exit(3)"], { stdio: "ignore" });
    expect(ended).toEqual({ status: 3, killed: "" });
  });
});

describe("npx kostra diff", () => {
  it("prints the 2022 → 2023 changes as JSON of the documented shape", async () => {
    const { ChangeSet } = await import("../src/lib/diff/change.ts");
    const run = kostra(["diff", "2022", "2023", "--format", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const set = ChangeSet.parse(JSON.parse(run.stdout));
    expect(set.changes.filter((c) => c.item === "plantype" && c.type === "code-added").map((c) => c.code)).toEqual(["5", "6", "7", "8"]);
  });

  it("prints text for people, with NOT JUSTIFIED beside undeclared changes", () => {
    const run = kostra(["diff", "2022", "2023"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Declared but not carried out:\n(?:.*\n)*?  barnevern-2023-tiltak-2-3-2-4 \(2023\): tiltak-kategori 2\.3 — /);
    expect(run.stdout).toMatch(/code-added .* 29 "Foreldres kognitive vansker" +NOT JUSTIFIED/);
  });

  it("shows the new row in form 8 traced to its proposal", () => {
    const run = kostra(["diff", "2022", "2023"]);
    expect(run.stdout).toMatch(/barnevern · form 8 "8 Personell og organisering av barnevernstjenesten"\n\s+2023\s+field-added .* row besatte-etter-type\.kompetansekrav: "Herav stillinger som oppfyller kompetansekravet i bvl\. § 15-6"\s+← barnevern-2023-skjema-8-kompetansekrav/);
  });

  it("flags an undeclared change in a fixture", () => {
    const run = kostra(["diff", "2020", "2021", "--content", join(REPO, "test/fixtures/diff")]);
    expect(run.stdout).toMatch(/code-added .* 8 "Oransje" +NOT JUSTIFIED/);
  });

  it("explains wrong years", () => {
    expect(kostra(["diff", "2023"]).status).toBe(2);
    expect(kostra(["diff", "2023", "2022"]).stderr).toMatch(/first year must be before the second/);
  });
});
