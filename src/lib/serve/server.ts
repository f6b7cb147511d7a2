import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import sirv from "sirv";
import { compressWhenAccepted } from "./compress.ts";
import { headersFor, parseHeadersFile, type HeaderRule } from "./headers-file.ts";
import { KLASS_BASE, klassResponse } from "./klass-routes.ts";
import { requestOrigin } from "./klass-links.ts";
import { builtAddress, rebaseFeed } from "./feed-links.ts";
import { isHidden, requestPath, servedInside } from "./request-path.ts";
import { mediaTypeOf } from "../site/media-types.ts";

/**
 * The site's server for `npm start` (`kostra serve`): a thin layer over a built dist/. Static files
 * through sirv, with the headers of dist/_headers as a host that reads that file sends them (the
 * Content-Security-Policy holds here as there), and KLASS's query URLs under /api/klass/v1/
 * answered from the files the build wrote for them (klass-routes.ts). Every request's path is
 * normalised first and only that spelling is checked and served (request-path.ts): a host's own
 * files and dot-files are never served, nor a file a symlink leads to outside the site.
 */

/** The extensions sirv tries after a path (`/skjema/f1` → `skjema/f1.html`). */
const EXTENSIONS = ["html"];

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
  const files = sirv(root, { dev: true, etag: true, extensions: EXTENSIONS });
  const notFoundPage = join(root, "404.html");

  const notFound = (res: ServerResponse) => {
    if (existsSync(notFoundPage)) res.writeHead(404, { "Content-Type": "text/html;charset=utf-8" }).end(readFileSync(notFoundPage));
    else res.writeHead(404, { "Content-Type": "text/plain;charset=utf-8" }).end("Fant ikke siden.\n");
  };

  /** A static file, by the normalised path: sirv reads the path from `req.url`, so it is handed that one, and serves the very file checked. */
  const serveFile = (req: IncomingMessage, res: ServerResponse, path: string, search: string) => {
    if (!servedInside(root, path, EXTENSIONS)) return notFound(res);
    req.url = encodeURI(path) + search;
    compressWhenAccepted(req, res);
    files(req, res, () => notFound(res));
  };

  return (req, res) => {
    const asked = requestPath(req.url ?? "/");
    if (!asked) {
      res.writeHead(400, { "Content-Type": "text/plain;charset=utf-8" }).end("Ugyldig adresse.\n");
      return;
    }
    const { path: pathname, search } = asked;
    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain;charset=utf-8" }).end("Bare GET og HEAD.\n");
      return;
    }
    if (isHidden(pathname)) return notFound(res);
    if (pathname === KLASS_BASE || pathname.startsWith(`${KLASS_BASE}/`)) {
      klassResponse(root, pathname, new URLSearchParams(search), requestOrigin(req.headers.host)).then(
        (answer) => {
          if (!answer) return serveFile(req, res, pathname, search);
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
    const origin = requestOrigin(req.headers.host);
    if (FEED.test(pathname) && origin !== undefined && servedInside(root, pathname, []) && isFile(join(root, pathname))) return serveFeed(req, res, join(root, pathname), pathname, origin);
    serveFile(req, res, pathname, search);
  };
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The Atom feeds, whose links a reader follows (feed-links.ts). */
const FEED = /^\/api\/v1\/feeds\/.+\.atom$/;

/** A feed with its links on the origin the request was made to. */
function serveFeed(req: IncomingMessage, res: ServerResponse, file: string, pathname: string, origin: string) {
  const feed = readFileSync(file, "utf8");
  const built = builtAddress(feed, pathname);
  const body = Buffer.from(built === undefined ? feed : rebaseFeed(feed, built, origin));
  res.writeHead(200, { "Content-Type": mediaTypeOf(pathname) ?? "application/atom+xml; charset=utf-8", "Content-Length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
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
