import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/corpus.ts";
import { REPO, tempDir } from "./helpers.ts";

describe("a content root with more files than the process may open at once", () => {
  it("validates with a limit of 200 open files (it once failed with EMFILE on every file past the limit)", () => {
    const dir = join(tempDir("many"), "content");
    const { files } = generateCorpus(dir, "small");
    expect(files).toBeGreaterThan(1000);
    const run = spawnSync("bash", ["-c", `ulimit -n 200 && "${process.execPath}" "${join(REPO, "bin", "kostra.js")}" validate --content "${dir}"`], { encoding: "utf8", timeout: 120_000 });
    expect(run.stderr).not.toContain("EMFILE");
    expect(run.stdout).toMatch(/0 error\(s\)/);
    expect(run.status).toBe(0);
  }, 180_000);
});
