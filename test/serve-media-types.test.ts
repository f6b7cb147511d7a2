import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, tempDir } from "./helpers.ts";
import { startServer, type SiteServer } from "../src/lib/serve/server.ts";
import { chooseEncoding } from "../src/lib/serve/compress.ts";
import { headersFile } from "../src/lib/site/csp.ts";
import { MEDIA_TYPES } from "../src/lib/site/media-types.ts";
import { downloadName, urls } from "../src/lib/site/urls.ts";

/**
 * Downloads that open: every export format with its media type, from the `_headers` the build
 * writes, on `kostra serve` and in the docs' nginx rules; text sent compressed when the client
 * accepts it. Over a small hand-made site with the build's own `_headers`, so no build is needed.
 */

const FILES: Record<string, string> = {
  "api/v1/codelists/tiltakskategori/2026.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "api/v1/codelists/tiltakskategori/2026.csv": "text/csv; charset=utf-8",
  "api/v1/codelists/tiltakskategori/2026.excel.csv": "text/csv; charset=utf-8",
  "api/v1/codelists/tiltakskategori/2026.json": "application/json; charset=utf-8",
  "api/v1/codelists/tiltakskategori/2026.sdmx.xml": "application/xml; charset=utf-8",
  "api/v1/codelists/tiltakskategori/2026.xkos.ttl": "text/turtle; charset=utf-8",
  "api/v1/catalog.jsonld": "application/ld+json; charset=utf-8",
  "api/v1/forms/15f/changelog-2023-2024.md": "text/markdown; charset=utf-8",
  "api/v1/forms/55f/2026.kontrollprogram.yaml": "application/yaml; charset=utf-8",
  "api/v1/feeds/endringer.atom": "application/atom+xml; charset=utf-8",
  "kalender/2023.ics": "text/calendar; charset=utf-8",
  "_astro/stil.css": "text/css; charset=utf-8",
  "_astro/side.js": "text/javascript; charset=utf-8",
};

/** Text long enough to be compressed (over 1 KiB), with Norwegian letters. */
const TEXT = "kode;tekst\n".concat("2.3;Spesialiserte fosterhjem – æøå\n".repeat(200));

let site = "";
let server: SiteServer;

beforeAll(async () => {
  site = join(tempDir("serve-types"), "dist");
  for (const path of Object.keys(FILES)) {
    mkdirSync(join(site, path, ".."), { recursive: true });
    writeFileSync(join(site, path), path.endsWith(".xlsx") ? Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(4000, 7)]) : TEXT);
  }
  writeFileSync(join(site, "index.html"), `<h1>Forsiden</h1>${"<p>tekst</p>".repeat(200)}`);
  writeFileSync(join(site, "_headers"), headersFile());
  server = await startServer({ dist: site, port: 0 });
});

afterAll(() => server?.close());

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, failed) => {
    request({ host: hostname, port, path, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", failed)
      .end();
  });
}

describe("media types of the exports", () => {
  it("kostra serve sends every format with its media type, text as UTF-8", async () => {
    for (const [path, type] of Object.entries(FILES)) {
      const res = await get(`/${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"], path).toBe(type);
    }
    expect((await get("/")).headers["content-type"]).toMatch(/^text\/html; ?charset=utf-8$/i);
  });

  it("the build's _headers names every format once, and the docs' nginx rules name the same", () => {
    const headers = headersFile();
    const docs = readFileSync(join(REPO, "docs", "api.md"), "utf8");
    const types = /types \{([^}]*)\}/.exec(docs)?.[1] ?? "";
    for (const [ending, type] of MEDIA_TYPES) {
      if (ending !== ".html") expect(headers).toContain(`/*${ending}\n  Content-Type: ${type}\n`);
      expect(types, ending).toMatch(new RegExp(`${type.split(";")[0].replace(/[+.]/g, "\\$&")}\\s+${ending.slice(1)};`));
    }
  });

  it("download links name the file by item and year", () => {
    expect(downloadName(urls.apiCodelist("tiltakskategori", 2026, "xlsx"))).toBe("tiltakskategori-2026.xlsx");
    expect(downloadName(urls.apiCodelist("tiltakskategori", 2026, "excel.csv"))).toBe("tiltakskategori-2026.excel.csv");
    expect(downloadName(urls.calendarIcs(2023))).toBe("kalender-2023.ics");
    expect(downloadName("/api/v1/forms/15f/changelog-2023-2024.md")).toBe("15f-changelog-2023-2024.md");
  });
});

describe("compression on kostra serve", () => {
  it("sends text as Brotli or gzip when the client accepts it, and as it is otherwise", async () => {
    const path = "/api/v1/codelists/tiltakskategori/2026.csv";
    const br = await get(path, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(TEXT) / 5);
    expect(brotliDecompressSync(br.body).toString("utf8")).toBe(TEXT);
    const gz = await get("/_astro/stil.css", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString("utf8")).toBe(TEXT);
    const html = await get("/", { "Accept-Encoding": "br" });
    expect(html.headers["content-encoding"]).toBe("br");
    const plain = await get(path);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(TEXT);
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(TEXT)));
  });

  it("leaves the spreadsheet (already zipped), HEAD and unchanged files (304) uncompressed", async () => {
    const xlsx = await get("/api/v1/codelists/tiltakskategori/2026.xlsx", { "Accept-Encoding": "br, gzip" });
    expect(xlsx.headers["content-encoding"]).toBeUndefined();
    expect(xlsx.body.subarray(0, 2).toString()).toBe("PK");
    const head = await get("/api/v1/feeds/endringer.atom", { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const first = await get("/kalender/2023.ics", { "Accept-Encoding": "gzip" });
    const again = await get("/kalender/2023.ics", { "Accept-Encoding": "gzip", "If-None-Match": String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it("reads Accept-Encoding with its q-values", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding("*")).toBe("br");
  });
});
