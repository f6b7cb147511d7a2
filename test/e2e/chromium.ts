import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { REPO } from "../helpers.ts";

/** Where Debian (and most Linux distributions) put a system Chromium. */
export const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Which Chromium the browser tests drive, and why that one. */
export interface ChromiumChoice {
  /** The executable to launch. */
  path: string;
  /** `CHROMIUM_PATH`, a system install, or the one `npm install` brought (`@sparticuz/chromium`). */
  origin: "CHROMIUM_PATH" | "system" | "bundled";
}

/**
 * The order the README promises: `CHROMIUM_PATH`; else a system Chromium where one is installed;
 * else the Chromium inside the `@sparticuz/chromium` dev dependency, so `npm test` needs nothing but Node.
 */
export function chooseChromium(env: NodeJS.ProcessEnv = process.env, system: readonly string[] = SYSTEM_CHROMIUMS): ChromiumChoice {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist; unset it to use the Chromium that npm install brought`);
    return { path: env.CHROMIUM_PATH, origin: "CHROMIUM_PATH" };
  }
  const installed = system.find((path) => existsSync(path));
  if (installed) return { path: installed, origin: "system" };
  return { path: bundledChromium(), origin: "bundled" };
}

/**
 * The bundled Chromium, unpacked once per package version into `node_modules/.cache/`.
 * The package unpacks into `os.tmpdir()`; a child process with TMPDIR pointed at a fresh folder keeps
 * a stale `/tmp/chromium` of another version out of the way, and the final rename makes the unpacking
 * atomic, so test files starting at once never launch a half-written binary.
 */
export function bundledChromium(): string {
  const require = createRequire(join(REPO, "package.json"));
  const packageDir = dirname(dirname(require.resolve("@sparticuz/chromium")));
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const target = join(REPO, "node_modules", ".cache", "kostra-chromium", version);
  const executable = join(target, "chromium");
  if (existsSync(executable)) return executable;
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const unpack = `import("@sparticuz/chromium").then((m) => m.default.executablePath())`;
  execFileSync(process.execPath, ["--input-type=module", "-e", unpack], { cwd: REPO, env: { ...process.env, TMPDIR: staging }, stdio: "pipe", timeout: 120_000 });
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another test file unpacked the same version first: use that one.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(executable)) throw error;
  }
  return executable;
}

/**
 * Fonts for the bundled Chromium where the machine has no fontconfig setup of its own (a slim
 * container): the package ships a small font set beside the binary.
 */
export function fontEnvironment(choice: ChromiumChoice): NodeJS.ProcessEnv {
  if (choice.origin !== "bundled" || process.env.FONTCONFIG_PATH || existsSync("/etc/fonts/fonts.conf")) return {};
  return { FONTCONFIG_PATH: join(dirname(choice.path), "fonts") };
}
