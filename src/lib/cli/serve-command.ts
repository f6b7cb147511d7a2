import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../load/content-root.ts";
import { startServer } from "../serve/server.ts";

export interface ServeOptions {
  out?: string;
  port?: string;
  host?: string;
}

/**
 * `kostra serve`: serves a built site (default dist/, where `kostra build` writes) until stopped
 * with Ctrl-C, on loopback unless `--host` says otherwise.
 */
export async function runServe(options: ServeOptions): Promise<number> {
  const dist = resolve(options.out ?? join(BUNDLED_CONTENT_ROOT, "dist"));
  if (!existsSync(join(dist, "index.html"))) {
    process.stderr.write(`kostra serve: no built site in ${dist}; build it first with \`npx kostra build${options.out ? ` --out ${options.out}` : ""}\`\n`);
    return 2;
  }
  const port = Number(options.port ?? "4321");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`kostra serve: --port must be a port number from 0 to 65535, not "${options.port}"\n`);
    return 2;
  }
  let site;
  try {
    site = await startServer({ dist, port, host: options.host ?? "127.0.0.1" });
  } catch (e) {
    process.stderr.write(`kostra serve: cannot listen on ${options.host ?? "127.0.0.1"}:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  // Loopback by default, shown as localhost as npm start has always said.
  const shown = options.host === undefined ? site.url.replace("//127.0.0.1:", "//localhost:") : site.url;
  process.stdout.write(`kostra serve: ${dist} on ${shown}/ (KLASS API: ${shown}/api/klass/v1/); Ctrl-C stops\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void site.close().then(done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
