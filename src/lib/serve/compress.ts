import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from "node:zlib";
import { compressible } from "../site/media-types.ts";

/** Smaller bodies are sent as they are: compressing them saves less than the headers cost. */
const MIN_BYTES = 1024;

/** The encoding to send in, from the request's Accept-Encoding: Brotli before gzip; none when neither is accepted. */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : undefined;
}

/**
 * Compresses the static file sirv is about to send, when it is text of at least 1 KiB and the client
 * accepts Brotli or gzip: `kostra serve` sends the shared stylesheet (197 KiB) and the JSON exports
 * compressed, on the fly with node:zlib (Brotli at quality 5, gzip at level 6: a few milliseconds for
 * the stylesheet), so the build writes no compressed copies. Hooks the response's `writeHead`, `write`
 * and `end`: sirv pipes a file stream into them.
 */
export function compressWhenAccepted(req: IncomingMessage, res: ServerResponse): void {
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const writeHead = res.writeHead.bind(res) as (code: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  res.writeHead = ((code: number, ...rest: unknown[]) => {
    const headers = (rest.find((r) => typeof r === "object" && r !== null) ?? {}) as OutgoingHttpHeaders;
    const type = String(headers["Content-Type"] ?? res.getHeader("content-type") ?? "");
    if (!compressible(type)) return writeHead(code, headers);
    res.setHeader("Vary", "Accept-Encoding");
    const length = Number(headers["Content-Length"] ?? 0);
    if (!encoding || code !== 200 || req.method === "HEAD" || length < MIN_BYTES || headers["Content-Encoding"]) return writeHead(code, headers);
    const { "Content-Length": _dropped, ...rest2 } = headers;
    const zip: BrotliCompress | Gzip =
      encoding === "br" ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: length } }) : createGzip({ level: 6 });
    const write = res.write.bind(res) as (chunk: unknown) => boolean;
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    zip.on("data", (chunk: Buffer) => {
      if (!write(chunk)) {
        zip.pause();
        res.once("drain", () => zip.resume());
      }
    });
    zip.on("end", () => end());
    res.write = ((chunk: unknown) => zip.write(chunk as Buffer)) as ServerResponse["write"];
    res.end = ((chunk?: unknown) => {
      if (chunk !== undefined && typeof chunk !== "function") zip.end(chunk as Buffer);
      else zip.end();
      return res;
    }) as ServerResponse["end"];
    zip.on("drain", () => res.emit("drain"));
    return writeHead(code, { ...rest2, "Content-Encoding": encoding });
  }) as ServerResponse["writeHead"];
}
