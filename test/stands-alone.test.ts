/**
 * A user's clone has nothing beside it: no source, test, benchmark or configuration file may read
 * outside the repository (the project's own checkouts have a folder of source documents beside
 * them, a user's does not). Tests read their reference files from `test/fixtures/reference/`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers.ts";

const SCANNED = ["src", "test", "bench", "bin", ".ci", "astro.config.mjs", "vitest.config.ts", "tsconfig.json", "package.json"];
const CODE = /\.(ts|mts|js|mjs|cjs|astro|json)$|^run$/;

/** Every place in `text` (a file at `file`) that reaches outside `repo`, as `line: what`. */
export function reachesOutside(text: string, file: string, repo: string): string[] {
  const found: string[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    // One finding per line, the first way out it shows.
    const at = (what: string) => {
      if (!found.at(-1)?.startsWith(`${i + 1}: `)) found.push(`${i + 1}: ${what}`);
    };
    // The folder of source documents beside the checkouts, by name.
    if (/\.\.[/\\]shared\b|["'`]shared["'`]|["'`]\/work\//.test(line)) at(line.trim());
    // A root of the repository joined with "..": climbs out whatever follows.
    if (/\b(REPO|ROOT|repo|root|REPO_ROOT|projectRoot)\s*,\s*["'`]\.\.["'`]/.test(line)) at(line.trim());
    // A relative path literal that resolves outside the repository from the file's own folder.
    for (const m of line.matchAll(/["'`]((?:\.\.?\/)+[^"'`$]*|\.\.)["'`]/g)) {
      const target = resolve(dirname(file), m[1]);
      const inside = relative(repo, target);
      if (inside === ".." || inside.startsWith(`..${sep}`)) at(m[1]);
    }
  });
  return found;
}

function filesUnder(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.name === "node_modules" || e.name === "fixtures" ? [] : e.isDirectory() ? filesUnder(join(path, e.name)) : CODE.test(e.name) ? [join(path, e.name)] : [],
  );
}

describe("a clone stands alone", () => {
  it("finds each way out of the repository (and nothing else) in examples", () => {
    const file = join(REPO, "test", "example.test.ts");
    const hits = (text: string) => reachesOutside(text, file, REPO);
    // The folder's name is put together here, so that this file itself names no path out of the repository.
    const beside = ["sha", "red"].join("");
    expect(hits(`const R = join(REPO, "..", "${beside}", "reference");`)).toHaveLength(1);
    expect(hits(`readFileSync("../${beside}/seeds/001.txt")`)).toHaveLength(1);
    expect(hits(`readFileSync("../../elsewhere/file.txt")`)).toEqual(["1: ../../elsewhere/file.txt"]);
    expect(hits(`const x = "/work/shared/reference";`)).toHaveLength(1);
    expect(hits(`import { a } from "../src/lib/model/registry.ts";`)).toEqual([]);
    expect(hits(`export const REPO = fileURLToPath(new URL("..", import.meta.url));`)).toEqual([]);
    expect(hits(`const FIXTURES = join(REPO, "test", "fixtures", "reference");`)).toEqual([]);
  });

  it("no file in src/, test/, bench/, bin/, .ci/ or the configuration reads outside the repository", () => {
    const files = SCANNED.flatMap((p) => filesUnder(join(REPO, p)));
    expect(files.length).toBeGreaterThan(100);
    const outside = files.flatMap((f) => reachesOutside(readFileSync(f, "utf8"), f, REPO).map((hit) => `${relative(REPO, f)}:${hit}`));
    // This file's own examples are strings about the rule, not reads.
    expect(outside.filter((hit) => !hit.startsWith(join("test", "stands-alone.test.ts")))).toEqual([]);
  });

  it("the reference files the tests read are in the repository, each folder with its licence", () => {
    const reference = join(REPO, "test", "fixtures", "reference");
    expect(readdirSync(join(reference, "kontrollprogram"))).toContain("LICENSE.md");
    expect(readdirSync(join(reference, "digdir"))).toContain("LICENSE-dcat-ap-no");
    expect(readFileSync(join(reference, "README.md"), "utf8")).toMatch(/MIT[\s\S]*Apache License 2\.0/);
  });
});
