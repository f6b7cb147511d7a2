import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_FILES, REPO, tempDir } from "./helpers.ts";

/**
 * `node bin/kostra.js …` on the machine's own Node, not the project's pinned one: the README
 * promises the project runs where Node 20 is installed, and a command that uses what only newer
 * Node has (Map.groupBy) dies there with «… is not a function». Run where such a Node is on the
 * PATH beside the pinned one (as on the reference machine); skipped, and said so, where there is none.
 */

const olderNodes = (process.env.PATH ?? "")
  .split(":")
  .map((dir) => join(dir, "node"))
  .filter((bin, i, all) => all.indexOf(bin) === i && existsSync(bin) && /^v(20|22)\./.test(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout ?? ""));

const FORM = "55f";
const DESCRIPTIONS = ["2024", "2025", "2026"].map((year) => join(REFERENCE_FILES, "kontrollprogram", `file_description_55F_${year}.yaml`));

describe("the command line on an older Node", () => {
  it.skipIf(olderNodes.length === 0)("imports SSB's file descriptions, writing what the project's Node writes", () => {
    const importWith = (node: string) => {
      const root = tempDir("older-node");
      mkdirSync(join(root, "content", "working-groups"), { recursive: true });
      cpSync(join(REPO, "content", "working-groups", "familievern.yaml"), join(root, "content", "working-groups", "familievern.yaml"));
      const run = spawnSync(node, [join(REPO, "bin", "kostra.js"), "import", "kontrollprogram", "--content", root, "--working-group", "familievern", ...DESCRIPTIONS], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });
      return { root, run };
    };
    // What the project's Node writes (the registry's own 55F is that plus the editors' controls: kontrollprogram.test.ts).
    const ours = importWith(process.execPath);
    expect(ours.run.status, ours.run.stderr).toBe(0);
    const files = (root: string) => readdirSync(join(root, "content", "forms", FORM)).sort();
    for (const node of olderNodes) {
      const { root, run } = importWith(node);
      expect(run.stderr, node).not.toMatch(/is not a function|internal error/);
      expect(run.status, `${node}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`kostra import: content/forms/${FORM}/2025.yaml (55F Meklingssaker i familieverntjenesten 2025: 121 fields, 58 codes)`);
      expect(files(root)).toEqual(files(ours.root));
      for (const file of files(root)) expect(readFileSync(join(root, "content", "forms", FORM, file), "utf8"), file).toBe(readFileSync(join(ours.root, "content", "forms", FORM, file), "utf8"));
    }
  });
});
