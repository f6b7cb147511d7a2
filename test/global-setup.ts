import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** One real build of the bundled content, shared by the site project's files: `bundledSite()` waits for it. */
    bundledBuild: { dist: string; status: string };
  }
}

const REPO = fileURLToPath(new URL("..", import.meta.url));

/**
 * One `kostra build` of the bundled content for every test file of the `site` project: a dozen files
 * read the same built site, and each built it itself (about 10 s apiece on a 2-core machine, more
 * under load). It starts here and runs while the first test files do; `bundledSite()` waits for the
 * status file it writes at the end («ok», or the build's output). Tests read the site and never
 * write to it; files that build other content or with another environment (small search parts,
 * overlays) keep their own builds. (Not through `buildSite`: its temporary folders are removed per
 * test file, and this one must outlive them all.)
 */
export function setup({ provide }: TestProject): () => Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "kostra-shared-site-"));
  const dist = join(work, "dist");
  const status = join(work, "status");
  const child = spawn(process.execPath, [join(REPO, "bin", "kostra.js"), "build", "--out", dist], { env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const ended = new Promise<void>((done) =>
    child.on("close", (code) => {
      writeFileSync(status, code === 0 ? "ok" : `the shared build failed (exit ${code}):\n${output}`);
      done();
    }),
  );
  provide("bundledBuild", { dist, status });
  return async () => {
    child.kill();
    await ended;
    rmSync(work, { recursive: true, force: true });
  };
}
