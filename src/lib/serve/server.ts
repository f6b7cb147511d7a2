import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import sirv from "sirv";
import { headersFor, parseHeadersFile, type HeaderRule } from "./headers-file.ts";
import { KLASS_BASE, klassResponse } from "./klass-routes.ts";

/**
 * The site's server for `npm start` (`kostra serve`): a thin layer over a built dist/. Static files
 * through sirv, with the headers of dist/_headers as a host that reads that file sends them (the
 * Content-Security-Policy holds here as there), and KLASS's query URLs under /api/klass/v1/
 * answered from the files the build wrote for them (klass-routes.ts).
 */

/** Files a host reads for itself and never publishes. */
const HOST_FILES = new Set(["/_headers", "/_redirects"]);

export interface SiteServer {
  server: Server;
  /** The address it listens on, e.g. http://127.0.0.1:4321 */
  url: string;
  close(): Promise<void>;
}

/** The request handler for a built site. */
export function siteHandler(dist: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(dist);
  // Read once: the build writes the file from the code's CSP, not from content, so a rebuild leaves it as it was.
  const headersPath = join(root, "_headers");
  const rules: HeaderRule[] = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, "utf8")) : [];
  // Files are looked up per request rather than indexed at start (sirv's dev mode): `kostra build`
  // swaps dist/ whole, and a server left running then serves the new site. ETags keep that cheap.
  const files = sirv(root, { dev: true, etag: true, extensions: ["html"] });
  const notFoundPage = join(root, "404.html");

  const notFound = (res: ServerResponse) => {
    if (existsSync(notFoundPage)) res.writeHead(404, { "Content-Type": "text/html;charset=utf-8" }).end(readFileSync(notFoundPage));
    else res.writeHead(404, { "Content-Type": "text/plain;charset=utf-8" }).end("Fant ikke siden.\n");
  };

  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname = url.pathname;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400, { "Content-Type": "text/plain;charset=utf-8" }).end("Ugyldig adresse.\n");
      return;
    }
    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain;charset=utf-8" }).end("Bare GET og HEAD.\n");
      return;
    }
    if (HOST_FILES.has(pathname)) return notFound(res);
    if (pathname === KLASS_BASE || pathname.startsWith(`${KLASS_BASE}/`)) {
      klassResponse(root, pathname, url.searchParams).then(
        (answer) => {
          if (!answer) return files(req, res, () => notFound(res));
          // KLASS answers any origin (@CrossOrigin), and errors as problem details.
          res.writeHead(answer.status, { "Content-Type": answer.status < 400 ? "application/json" : "application/problem+json", "Access-Control-Allow-Origin": "*" });
          res.end(JSON.stringify(answer.body));
        },
        (error: Error) => {
          process.stderr.write(`kostra serve: ${req.method} ${req.url}: ${error.message}\n`);
          res.writeHead(500, { "Content-Type": "application/problem+json" });
          res.end(JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500, instance: pathname }));
        },
      );
      return;
    }
    files(req, res, () => notFound(res));
  };
}

/** Starts the server; `port` 0 takes a free one. Loopback unless another host is given. */
export async function startServer(options: { dist: string; port?: number; host?: string }): Promise<SiteServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer(siteHandler(options.dist));
  await new Promise<void>((done, failed) => {
    server.once("error", failed);
    server.listen(options.port ?? 4321, host, () => {
      server.off("error", failed);
      done();
    });
  });
  const { port } = server.address() as { port: number };
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    server,
    url: `http://${shown}:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Keep-alive connections would hold the close open until they time out.
        server.closeAllConnections();
      }),
  };
}
