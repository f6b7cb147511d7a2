import { beforeAll, describe, expect, it, vi } from "vitest";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { sha256 } from "../src/lib/export/published-hashes.ts";
import { schemaUrl } from "../src/lib/export/schemas.ts";
import { cycleYears } from "../src/lib/cycle/calendar.ts";
import { cycleToICalendar } from "../src/lib/export/cycle-calendar.ts";
import { klassCatalogue } from "../src/lib/export/klass-catalogue.ts";
import { runPublish } from "../src/lib/cli/publish-command.ts";
import { PLACEHOLDER_SITE, SITE_ENV, configuredSite, placeholderNotice, siteAddress, siteAddressProblem, siteOf } from "../src/lib/site/address.ts";
import { builtAddress, rebaseFeed } from "../src/lib/serve/feed-links.ts";
import { startServer } from "../src/lib/serve/server.ts";
import { fixtureWith, tempDir } from "./helpers.ts";

/** Two addresses that sort on either side of every other IRI the exports carry, so that an order that depended on the address would show. */
const A = "https://a.kostra.no";
const B = "https://zz.kostra.kommune.no";

let registry: Registry;
const files = (site: string) => new Map([...exportFiles(registry, site)].map((f) => [f.path, f.content]));
const text = (c: string | Uint8Array) => (typeof c === "string" ? c : Buffer.from(c).toString("latin1"));

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
});

describe("the site's address: one setting", () => {
  const root = () => {
    const dir = tempDir("site");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", kostra: { site: "https://Kostra.Example.no/" } }));
    return dir;
  };

  it("is the placeholder the published locks were made on when nothing sets it", () => {
    const empty = tempDir("site");
    expect(siteAddress({}, empty)).toEqual({ url: "https://kostra-registeret.example", from: "placeholder" });
    expect(PLACEHOLDER_SITE).toBe("https://kostra-registeret.example");
    expect(configuredSite({}, empty)).toBeUndefined();
    // The bundled project sets none: the locked 2022 exports hold.
    expect(siteAddress({}).from).toBe("placeholder");
    expect(placeholderNotice()).toContain(PLACEHOLDER_SITE);
    expect(placeholderNotice()).toContain(SITE_ENV);
    expect(placeholderNotice()).toContain('"kostra": { "site"');
  });

  it("is read from package.json's kostra.site, and KOSTRA_SITE_URL overrides it; spelled as an origin", () => {
    expect(siteAddress({}, root())).toEqual({ url: "https://kostra.example.no", from: "package.json" });
    expect(siteAddress({ [SITE_ENV]: "https://kostra.kommune.no/" }, root())).toEqual({ url: "https://kostra.kommune.no", from: "env" });
    expect(siteAddress({ [SITE_ENV]: "" }, root()).from).toBe("package.json");
    expect(configuredSite({ [SITE_ENV]: "https://kostra.kommune.no" }, tempDir("site"))).toBe("https://kostra.kommune.no");
  });

  it("refuses what cannot name things for good: loopback, a path, a query, another scheme, credentials", () => {
    for (const bad of ["http://localhost:4321", "http://127.0.0.1", "http://[::1]:8080", "https://x.example/kostra", "https://x.example/?a=1", "https://x.example/#a", "ftp://x.example", "https://u:p@x.example", "x.example"]) {
      expect(siteAddressProblem(bad), bad).toBeDefined();
      expect(() => siteAddress({ [SITE_ENV]: bad }, tempDir("site")), bad).toThrow(new RegExp(SITE_ENV));
    }
    expect(siteAddressProblem("https://kostra.example.no")).toBeUndefined();
    expect(() => exportFiles(registry, "http://localhost:4321").next()).toThrow(/loopback/);
  });

  it("is what pages get from Astro's site, in the same spelling", () => {
    expect(siteOf(undefined)).toBe(PLACEHOLDER_SITE);
    expect(siteOf("https://kostra.example.no/")).toBe("https://kostra.example.no");
  });
});

describe("the exports on the site's address", () => {
  let onA: Map<string, string | Uint8Array>;
  let onB: Map<string, string | Uint8Array>;
  beforeAll(() => {
    onA = files(A);
    onB = files(B);
  });

  it("name every permanent identifier on the placeholder without a setting", () => {
    const f = files(siteAddress({}, tempDir("site")).url);
    const feed = String(f.get("feeds/endringer.atom"));
    expect(feed).toContain(`<id>${PLACEHOLDER_SITE}/api/v1/feeds/endringer.atom</id>`);
    expect(JSON.parse(String(f.get("schemas/codelist-year.json"))).$id).toBe(`${PLACEHOLDER_SITE}/api/v1/schemas/codelist-year.json`);
    expect(JSON.parse(String(f.get("codelists/plantype/2023.json"))).$schema).toBe(`${PLACEHOLDER_SITE}/api/v1/schemas/codelist-year.json`);
    expect(JSON.parse(String(f.get("codelists/plantype/2023.fhir.json"))).url).toBe(`${PLACEHOLDER_SITE}/fhir/CodeSystem/plantype`);
    expect(String(f.get("catalog.ttl"))).toContain(`<${PLACEHOLDER_SITE}/`);
    expect(String(f.get("codelists/plantype/2023.xkos.ttl"))).toContain(`<${PLACEHOLDER_SITE}/kodelister/plantype/2023/>`);
    expect(JSON.parse(String(f.get("openapi.json"))).servers).toEqual([{ url: "/api/v1" }]);
    for (const [path, content] of f) expect(text(content), path).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it("follow the setting in every identifier: Atom, DCAT, XKOS, JSON Schema, FHIR, OpenAPI", () => {
    expect(String(onA.get("feeds/endringer.atom"))).toContain(`<id>${A}/api/v1/feeds/endringer.atom</id>`);
    expect(JSON.parse(String(onA.get("schemas/form-year.json"))).$id).toBe(schemaUrl("form-year", A));
    expect(JSON.parse(String(onA.get("codelists/plantype/2023.fhir.json"))).url).toBe(`${A}/fhir/CodeSystem/plantype`);
    expect(String(onA.get("catalog.ttl"))).toContain(`<${A}/`);
    expect(String(onA.get("codelists/plantype/2023.xkos.ttl"))).toContain(`<${A}/kodelister/plantype/2023/>`);
    expect(JSON.parse(String(onA.get("openapi.json"))).servers).toEqual([{ url: `${A}/api/v1` }]);
    for (const [path, content] of onA) expect(text(content), path).not.toContain(B);
  });

  it("differ between two settings only where the address appears (and in the hashes of the files where it does)", () => {
    expect([...onA.keys()]).toEqual([...onB.keys()]);
    // index.json lists each file's SHA-256: a file that carries the address has another hash on the other.
    const hashes = new Map<string, string>();
    for (const [path, a] of onA) hashes.set(sha256(a), sha256(onB.get(path)!));
    // The calendars are the pages' /kalender/<year>.ics, listed in the index too.
    for (const year of cycleYears(registry)) hashes.set(sha256(cycleToICalendar(registry, year, A)), sha256(cycleToICalendar(registry, year, B)));
    const moved = (path: string, a: string | Uint8Array) => {
      if (typeof a !== "string") return a;
      const addressed = a.replaceAll(A, B);
      return path === "index.json" ? addressed.replace(/"sha256": "([0-9a-f]{64})"/g, (m, h: string) => `"sha256": "${hashes.get(h) ?? h}"`) : addressed;
    };
    const differing: string[] = [];
    let withAddress = 0;
    for (const [path, a] of onA) {
      const b = onB.get(path)!;
      if (typeof a === "string" && a.includes(A)) withAddress++;
      const same = typeof a === "string" ? moved(path, a) === b : Buffer.from(a).equals(Buffer.from(b as Uint8Array));
      if (!same) differing.push(path);
    }
    expect(differing).toEqual([]);
    expect(withAddress).toBeGreaterThan(100);
    // The pages that carry the address: the calendars and the KLASS query API's documents.
    for (const year of cycleYears(registry)) expect(cycleToICalendar(registry, year, A).replaceAll(A, B)).toBe(cycleToICalendar(registry, year, B));
    expect(JSON.stringify(klassCatalogue(registry, A)).replaceAll(A, B)).toBe(JSON.stringify(klassCatalogue(registry, B)));
  });

  it("keep a published year's frozen files as locked, whatever the setting", () => {
    const lock = registry.published.get(2022)!;
    for (const path of Object.keys(lock.files)) {
      expect(sha256(onA.get(path)!), path).toBe(lock.files[path]);
      expect(sha256(onB.get(path)!), path).toBe(lock.files[path]);
    }
    expect(JSON.parse(String(onA.get("codelists/plantype/2022.json"))).$schema).toBe(schemaUrl("codelist-year", PLACEHOLDER_SITE));
    // The served schema accepts both: the frozen files' address and the site's.
    expect(JSON.parse(String(onA.get("schemas/codelist-year.json"))).properties.$schema.enum).toEqual([schemaUrl("codelist-year", A), schemaUrl("codelist-year", PLACEHOLDER_SITE)]);
    expect(JSON.parse(String(files(PLACEHOLDER_SITE).get("schemas/codelist-year.json"))).properties.$schema.const).toBe(schemaUrl("codelist-year"));
  });

  it("are byte-identical for the same setting", () => {
    const again = files(A);
    expect([...again.keys()]).toEqual([...onA.keys()]);
    for (const [path, a] of onA) expect(Buffer.from(again.get(path)!).equals(Buffer.from(a)), path).toBe(true);
  });
});

describe("a lock records the address it was made on", () => {
  const publish = async (dir: string, env: string | undefined) => {
    vi.stubEnv(SITE_ENV, env ?? "");
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      return await runPublish(dir, ["2022"], { date: "2025-03-01" });
    } finally {
      out.mockRestore();
      vi.unstubAllEnvs();
    }
  };

  it("publishing on a set address records it; the year holds on any address after", async () => {
    const dir = fixtureWith();
    expect(await publish(dir, A)).toBe(0);
    const { registry: published, errors } = await validateContent(dir);
    expect(errors).toBe(0);
    const lock = published.published.get(2022)!;
    expect(lock.site).toBe(A);
    const written = new Map([...exportFiles(published, B)].map((f) => [f.path, f.content]));
    for (const [path, hash] of Object.entries(lock.files)) expect(sha256(written.get(path)!), path).toBe(hash);
    const json = [...written.keys()].find((p) => /^codelists\/[^/]+\/2022\.json$/.test(p))!;
    expect(JSON.parse(String(written.get(json))).$schema).toBe(schemaUrl("codelist-year", A));
  });

  it("publishing without a setting records none: the placeholder", async () => {
    const dir = fixtureWith();
    expect(await publish(dir, undefined)).toBe(0);
    const { registry: published } = await validateContent(dir);
    expect(published.published.get(2022)!.site).toBeUndefined();
  });
});

describe("kostra serve's feeds", () => {
  it("point their links at the server that answered, and keep their ids", () => {
    const feed = String(files(A).get("feeds/endringer.atom"));
    const path = "/api/v1/feeds/endringer.atom";
    expect(builtAddress(feed, path)).toBe(A);
    const served = rebaseFeed(feed, A, "http://127.0.0.1:8080");
    expect(served).toContain(`<link rel="self" href="http://127.0.0.1:8080${path}"/>`);
    expect(served).toContain(`<id>${A}${path}</id>`);
    expect(served).not.toMatch(new RegExp(`href="${A}`));
    expect(served.replaceAll('href="http://127.0.0.1:8080/', `href="${A}/`)).toBe(feed);
  });

  it("are served so, and only from inside the site", async () => {
    const feed = String(files(A).get("feeds/endringer.atom"));
    const dist = tempDir("serve-feed");
    mkdirSync(join(dist, "api", "v1", "feeds"), { recursive: true });
    writeFileSync(join(dist, "index.html"), "<h1>Forsiden</h1>");
    writeFileSync(join(dist, "api", "v1", "feeds", "endringer.atom"), feed);
    const outside = join(tempDir("outside"), "x.atom");
    writeFileSync(outside, feed.replace("KOSTRA", "UTENFOR"));
    symlinkSync(outside, join(dist, "api", "v1", "feeds", "lekk.atom"));
    const server = await startServer({ dist, port: 0 });
    try {
      const res = await fetch(`${server.url}/api/v1/feeds/endringer.atom`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const served = await res.text();
      expect(served).toContain(`<link rel="self" href="${server.url}/api/v1/feeds/endringer.atom"/>`);
      expect(served).toContain(`<id>${A}/api/v1/feeds/endringer.atom</id>`);
      expect((await fetch(`${server.url}/api/v1/feeds/lekk.atom`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/v1/feeds/finnes-ikke.atom`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
