import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { bundledSite, buildSite } from "../build-site.ts";
import { chooseChromium, fontEnvironment, type ChromiumChoice } from "./chromium.ts";

/** Flags that work on this machine kind: no sandbox as root, no background network on a closed network. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Launches the Chromium `chooseChromium` picks (or the one given), headless. */
export async function launch(choice: ChromiumChoice = chooseChromium()): Promise<Browser> {
  return chromium.launch({ executablePath: choice.path, args: CHROMIUM_ARGS, env: { ...process.env, ...fontEnvironment(choice) } });
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };

/** Serves a built site on 127.0.0.1 (an ephemeral port), as a static host would. */
export async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dist, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * The real build of the bundled content (with `env` added to the build's environment), served on
 * loopback, with Chromium: set up once for the test file that calls this, and closed after it.
 */
export function useBuiltSite(env: NodeJS.ProcessEnv = {}): { readonly url: string; readonly browser: Browser; readonly dist: string } {
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  let dist = "";
  beforeAll(async () => {
    // The shared build of the bundled content unless the file asks for another environment.
    dist = Object.keys(env).length ? buildSite(undefined, env) : await bundledSite();
    site = await serve(dist);
    browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get url() {
      return site!.url;
    },
    get browser() {
      return browser!;
    },
    get dist() {
      return dist;
    },
  };
}
