import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { runReview } from "../src/lib/review/run.ts";
import { reviewMarkdown } from "../src/lib/review/markdown.ts";
import { reviewJsonSchema, type Review } from "../src/lib/review/schema.ts";
import { runPublish } from "../src/lib/cli/publish-command.ts";
import { runPropose } from "../src/lib/cli/propose-command.ts";
import { validateContent } from "../src/lib/validate/index.ts";
import { FIXTURES, REPO, tempDir } from "./helpers.ts";

/**
 * `kostra review` on a scratch git repository: `main` holds the base fixture and a fixed-width file
 * extract `fx` bound to the codelist «farger» (and, where a scenario needs it, reporting year 2022
 * published); each scenario is a branch from it. The Markdown and JSON are pinned in test/fixtures/review/.
 */

const env = { ...process.env, GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "test@example.org", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "test@example.org", GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_DATE: "2025-03-01T12:00:00Z", GIT_COMMITTER_DATE: "2025-03-01T12:00:00Z" };
const git = (dir: string, args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] }).trim();
const commitAll = (dir: string, message: string) => {
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message]);
};
const write = (dir: string, path: string, text: string) => {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const kostra = (args: string[]) => spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });
const TODAY = "2026-12-07";

const FX_FORM = `id: fx\nnumber: "FX"\nname: { nb: "Fast uttrekk" }\nkind: file-extract\nworkingGroup: wg\nsource: "fixture"\n`;
const fxVersion = (nrLength: number) => `source: "fixture"
title: "FX Fast uttrekk"
records:
  - id: fx
    name: FX
    fields:
      - { name: NR, type: code, dataType: STRING_TYPE, position: 1, length: ${nrLength}, mandatory: true }
      - { name: FARGE, type: code, dataType: STRING_TYPE, position: ${1 + nrLength}, length: 3, codelist: { codelist: farger } }
`;
const farger2022 = (dir: string) => readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8");

/**
 * `main`: the base fixture and the form fx; with `published`, 2022 published too (quiet: publish
 * prints). Only where a scenario needs it: a 2023 version changes 2022's KLASS export (its end date).
 */
async function mainRepo(published = false): Promise<string> {
  const dir = tempDir("review");
  cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  write(dir, "content/forms/fx/form.yaml", FX_FORM);
  write(dir, "content/forms/fx/2022.yaml", fxVersion(2));
  git(dir, ["init", "-q", "-b", "main"]);
  commitAll(dir, "Content");
  if (!published) return dir;
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await runPublish(dir, ["2022"], { date: "2025-03-01" })).toBe(0);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  commitAll(dir, "Publish 2022");
  return dir;
}

async function branch(name: string, edit: (dir: string) => void, published = false): Promise<string> {
  const dir = await mainRepo(published);
  git(dir, ["checkout", "-q", "-b", name]);
  edit(dir);
  commitAll(dir, name);
  return dir;
}

/** The review with the base commit's hash made stable. */
async function review(dir: string): Promise<{ review: Review; markdown: string; json: string }> {
  const { review } = await runReview(dir, { base: "main", today: TODAY });
  const stable = { ...review, base: { ...review.base, commit: "0".repeat(40) } };
  return { review: stable, markdown: reviewMarkdown(stable, { siteUrl: "https://kostra.example" }), json: JSON.stringify(stable, null, 2) + "\n" };
}

const pin = async (name: string, r: { markdown: string; json: string }) => {
  await expect(r.markdown).toMatchFileSnapshot(join(FIXTURES, "review", `${name}.md`));
  await expect(r.json).toMatchFileSnapshot(join(FIXTURES, "review", `${name}.json`));
};

const ajv = new Ajv2020({ strict: false });
const validReview = ajv.compile(reviewJsonSchema());

/** A 2023 version of «farger»: 2022's codes (without its correspondences), with `edit` applied. */
const farger2023 = (dir: string, edit: (codes: string) => string) => write(dir, "codelists/farger/2023.yaml", `source: "fixture"\ncodes:\n${edit(farger2022(dir).split("codes:\n")[1])}`);
const addGreen = (dir: string) => farger2023(dir, (codes) => codes + `  - code: "5"\n    name: { nb: "Grønn" }\n`);
const dropRed = (dir: string) => farger2023(dir, (codes) => codes.replace(/  - code: "1"\n    name: \{ nb: "Rød" \}\n/, ""));

describe("kostra review", () => {
  it("a code added with a proposal: every change justified, next year's change set gains it", async () => {
    const dir = await branch("add-green", (d) => {
      addGreen(d);
      write(d, "changes/p2.mdx", `---\nid: p2\ntitle: "Grønn"\nworkingGroup: wg\ntargetYear: 2023\nhistory:\n  - status: fremmet\n    date: "2022-05-01"\n    meeting: m1\njustification:\n  relevance: "Trengs."\nchanges:\n  - codelist: farger\n    codes: ["5"]\n    description: "Ny kode 5 Grønn."\nsource: "fixture"\n---\n\nForslaget legger til grønn.\n`);
    });
    const r = await review(dir);
    expect(validReview(r.review), JSON.stringify(validReview.errors)).toBe(true);
    expect(r.review.problems).toEqual([]);
    expect(r.review.summary).toMatchObject({ years: [2023], notJustified: 0, errors: 0, warnings: 0 });
    expect(r.review.years[0].changes.map((c) => [c.type, c.item, c.code, c.proposals])).toEqual([
      ["code-added", "farger", "5", ["p2"]],
      ["field-code-added", "f1", "5", ["p2"]],
      ["field-code-added", "fx", "5", ["p2"]],
    ]);
    expect(r.review.files).toEqual([{ path: "changes/p2.mdx", change: "added" }, { path: "codelists/farger/2023.yaml", change: "added" }]);
    await pin("code-added-with-proposal", r);
  });

  it("a code removed without notice and without a proposal: not justified, a warning per removal; propose then justifies every change", async () => {
    const dir = await branch("drop-red", dropRed);
    const r = await review(dir);
    expect(r.review.summary).toMatchObject({ years: [2023], notJustified: 3, errors: 0, warnings: 3 });
    expect(r.review.problems.map((p) => [p.kind, p.change])).toEqual([
      ["removed-without-notice", "codelist:farger:code-removed:1"],
      ["removed-without-notice", "form:f1:field-code-removed:farge:1"],
      ["removed-without-notice", "form:fx:field-code-removed:fx.FARGE:1"],
    ]);
    await pin("code-removed-without-notice", r);
    // The gate: unjustified changes fail --fail-on unjustified, not the default (errors only).
    expect(kostra(["review", "--content", dir, "--base", "main", "--today", TODAY, "--format", "json"]).status).toBe(0);
    expect(kostra(["review", "--content", dir, "--base", "main", "--today", TODAY, "--fail-on", "unjustified"]).status).toBe(1);

    const quiet = [vi.spyOn(process.stdout, "write").mockImplementation(() => true), vi.spyOn(process.stderr, "write").mockImplementation(() => true)];
    try {
      expect(await runPropose(dir, ["rod-gaar-ut"], { group: "wg", year: "2023", title: "Rød går ut", base: "main", today: TODAY })).toBe(0);
    } finally {
      quiet.forEach((s) => s.mockRestore());
    }
    const proposal = readFileSync(join(dir, "changes/rod-gaar-ut.mdx"), "utf8");
    await expect(proposal).toMatchFileSnapshot(join(FIXTURES, "review", "proposal-drafted.mdx"));
    expect(proposal).toMatch(/status: fremmet/);
    expect(proposal).toMatch(/burden: .*\n  relevance: .*\n  comparability: /);
    expect((await validateContent(dir)).errors).toBe(0);
    const after = await review(dir);
    expect(after.review.summary.notJustified).toBe(0);
    expect(after.review.years[0].changes.every((c) => c.proposals.includes("rod-gaar-ut"))).toBe(true);
  });

  it("a form field's length changed in next year: breaking for senders, and the 2022→2023 changes gain it", async () => {
    const dir = await branch("nr-length", (d) => write(d, "content/forms/fx/2023.yaml", fxVersion(3)));
    const r = await review(dir);
    expect(r.review.years.map((y) => y.year)).toEqual([2023]);
    expect(r.review.years[0].changes.map((c) => [c.type, c.element, c.aspect, c.before?.value, c.after?.value, c.sender])).toEqual([
      ["field-format-changed", "fx.FARGE", "position", 3, 4, "breaking"],
      ["field-format-changed", "fx.NR", "length", 2, 3, "breaking"],
    ]);
    expect(r.review.years[0].nextYear).toMatchObject({ from: 2022, to: 2023, before: { sender: { breaking: 0 } }, after: { sender: { breaking: 2 } } });
    expect(r.markdown).toContain("The 2022→2023 changes gain +2 breaking for senders");
    await pin("field-length-next-year", r);
  });

  it("an edit to a published year without a correction is an error, and fails the default gate", async () => {
    const dir = await branch("edit-2022", (d) => write(d, "codelists/farger/2022.yaml", farger2022(d).replace("Himmelblå", "Lyseblå")), true);
    const r = await review(dir);
    expect(r.review.problems.filter((p) => p.kind === "published-year-changed")).toEqual([expect.objectContaining({ severity: "error", year: 2022 })]);
    await pin("published-year-edited", r);
    const run = kostra(["review", "--content", dir, "--base", "main", "--today", TODAY, "--format", "markdown"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("reporting year 2022 is published, and the branch changes it");
  });

  it("refuses a shallow clone whose last commit deletes a published year's lock, with the fix", async () => {
    const dir = await mainRepo(true);
    rmSync(join(dir, "content/published/2022.json"));
    write(dir, "codelists/farger/2022.yaml", farger2022(dir).replace("Himmelblå", "Lyseblå"));
    commitAll(dir, "Drop the lock");
    const clone = join(tempDir("shallow"), "clone");
    git(dir, ["-c", "protocol.file.allow=always", "clone", "-q", "--depth", "1", `file://${dir}`, clone]);
    const run = kostra(["review", "--content", clone, "--base", "HEAD"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^kostra review: git history is shallow \(a shallow clone\): .*git fetch --unshallow.*fetch-depth: 0/);
    expect(run.stdout).toBe("");
  });
});
