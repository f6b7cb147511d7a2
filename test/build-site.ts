import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { inject } from "vitest";
import { join } from "node:path";
import { REPO, tempDir } from "./helpers.ts";

/**
 * The real build (`kostra build`) into a temporary folder, with `env` added to its environment;
 * throws with the build's output on failure.
 */
export function buildSite(content?: string, env: NodeJS.ProcessEnv = {}): string {
  const out = join(tempDir("site"), "dist");
  const args = [join(REPO, "bin", "kostra.js"), "build", "--out", out, ...(content ? ["--content", content] : [])];
  const run = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "", ...env }, timeout: 300_000 });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

/** `buildSite` without blocking, so that several builds can run at once. */
export function buildSiteAsync(content?: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const out = join(tempDir("site"), "dist");
  const args = [join(REPO, "bin", "kostra.js"), "build", "--out", out, ...(content ? ["--content", content] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, KOSTRA_CONTENT_DIR: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((done, failed) => child.on("exit", (status) => (status === 0 ? done(out) : failed(new Error(`build failed:\n${output}`)))));
}

/**
 * The shared build of the bundled content (`test/global-setup.ts`), for a test file of the `site`
 * project: built once per test run, read-only. Waits until the build has ended (it starts with the
 * run, beside the first test files).
 */
export async function bundledSite(): Promise<string> {
  const build = inject("bundledBuild");
  if (!build) throw new Error("no shared build: this test file belongs to the site project (vitest.config.ts)");
  for (let waited = 0; !existsSync(build.status); waited += 200) {
    if (waited > 300_000) throw new Error("the shared build did not end within 5 minutes");
    await new Promise((done) => setTimeout(done, 200));
  }
  const status = readFileSync(build.status, "utf8");
  if (status !== "ok") throw new Error(status);
  return build.dist;
}
