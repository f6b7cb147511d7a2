import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import { readBounded } from "../src/lib/load/read-bounded.ts";
import { setBodyCheckTimeout } from "../src/lib/load/body-check.ts";
import { MAX_BODY_BYTES } from "../src/lib/load/body-budget.ts";
import { OUTPUT_MARKER } from "../src/lib/build/output-marker.ts";
import type { Finding } from "../src/lib/findings/finding.ts";
import { fixtureWith, REPO, tempDir } from "./helpers.ts";

/**
 * Every hostile input ends in a clear finding (file, line, column, what is wrong, what would be
 * right), never a crash, a hang or a half-built site. The inputs are made here, never committed.
 * Times are not asserted (they are measured and recorded in docs/reliability.md); the generous
 * per-test timeouts only stop a regression from hanging the suite.
 */

const kostra = (args: string[]) => spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 240_000 });

const K = 1000;
const PROPOSAL = "changes/p1.mdx";
const VERSION = "codelists/farger/2021.yaml";

/** The base fixture with the proposal's body replaced. */
function withBody(body: string): string {
  const dir = fixtureWith();
  const file = join(dir, PROPOSAL);
  const head = readFileSync(file, "utf8").split("\n---\n")[0] + "\n---\n\n";
  writeFileSync(file, head + body + "\n");
  return dir;
}

/** The line of the file the proposal's body starts on. */
const BODY_LINE = readFileSync(join(REPO, "test/fixtures/base", PROPOSAL), "utf8").split("\n---\n")[0].split("\n").length + 3;

/** Validates in process; the one error expected, at `file`, with a place, a message and what would be right. */
async function theFinding(dir: string, file: string, message: RegExp): Promise<Finding> {
  const result = await validateContent(dir);
  const errors = result.findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message}`)).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/\./g, "\\.")}:\\d+:\\d+: `))]);
  const [finding] = errors;
  expect(finding.message).toMatch(message);
  expect(finding.line).toBeGreaterThanOrEqual(1);
  expect(finding.column).toBeGreaterThanOrEqual(1);
  expect(finding.expected).toBeTruthy();
  // A finding, not a stack trace.
  expect(finding.message).not.toMatch(/\n|\s+at .+:\d+:\d+/);
  return finding;
}

describe("MDX bodies: checked within bounds", () => {
  it.each([
    ["`*a` × 200 KB", () => "*a".repeat(100 * K), /too many emphasis markers/, 1001],
    ["`*a` × 400 KB", () => "*a".repeat(200 * K), /too many emphasis markers/, 1001],
    ["`>` × 100 KB", () => ">".repeat(100 * K), /too deeply nested/, 21],
    ["`[` × 200 KB", () => "[".repeat(200 * K), /too many brackets/, 501],
    ["`a[` × 100 KB then `]` × 100 KB", () => "a[".repeat(50 * K) + "]".repeat(100 * K), /too many brackets/, 1002],
    ["`- ` nested 4,000 deep", () => "- ".repeat(4 * K) + "a", /too deeply nested/, 41],
    ["a list nested by indentation, 400 levels", () => Array.from({ length: 400 }, (_, i) => " ".repeat(i * 2) + "- a").join("\n"), /too deeply nested/, 41],
  ])("%s", async (_name, body, message, column) => {
    const finding = await theFinding(withBody(body()), PROPOSAL, message);
    expect(finding.line).toBeGreaterThanOrEqual(BODY_LINE);
    expect(finding.column).toBe(column);
  }, 20_000);

  it("refuses a body longer than the limit, and setext headings, list items and block quotes in numbers the parser is slow on", async () => {
    const long = await theFinding(withBody("Vanlig tekst i avsnitt.\n\n".repeat(Math.ceil(MAX_BODY_BYTES / 25) + 1)), PROPOSAL, /too long to check \(\d+ bytes\)/);
    expect([long.line, long.column]).toEqual([BODY_LINE, 1]);
    await theFinding(withBody("Tittel\n======\n\n".repeat(201)), PROPOSAL, /too many setext headings/);
    await theFinding(withBody(("- ".repeat(5) + "a\n").repeat(401)), PROPOSAL, /too many block quotes and list items/);
    // 13,000 block quotes took more than 30 s to compile.
    await theFinding(withBody("> a\n\n".repeat(13 * K)), PROPOSAL, /too many block quotes and list items/);
  }, 20_000);

  it("a body the parser takes too long on is reported, and the next body is checked by a fresh worker", async () => {
    // 60 KB of ordinary Markdown compiles in about 0.6 s: well over a budget of 0.1 s, which the
    // fixture's other, short bodies stay well under even on a loaded machine (a budget of 5 ms was
    // exceeded by a short body too when CI ran beside other work).
    const body = "Forslaget deler *blå* i [mørkeblå](https://ssb.no) og `himmelblå`.\n\n- ett\n- to\n\n".repeat(700);
    const before = setBodyCheckTimeout(100);
    try {
      const finding = await theFinding(withBody(body), PROPOSAL, /could not be checked within the time allowed \(0\.1 s\)/);
      expect([finding.line, finding.column]).toEqual([BODY_LINE, 1]);
    } finally {
      setBodyCheckTimeout(before);
    }
    expect((await validateContent(withBody(body))).errors).toBe(0);
    // A syntax error is still placed where it is.
    const syntax = await theFinding(withBody("Tekst.\n\nForslaget deler <blå."), PROPOSAL, /malformed MDX/);
    expect(syntax.line).toBe(BODY_LINE + 2);
  }, 20_000);
});

describe("files that are not regular files, or too large, are refused before they are read", () => {
  it("a FIFO named 2021.yaml (it used to block forever)", async () => {
    const dir = fixtureWith();
    execFileSync("mkfifo", [join(dir, VERSION)]);
    const finding = await theFinding(dir, VERSION, /not a regular file: a FIFO/);
    expect([finding.line, finding.column]).toEqual([1, 1]);
  }, 20_000);

  it("a symbolic link to /dev/zero (it used to read until memory ran out)", async () => {
    const dir = fixtureWith();
    symlinkSync("/dev/zero", join(dir, VERSION));
    const rss = process.memoryUsage().rss;
    await theFinding(dir, VERSION, /symbolic link to outside the content root/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 2 ** 20);
    // Read directly, the device is refused from its stat, never read.
    expect(await readBounded("/dev/zero", 1024)).toEqual({ problem: { message: "not a regular file: a character device", expected: expect.any(String) } });
  }, 20_000);

  it("a sparse file of 1.5 GB (it used to be read whole before it was refused)", async () => {
    const dir = fixtureWith();
    writeFileSync(join(dir, VERSION), "");
    truncateSync(join(dir, VERSION), 1.5 * 2 ** 30);
    const rss = process.memoryUsage().rss;
    await theFinding(dir, VERSION, /file is too large \(1610612736 bytes\)/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 2 ** 20);
  }, 20_000);
});

describe("symbolic links: discovery never throws", () => {
  it("a dangling link in a folder of files (it used to be an uncaught ENOENT)", async () => {
    const dir = fixtureWith();
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "content/working-groups/ghost.yaml"));
    await theFinding(dir, "content/working-groups/ghost.yaml", /symbolic link whose target does not exist/);
  }, 20_000);

  it("a dangling link as a codelist folder", async () => {
    const dir = fixtureWith();
    symlinkSync(join(dir, "nowhere"), join(dir, "codelists/ghost"));
    await theFinding(dir, "codelists/ghost", /symbolic link whose target does not exist/);
  }, 20_000);

  it("a link loop (it used to be an uncaught ELOOP)", async () => {
    const dir = fixtureWith();
    symlinkSync(join(dir, "codelists/ring"), join(dir, "codelists/ring"));
    await theFinding(dir, "codelists/ring", /symbolic link loop/);
    const file = fixtureWith();
    symlinkSync(join(file, VERSION), join(file, VERSION));
    await theFinding(file, VERSION, /symbolic link loop/);
  }, 20_000);

  it("a link to a file outside the content root is refused, not published; a link inside the root is followed", async () => {
    const outside = tempDir("outside");
    const dir = fixtureWith();
    writeFileSync(join(outside, "secret.yaml"), readFileSync(join(dir, "codelists/farger/2020.yaml"), "utf8"));
    symlinkSync(join(outside, "secret.yaml"), join(dir, VERSION));
    const finding = await theFinding(dir, VERSION, /symbolic link to outside the content root/);
    expect(finding.expected).toMatch(/inside the root/);
    // The same file, linked from inside the root (relative and absolute links alike), is read.
    const inside = fixtureWith();
    symlinkSync("2020.yaml", join(inside, VERSION));
    const result = await validateContent(inside);
    expect(result.errors).toBe(0);
    expect(result.registry.codelists.get("farger")?.versions.map((v) => v.year)).toEqual([2020, 2021, 2022]);
  }, 20_000);

  it("the dev server's loads (with a cache) and the build's (validated) end in the same findings", async () => {
    const dir = fixtureWith();
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "content/working-groups/ghost.yaml"));
    symlinkSync(join(dir, "codelists/ring"), join(dir, "codelists/ring"));
    execFileSync("mkfifo", [join(dir, VERSION)]);
    for (const options of [{ cache: new Map() }, { validated: true }]) {
      const { findings } = await loadContent(dir, options);
      expect(findings.map((f) => f.file).sort()).toEqual(["codelists/farger/2021.yaml", "codelists/ring", "content/working-groups/ghost.yaml"]);
    }
  }, 20_000);
});

describe("YAML aliases: budgeted by size, not only by count", () => {
  it("one 2 MB anchor used 99 times (it used to validate and write 4 GB of exports)", async () => {
    const dir = fixtureWith();
    let text = `source: "fixture"\ncodes:\n  - code: "1"\n    name: { nb: "Rød" }\n    notes: &big "${"x".repeat(2 * 2 ** 20)}"\n`;
    for (let i = 0; i < 99; i++) text += `  - code: "c${i}"\n    name: { nb: "N${i}" }\n    notes: *big\n`;
    writeFileSync(join(dir, "codelists/farger/2020.yaml"), text);
    const finding = await theFinding(dir, "codelists/farger/2020.yaml", /YAML aliases stand for too much text: \d+ bytes up to this alias \*big/);
    // At the fifth alias: five values of 2 MB (with their quotes) are just over the budget of 10 MB.
    expect([finding.line, finding.column]).toEqual([5 + 3 * 5, 12]);
  }, 20_000);

  it("nested aliases are counted expanded (a billion laughs), and a structure that contains itself is refused", async () => {
    const laughs = ["a: &a [" + Array(10).fill('"lol"').join(", ") + "]"];
    for (const [name, inner] of [["b", "a"], ["c", "b"], ["d", "c"], ["e", "d"], ["f", "e"], ["g", "f"]]) laughs.push(`${name}: &${name} [${Array(10).fill(`*${inner}`).join(", ")}]`);
    const dir = fixtureWith();
    writeFileSync(join(dir, VERSION), laughs.join("\n") + "\n");
    await theFinding(dir, VERSION, /YAML aliases stand for too much text/);
    const self = fixtureWith();
    writeFileSync(join(self, VERSION), 'source: &s [ *s ]\ncodes: []\n');
    await theFinding(self, VERSION, /inside the node it refers to/);
  }, 20_000);
});

describe("the command line", () => {
  it("kostra validate names every hostile entry at file:line:column, prints no stack trace, and exits 1", () => {
    const dir = fixtureWith();
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "content/working-groups/ghost.yaml"));
    symlinkSync(join(dir, "codelists/ring"), join(dir, "codelists/ring"));
    symlinkSync("/dev/zero", join(dir, "content/working-groups/zero.yaml"));
    execFileSync("mkfifo", [join(dir, VERSION)]);
    writeFileSync(join(dir, PROPOSAL), readFileSync(join(dir, PROPOSAL), "utf8") + ">".repeat(100 * K) + "\n");
    const run = kostra(["validate", "--content", dir]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^content\/working-groups\/ghost\.yaml:1:1: error: a symbolic link whose target does not exist/m);
    expect(run.stderr).toMatch(/^codelists\/ring:1:1: error: a symbolic link loop/m);
    expect(run.stderr).toMatch(/^content\/working-groups\/zero\.yaml:1:1: error: a symbolic link to outside the content root/m);
    expect(run.stderr).toMatch(/^codelists\/farger\/2021\.yaml:1:1: error: not a regular file: a FIFO/m);
    expect(run.stderr).toMatch(/^changes\/p1\.mdx:\d+:21: error: the text is too deeply nested to check/m);
    expect(run.stderr).toMatch(/5 error\(s\) in 5 file\(s\)/);
    expect(run.stderr + run.stdout).not.toMatch(/internal error|^\s+at /m);
  }, 60_000);

  it("kostra build refuses to start on a FIFO and leaves the output folder as it was", () => {
    const dir = fixtureWith();
    execFileSync("mkfifo", [join(dir, VERSION)]);
    const out = join(tempDir("out"), "dist");
    mkdirSync(out);
    writeFileSync(join(out, "index.html"), "the site as it was");
    // An earlier build's site: it has the build's marker, or the build would refuse to replace it.
    writeFileSync(join(out, OUTPUT_MARKER), "Built by `kostra build`\n");
    const run = kostra(["build", "--content", dir, "--out", out]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^codelists\/farger\/2021\.yaml:1:1: error: not a regular file: a FIFO/m);
    expect(run.stderr).toMatch(/not building, validation failed/);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, "index.html"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("the site as it was");
    // No partial or staging folder left beside it.
    expect(readdirSync(dirname(out))).toEqual(["dist"]);
  }, 240_000);
});
