import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../content-root.ts";
import { SEARCH_RECORDS_FILE } from "./build-steps.ts";

/** Astro needs Node ≥ 22.12: the project's pinned Node when installed, else the one running us. */
function projectNode(): string {
  try {
    const pinned = join(dirname(createRequire(import.meta.url).resolve("node/package.json")), "bin", "node");
    if (existsSync(pinned)) return pinned;
  } catch {
    // Not installed (e.g. --omit=dev on a machine with a recent Node).
  }
  return process.execPath;
}

export interface BuildOptions {
  out?: string;
}

/**
 * A larger young generation for every step: a step makes much short-lived garbage (rendered pages,
 * export files) that the default one promotes into the old generation, where each collection also
 * traces the whole registry. On the KOSTRA-scale corpus a fifth of the first step's time was the
 * collector's; this took about a tenth off the pages and exports.
 */
const STEP_FLAGS = ["--max-semi-space-size=64"];

/** Runs `bin/kostra.js` with these arguments in a child process; resolves with its exit code. */
function kostraChild(args: string[]): Promise<number> {
  return new Promise<number>((done) => {
    const child = spawn(process.execPath, [...STEP_FLAGS, join(BUNDLED_CONTENT_ROOT, "bin", "kostra.js"), ...args], { stdio: "inherit" });
    child.on("exit", (c) => done(c ?? 1));
  });
}

/**
 * `kostra build`: validate and write the API, build the pages with Astro, index the site for search.
 * Each step is a process of its own that ends before the next starts, so the build's peak memory
 * is that of its largest step, not their sum. Nothing is built when validation fails, and a failed
 * step leaves the output folder as it was.
 */
export async function runBuild(root: string, options: BuildOptions = {}): Promise<number> {
  const out = resolve(options.out ?? join(BUNDLED_CONTENT_ROOT, "dist"));
  // Built beside the output and swapped in only when complete: a failed build never leaves a partial site.
  const partial = `${out}.partial-${process.pid}`;
  const staging = `${out}.staging-${process.pid}`;
  const fail = async (message: string, status: number) => {
    await rm(partial, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
    process.stderr.write(`kostra build: ${message}\n`);
    return status;
  };
  let status = await kostraChild(["build-step", "prepare", "--content", root, staging]);
  if (status !== 0) return fail("not building, validation failed", status);

  const astroBin = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin", "astro.mjs");
  // MIMALLOC_PURGE_DELAY=0: the bundler's allocator (mimalloc, in Rolldown) returns freed memory at
  // once instead of keeping it resident through the page phase (about 0.2 GB on the small corpus).
  const env: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: "0", ...process.env, KOSTRA_CONTENT_DIR: root, KOSTRA_OUT_DIR: partial, KOSTRA_VALIDATED: root };
  status = await new Promise<number>((done) => {
    const child = spawn(projectNode(), [...STEP_FLAGS, astroBin, "build"], { cwd: BUNDLED_CONTENT_ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => done(code ?? 1));
  });
  if (status !== 0) return fail(`the build failed; ${out} is left as it was`, status);

  await mkdir(join(partial, "api"), { recursive: true });
  await rename(join(staging, "api", "v1"), join(partial, "api", "v1"));
  status = await kostraChild(["build-step", "search", partial, join(staging, SEARCH_RECORDS_FILE)]);
  if (status !== 0) return fail(`the search index failed; ${out} is left as it was`, status);
  await rm(staging, { recursive: true, force: true });

  if (existsSync(out)) await rm(out, { recursive: true, force: true });
  await rename(partial, out);
  return 0;
}
