import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../content-root.ts";

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

/** `kostra build`: validate, then run Astro's build on the same content root. Nothing is built when validation fails. */
export async function runBuild(root: string, options: BuildOptions = {}): Promise<number> {
  // Validation runs in a process of its own that ends before Astro starts: its 2.6 GB at KOSTRA
  // scale would otherwise stay resident beside the build's.
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, [join(BUNDLED_CONTENT_ROOT, "bin", "kostra.js"), "validate", "--content", root], { stdio: "inherit" });
    child.on("exit", (c) => done(c ?? 1));
  });
  if (code !== 0) {
    process.stderr.write("kostra build: not building, validation failed\n");
    return code;
  }
  const astroBin = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin", "astro.mjs");
  // Build beside the output and swap it in only when complete: a failed build never leaves a partial site.
  const out = resolve(options.out ?? join(BUNDLED_CONTENT_ROOT, "dist"));
  const partial = `${out}.partial-${process.pid}`;
  const env: NodeJS.ProcessEnv = { ...process.env, KOSTRA_CONTENT_DIR: root, KOSTRA_OUT_DIR: partial, KOSTRA_VALIDATED: root };
  const status = await new Promise<number>((done) => {
    const child = spawn(projectNode(), [astroBin, "build"], { cwd: BUNDLED_CONTENT_ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => done(code ?? 1));
  });
  if (status !== 0) {
    await rm(partial, { recursive: true, force: true });
    process.stderr.write(`kostra build: the build failed; ${out} is left as it was\n`);
    return status;
  }
  if (existsSync(out)) await rm(out, { recursive: true, force: true });
  await rename(partial, out);
  return 0;
}
