import { spawn, spawnSync } from "node:child_process";
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
