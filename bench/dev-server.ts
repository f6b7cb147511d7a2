/**
 * The Astro dev server on a content root, for measuring (and testing) how fast an edited content
 * file shows on its page.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const REPO = new URL("..", import.meta.url).pathname;
const NODE = existsSync(join(REPO, "node_modules/node/bin/node")) ? join(REPO, "node_modules/node/bin/node") : process.execPath;

export interface DevServer {
  url: string;
  /** Wall time from start until the server answered its first request. */
  startMs: number;
  stop(): Promise<void>;
}

/** Starts `astro dev` on `content` and waits until it answers. */
export async function startDevServer(content: string, port: number): Promise<DevServer> {
  const started = performance.now();
  const child: ChildProcess = spawn(NODE, [join(REPO, "node_modules/astro/bin/astro.mjs"), "dev", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: REPO,
    // A test runner's NODE_ENV=test and VITEST variables make the dev server answer 404 to every page.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(k))), KOSTRA_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${output.slice(-3000)}`);
    if (performance.now() - started > 180_000) {
      await stop();
      throw new Error(`astro dev did not answer in 3 minutes:\n${output.slice(-3000)}`);
    }
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, startMs: performance.now() - started, stop };
}

/** Fetches `url` until its HTML contains `text`; the time that took. */
export async function timeUntilShown(url: string, text: string, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const html = await (await fetch(url)).text();
    if (html.includes(text)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutMs} ms`);
}
