import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { runValidate } from "./validate-command.ts";
import { BUNDLED_CONTENT_ROOT } from "../content-root.ts";

export interface BuildOptions {
  out?: string;
}

/** `kostra build`: validate, then run Astro's build on the same content root. Nothing is built when validation fails. */
export async function runBuild(root: string, options: BuildOptions = {}): Promise<number> {
  const code = await runValidate(root);
  if (code !== 0) {
    process.stderr.write("kostra build: not building, validation failed\n");
    return code;
  }
  const astroBin = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin", "astro.mjs");
  const env: NodeJS.ProcessEnv = { ...process.env, KOSTRA_CONTENT_DIR: root };
  if (options.out) env.KOSTRA_OUT_DIR = resolve(options.out);
  return new Promise((done) => {
    const child = spawn(process.execPath, [astroBin, "build"], { cwd: BUNDLED_CONTENT_ROOT, env, stdio: "inherit" });
    child.on("exit", (status) => done(status ?? 1));
  });
}
