import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.ts";
import { startServer, type SiteServer } from "../src/lib/serve/server.ts";
import { isHidden, requestPath } from "../src/lib/serve/request-path.ts";

/**
 * What `kostra serve` never serves, however a request spells it: a host's own files (`_headers`,
 * `_redirects`), dot-files (the build's `.kostra-build`), and files a symlink in the site leads to
 * outside it. Over a small hand-made site, so no build is needed.
 */

const SECRET = "hemmelig innhold utenfor nettstedet";
let site = "";
let server: SiteServer;

beforeAll(async () => {
  site = join(tempDir("serve-paths"), "dist");
  mkdirSync(join(site, "skjema"), { recursive: true });
  writeFileSync(join(site, "index.html"), "<h1>Forsiden</h1>");
  writeFileSync(join(site, "skjema", "f1.html"), "<h1>Skjema F1</h1>");
  writeFileSync(join(site, "404.html"), "<h1>Fant ikke siden</h1>");
  writeFileSync(join(site, "_headers"), "/*\n  X-Content-Type-Options: nosniff\n  X-Secret-Rules: only-for-the-host\n");
  writeFileSync(join(site, "_redirects"), "/gammel /ny 301 # the host's own rules\n");
  writeFileSync(join(site, ".kostra-build"), "Built by `kostra build`\n");

  // Outside the site: a file and a folder symlinks in the site lead to.
  const outside = tempDir("outside");
  writeFileSync(join(outside, "secret.txt"), SECRET);
  writeFileSync(join(outside, "index.html"), SECRET);
  writeFileSync(join(outside, "routes.json"), JSON.stringify({ codelist: "lekk", name: SECRET, segments: [], versions: [], years: [], changes: [], correspondences: [] }));
  writeFileSync(join(outside, "index.json"), JSON.stringify({ name: SECRET }));
  symlinkSync(join(outside, "secret.txt"), join(site, "lekk.txt"));
  symlinkSync(join(outside, "secret.txt"), join(site, "lekk.html"));
  symlinkSync(outside, join(site, "lekkmappe"));
  symlinkSync("/etc/passwd", join(site, "passwd"));
  // A KLASS classification whose files are links out of the site.
  const klass = join(site, "api", "klass", "v1", "classifications", "lekk");
  mkdirSync(klass, { recursive: true });
  symlinkSync(join(outside, "routes.json"), join(klass, "routes.json"));
  symlinkSync(join(outside, "index.json"), join(klass, "index.json"));
  // A link that stays inside the site is served as before.
  symlinkSync(join(site, "skjema", "f1.html"), join(site, "samme.html"));

  server = await startServer({ dist: site, port: 0 });
});

afterAll(() => server?.close());

/** GET with the request target sent exactly as written: fetch would normalise it first. */
function get(target: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, failed) => {
    request({ host: hostname, port, path: target }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => done({ status: res.statusCode!, headers: res.headers, body }));
    })
      .on("error", failed)
      .end();
  });
}

describe("kostra serve: the host's own files and dot-files", () => {
  it("serves _headers, _redirects and .kostra-build in no spelling", async () => {
    const spellings = [
      "/_headers",
      "/_headers/",
      "//_headers",
      "///_headers/",
      "/%5Fheaders",
      "/%5fheaders/",
      "/%2F_headers",
      "/./_headers",
      "/_headers/.",
      "/skjema/../_headers",
      "/skjema/%2E%2E/_headers",
      "/skjema/..%2F_headers",
      "/_HEADERS",
      "/_Headers/",
      "/_headers.",
      "/_headers..",
      "/_headers%20",
      "/_headers?x=1",
      "/_redirects",
      "/_redirects/",
      "//_redirects",
      "/%5Fredirects",
      "/_REDIRECTS.",
      "/.kostra-build",
      "/.kostra-build/",
      "//.kostra-build",
      "/%2Ekostra-build",
      "/skjema/../.kostra-build",
    ];
    for (const path of spellings) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(/X-Secret-Rules|the host's own rules|Built by/);
    }
  });

  it("still serves the site's pages, with the headers of _headers, by any spelling of their path", async () => {
    for (const path of ["/", "/skjema/f1", "//skjema//f1", "/skjema/./f1.html", "/lekkmappe/../skjema/f1", "/%73kjema/f1"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
    }
    expect((await get("/skjema/f1")).body).toBe("<h1>Skjema F1</h1>");
    expect((await get("/finnes-ikke")).body).toBe("<h1>Fant ikke siden</h1>");
    // Malformed percent-encoding, a NUL: no path at all.
    for (const path of ["/%E0%A4%A", "/%ED%A0%80", "/index.html%00"]) expect((await get(path)).status, path).toBe(400);
  });
});

describe("kostra serve: symlinks", () => {
  it("never serves a file a symlink leads to outside the site", async () => {
    for (const path of ["/lekk.txt", "/lekk", "/lekk.html", "/lekkmappe/secret.txt", "/lekkmappe/", "/lekkmappe", "/lekkmappe/index.html", "/passwd", "/api/klass/v1/classifications/lekk/routes.json"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(SECRET);
      expect(res.body, path).not.toMatch(/^root:/m);
    }
  });

  it("never answers a KLASS URL from a file a symlink leads to outside the site", async () => {
    const res = await get("/api/klass/v1/classifications/lekk");
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(SECRET);
    expect(JSON.parse(res.body)).toMatchObject({ title: "Not Found", status: 404, detail: "Classification not found with id = lekk" });
  });

  it("serves a symlink that stays inside the site", async () => {
    const res = await get("/samme");
    expect(res.status).toBe(200);
    expect(res.body).toBe("<h1>Skjema F1</h1>");
  });
});

describe("a request's path, normalised once", () => {
  it("decodes, collapses slashes and resolves dot segments, never above the root", () => {
    expect(requestPath("//a///b/./c/../d/?x=1&y")).toEqual({ path: "/a/b/d/", search: "?x=1&y" });
    expect(requestPath("/../../etc/passwd")).toEqual({ path: "/etc/passwd", search: "" });
    expect(requestPath("/%2e%2e/%2F%5Fheaders#frag")).toEqual({ path: "/_headers", search: "" });
    expect(requestPath("http://example.org//_headers?a")).toEqual({ path: "/_headers", search: "?a" });
    for (const bad of ["/%zz", "/%ED%A0%80", "/a%00b", "/a%3Fb", "/a%23b", "*"]) expect(requestPath(bad), bad).toBeUndefined();
  });

  it("hides host files and dot-files in any segment, case and trailing dots or spaces", () => {
    for (const path of ["/_headers", "/_HEADERS", "/_headers.", "/_headers ", "/_Redirects", "/.kostra-build", "/.git/config", "/a/_headers/"]) expect(isHidden(path), path).toBe(true);
    for (const path of ["/", "/headers", "/_headers-og-mer", "/api/v1/index.json", "/a.b/c"]) expect(isHidden(path), path).toBe(false);
  });
});
