import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { diffRegistry } from "../src/lib/diff/index.ts";
import { ChangeSet } from "../src/lib/diff/change.ts";
import { evaluateControl } from "../src/lib/rules/evaluate.ts";
import { Registry } from "../src/lib/model/registry.ts";
import type { Code } from "../src/lib/schema/index.ts";
import { OUTPUT_MARKER } from "../src/lib/build/output-marker.ts";
import { buildSite, buildSiteAsync } from "./build-site.ts";
import { fixtureWith, REPO } from "./helpers.ts";

const kostra = (args: string[]) => spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

describe("frozen published years", () => {
  it("fails validation on an unrecorded change and passes once the correction is recorded", async () => {
    const dir = fixtureWith();
    expect(kostra(["publish", "2022", "--content", dir, "--date", "2025-03-01"]).status).toBe(0);
    const version = join(dir, "codelists/farger/2022.yaml");
    writeFileSync(version, readFileSync(version, "utf8").replace("Himmelblå", "Lyseblå"));
    const unrecorded = await validateContent(dir);
    expect(unrecorded.findings.find((f) => f.severity === "error")).toMatchObject({ file: "codelists/farger/2022.yaml", line: 1, message: expect.stringMatching(/export\(s\) changed in published reporting year 2022 .* without a recorded correction/) });
    expect(kostra(["publish", "2022", "--content", dir]).status).toBe(1);
    const corrected = kostra(["publish", "2022", "--content", dir, "--correct", "--what", "Kode 4 heter Lyseblå", "--why", "Skrivefeil i publisert liste", "--decision", "Vedtatt av arbeidsgruppen 2025-04-01", "--date", "2025-04-02"]);
    expect(corrected.status, corrected.stderr).toBe(0);
    const recorded = await validateContent(dir);
    expect(recorded.errors).toBe(0);
    const lock = recorded.registry.published.get(2022)!;
    expect(lock.corrections).toHaveLength(1);
    expect(Object.keys(lock.corrections[0].files)).toContain("codelists/farger/2022.json");
    // The correction is in the exports and the feed.
    const files = [...exportFiles(recorded.registry, "https://kostra-registeret.example")];
    expect(files.find((f) => f.path === "published/2022.json")!.content).toContain("Skrivefeil i publisert liste");
    expect(files.find((f) => f.path === "feeds/endringer.atom")!.content).toContain("Rettelse i publisert rapporteringsår 2022: Kode 4 heter Lyseblå");
  });

  it("refuses a correction that changes nothing, and one without its reasons", () => {
    const dir = fixtureWith();
    kostra(["publish", "2022", "--content", dir]);
    expect(kostra(["publish", "2022", "--content", dir, "--correct", "--what", "x", "--why", "y", "--decision", "z"]).stderr).toMatch(/nothing has changed/);
    expect(kostra(["publish", "2022", "--content", dir, "--correct", "--what", "x"]).stderr).toMatch(/needs --why, --decision/);
  });

  it("freezes reporting year 2022 of the bundled content", async () => {
    const { registry, errors } = await validateContent(BUNDLED_CONTENT_ROOT);
    expect(errors).toBe(0);
    expect(Object.keys(registry.published.get(2022)!.files)).toContain("codelists/tiltak-kategori/2022.json");
  });
});

describe("no injection", () => {
  it("rejects javascript: and data: links and HTML in MDX bodies", async () => {
    const dir = fixtureWith();
    const file = join(dir, "changes/p1.mdx");
    writeFileSync(file, readFileSync(file, "utf8") + "\nSe [her](javascript:alert(1)) og [bilde](data:text/html,x).\n\n<script>alert(1)</script>\n");
    const messages = (await validateContent(dir)).findings.map((f) => `${f.line}: ${f.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^21: unsafe link target "javascript:alert\(1/));
    expect(messages).toContainEqual(expect.stringMatching(/^21: unsafe link target "data:text\/html/));
    expect(messages).toContainEqual(expect.stringMatching(/^23: HTML, JSX, expressions and imports are not allowed/));
  });

  it("escapes <script> and attribute-breaking quotes put into every text field", () => {
    const evil = `<script>alert(1)</script>" onmouseover="alert(2)' x='`;
    const dir = fixtureWith();
    const yaml = (p: string, edit: (s: string) => string) => writeFileSync(join(dir, p), edit(readFileSync(join(dir, p), "utf8")));
    const q = JSON.stringify(evil);
    yaml("codelists/farger/codelist.yaml", (s) => s.replace('name: { nb: "Farger" }', `name: { nb: ${q} }\ndescription: ${q}\nusedIn: ${q}`));
    yaml("codelists/farger/2022.yaml", (s) => s.replace('source: "fixture"', `source: ${q}\nnote: ${q}`).replace('name: { nb: "Rød" }', `name: { nb: ${q}, nn: ${q} }\n    notes: ${q}\n    group: ${q}`));
    yaml("content/working-groups/wg.yaml", (s) => s.replace('name: { nb: "Testgruppe" }', `name: { nb: ${q} }\nmandate: ${q}`).replace('serviceArea: "Test"', `serviceArea: ${q}`));
    yaml("content/meetings/m1.mdx", (s) => s.replace('title: "Møte"', `title: ${q}`).replace('title: "Farger"', `title: ${q}\n    summary: ${q}\n    decisions: [${q}]`));
    yaml("changes/p1.mdx", (s) => s.replace('title: "Del blå"', `title: ${q}`).replace('relevance: "Bedre."', `relevance: ${q}\n  burden: ${q}`).replace('description: "Blå deles i mørkeblå og himmelblå; lyseblå går ut."', `description: ${q}`));
    yaml("content/forms/f1/2020.yaml", (s) => s.replace('title: "Del 1"', `title: ${q}\n    help: ${q}`).replace('label: "Farge"', `label: ${q}\n        help: ${q}`));
    const dist = buildSite(dir);
    const pages = walk(dist).filter((f) => f.endsWith(".html"));
    let checked = 0;
    for (const f of pages) {
      const html = readFileSync(f, "utf8");
      // Inside a quoted attribute value "<" is plain text; what matters is that no quote ends the value early.
      // JSON data blocks are not markup; inside them "<" is written \u003c, so they cannot end early.
      const data = [...html.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      for (const block of data) expect(block).not.toContain("<");
      const markup = html.replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g, "").replace(/="[^"]*"/g, '=""');
      expect(markup, relative(dist, f)).not.toContain("<script>alert(1)</script>");
      expect(markup, relative(dist, f)).not.toMatch(/ onmouseover=""/);
      expect(markup, relative(dist, f)).not.toMatch(/ x='/);
      if (html.includes("&lt;script&gt;alert(1)&lt;/script&gt;")) checked++;
    }
    expect(checked).toBeGreaterThan(5);
  }, 300_000);
});

describe("hostile input ends in clear errors, within bounded time, never a crash", () => {
  const file = "codelists/farger/2020.yaml";
  const withText = (text: string | Buffer) => {
    const dir = fixtureWith();
    writeFileSync(join(dir, file), text);
    return dir;
  };
  const bounded = async (dir: string) => {
    const started = performance.now();
    const result = await validateContent(dir);
    expect(performance.now() - started).toBeLessThan(5000);
    for (const f of result.findings) {
      expect(f.file).toBeTruthy();
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.message).toBeTruthy();
    }
    return result;
  };

  it("arbitrary text as a content file (200 random inputs)", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => void (await bounded(withText(text)))), { numRuns: 200 });
  }, 120_000);

  it("every real content file truncated at random places (300 inputs)", async () => {
    const real = walk(join(BUNDLED_CONTENT_ROOT, "codelists")).concat(walk(join(BUNDLED_CONTENT_ROOT, "changes"))).filter((f) => /\.(yaml|mdx)$/.test(f));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...real), fc.double({ min: 0, max: 1, noNaN: true }), async (path, cut) => {
        const text = readFileSync(path, "utf8");
        const dir = fixtureWith();
        const target = join(dir, relative(BUNDLED_CONTENT_ROOT, path));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text.slice(0, Math.floor(text.length * cut)));
        await bounded(dir);
      }),
      { numRuns: 300 },
    );
  }, 300_000);

  it("deep nesting, very long lines, control characters and huge files", async () => {
    expect((await bounded(withText("a: " + "[".repeat(20_000)))).errors).toBeGreaterThan(0);
    expect((await bounded(withText("a: " + "{b: ".repeat(5_000)))).errors).toBeGreaterThan(0);
    expect((await bounded(withText(`source: "${"x".repeat(1_000_000)}"\ncodes: []\n`))).errors).toBeGreaterThan(0);
    expect((await bounded(withText("source: \"a\u0000b\u0007\"\ncodes:\n  - code: \"\u001b\"\n    name: { nb: \"x\" }\n"))).findings.length).toBeGreaterThanOrEqual(0);
    expect((await bounded(withText(Buffer.alloc(6 * 1024 * 1024, 0x61)))).findings[0].message).toMatch(/too large/);
  }, 60_000);

  it("accepts CRLF line ends and a byte-order mark in a valid file", async () => {
    const valid = readFileSync(join(REPO, "test/fixtures/base", file), "utf8");
    expect((await bounded(withText("\uFEFF" + valid.replace(/\n/g, "\r\n")))).errors).toBe(0);
  });

  it("wrong types everywhere: every scalar of a valid file replaced by a random value (200 inputs)", async () => {
    const valid = readFileSync(join(REPO, "test/fixtures/base", file), "utf8");
    const scalars = [...valid.matchAll(/: (".*?"|\d+)/g)].map((m) => m[1]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...scalars), fc.oneof(fc.integer(), fc.boolean(), fc.constant("null"), fc.constant("[]"), fc.constant("{}"), fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s))), async (scalar, replacement) => {
        await bounded(withText(valid.replace(scalar, String(replacement))));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("the diff engine on random codelists never throws and always gives a valid change set (200 inputs)", () => {
    const code = fc.record({ code: fc.stringMatching(/^[0-9](\.[0-9]{1,2}){0,2}$/), name: fc.record({ nb: fc.string({ minLength: 1, maxLength: 12 }) }) });
    const codes = fc.uniqueArray(code, { selector: (c) => c.code, maxLength: 30 });
    fc.assert(
      fc.property(codes, codes, fc.integer({ min: 2000, max: 2010 }), (a, b, year) => {
        const entry = { meta: { id: "x", name: { nb: "X" }, workingGroup: "wg", source: "s" }, versions: [{ year, data: { source: "s", codes: a as Code[] } }, { year: year + 2, data: { source: "s", codes: b as Code[] } }] };
        const registry = new Registry({ codelists: new Map([["x", entry]]), forms: new Map(), workingGroups: new Map(), indicators: new Map(), tables: new Map(), meetings: new Map(), proposals: new Map(), reportTemplates: new Map(), calendars: new Map(), published: new Map(), origins: new Map() });
        const set = diffRegistry(registry, year, year + 2);
        ChangeSet.parse(set);
        const changed = new Set(set.changes.map((c) => c.code));
        for (const c of b) if (!a.some((o) => o.code === c.code)) expect(changed.has(c.code)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("the control evaluator returns an outcome for any expression and input, never throws (500 inputs)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })), (expression, input) => {
        const started = performance.now();
        const outcome = evaluateControl({ id: "x", title: "x", severity: "ERROR", condition: "x", message: "x", when: expression || "x" }, input);
        expect(["pass", "fail", "error"]).toContain(outcome.outcome);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 500 },
    );
  });
});

describe("deterministic, atomic builds", () => {
  it("gives byte-identical exports when built twice at the same time from the same checkout", async () => {
    // At once: Astro's bundle of the pages once lived in one folder of the checkout that both overwrote.
    const [a, b] = await Promise.all([buildSiteAsync(), buildSiteAsync()]);
    const files = (d: string) => walk(join(d, "api")).map((f) => relative(d, f)).sort();
    expect(files(a)).toEqual(files(b));
    for (const f of files(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    expect(readFileSync(join(a, "kalender/2022.ics")).equals(readFileSync(join(b, "kalender/2022.ics")))).toBe(true);
    // The build's working folders (staging, partial site, the pages gathered for search) are gone.
    expect(readdirSync(dirname(a))).toEqual(["dist"]);
  }, 300_000);

  it("leaves the output folder as it was, with no partial folder, when a build fails", () => {
    const out = join(fixtureWith(), "site");
    mkdirSync(out);
    // An earlier build's site: it has the build's marker, or the build would refuse to replace it.
    writeFileSync(join(out, OUTPUT_MARKER), "Built by `kostra build`\n");
    writeFileSync(join(out, "marker"), "previous build");
    const run = kostra(["build", "--content", fixtureWith("duplicate-code"), "--out", out]);
    expect(run.status).toBe(1);
    expect(readFileSync(join(out, "marker"), "utf8")).toBe("previous build");
    // Neither the partial site nor the staging folder of the API and search records is left behind.
    expect(readdirSync(dirname(out)).filter((n) => n.includes("partial") || n.includes("staging"))).toEqual([]);
    expect(existsSync(`${out}.partial-${run.pid}`)).toBe(false);
  });
});
