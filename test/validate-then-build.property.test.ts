/**
 * Properties that tie validation and the build together (issue 28):
 * - whatever text `validate` passes in a field, `kostra build` builds (no internal error after a
 *   clean validation: a copy-paste character once killed every build);
 * - a valid-checksum number hidden by random tricks in a random field never reaches the output
 *   folder: validation refuses it or, past validation, the scan of the built site stops the build.
 * Bounded runs: each build takes a few seconds.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureWith, tempDir, REPO } from "./helpers.ts";
import { makeNationalId } from "./national-ids.ts";
import { validateContent } from "../src/lib/validate/index.ts";
import { spawnSync } from "node:child_process";

/** Places for text in the small fixture: a file, and what in it the text replaces (quoted YAML, or an MDX body line). */
const FIELDS = [
  { file: "codelists/farger/2022.yaml", find: '"Himmelblå"', yaml: true },
  { file: "codelists/farger/codelist.yaml", find: /^(name: \{ nb: )"[^"]*"/m, yaml: true },
  { file: "content/working-groups/wg.yaml", find: '"Testgruppe"', yaml: true },
  { file: "changes/p1.mdx", find: '"Del blå"', yaml: true },
  { file: "changes/p1.mdx", find: "Forslaget deler blå.", yaml: false },
  { file: "content/meetings/m1.mdx", find: "Møtet behandlet **fargene**.", yaml: false },
] as const;

function put(dir: string, field: (typeof FIELDS)[number], text: string): void {
  const path = join(dir, field.file);
  const before = readFileSync(path, "utf8");
  // In YAML the text goes in as a JSON string (a double-quoted YAML scalar), so any character can stand there.
  const value = field.yaml ? JSON.stringify(text) : text;
  const after = typeof field.find === "string" ? before.replace(field.find, () => value) : before.replace(field.find, (_, head: string) => `${head}${value}`);
  expect(after, field.file).not.toBe(before);
  writeFileSync(path, after);
}

const build = (content: string) => {
  const out = join(tempDir("prop-out"), "dist");
  const run = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "build", "--content", content, "--out", out], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 240_000 });
  return { out, status: run.status, output: `${run.stdout}\n${run.stderr}` };
};
const walk = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)])) : []);

/** Text people paste: any Unicode, with line and paragraph separators, no-break and zero-width spaces, marks and emoji favoured. */
const pasted = fc.array(fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }), fc.constantFrom("\u2028", "\u2029", "\u00a0", "\u200b", "\u0301", "👍🏽", "«»", "&amp;", "<b>", "|", "`", "\\", "'", "æøå", "ÆØÅ", "\t")), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("").trim()).filter((s) => s.length > 0);

/** Ways to hide a number; each returns the number as written. */
const DIGIT_FORMS: ((d: string) => string)[] = [
  (d) => d,
  (d) => String.fromCharCode(0xff10 + Number(d)),
  (d) => String.fromCharCode(0x0660 + Number(d)),
  (d) => String.fromCharCode(0x0966 + Number(d)),
  (d) => `${d}\u0301`,
  (d) => `${d}\ufe0f\u20e3`,
  (d) => `&#${d.charCodeAt(0)};`,
  (d) => `&#x${d.charCodeAt(0).toString(16)};`,
];
const BETWEEN = ["", "", " ", "\u00a0", "\u200b", "-", ".", "\u2028", "  ", "\n   "];
const hidden = (id: string) =>
  fc.tuple(fc.array(fc.integer({ min: 0, max: DIGIT_FORMS.length - 1 }), { minLength: 11, maxLength: 11 }), fc.array(fc.integer({ min: 0, max: BETWEEN.length - 1 }), { minLength: 10, maxLength: 10 })).map(([forms, gaps]) =>
    [...id].map((d, i) => DIGIT_FORMS[forms[i]](d) + (i < 10 ? BETWEEN[gaps[i]] : "")).join(""),
  );

describe("validate and build agree", () => {
  it("whatever text validate passes in a field, the build builds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), pasted, async (field, text) => {
        const dir = fixtureWith();
        put(dir, field, text);
        const { errors } = await validateContent(dir);
        if (errors > 0) return;
        const built = build(dir);
        expect(built.status, built.output).toBe(0);
      }),
      { numRuns: 6 },
    );
  }, 600_000);

  it("a number hidden by random tricks in a random field never reaches the output folder", async () => {
    const id = makeNationalId("150385");
    let built = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), hidden(id), async (field, written) => {
        const dir = fixtureWith();
        put(dir, field, `Saken ${written} ble behandlet`);
        const { errors } = await validateContent(dir);
        if (errors > 0) return;
        // Validation missed it: the build must not publish it.
        built++;
        const run = build(dir);
        expect(run.output.replace(/\D/g, "")).not.toContain(id);
        for (const file of walk(run.out)) expect(readFileSync(file).toString("utf8").replace(/\D/g, ""), file).not.toContain(id);
      }),
      { numRuns: 60 },
    );
    // Kept honest: how often validation alone sufficed is not the property, but a miss must be rare.
    expect(built).toBeLessThan(10);
  }, 600_000);
});
