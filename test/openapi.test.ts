import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { exportFiles, writeExports } from "../src/lib/export/write.ts";
import { yearFiles, yearSite } from "../src/lib/export/published-hashes.ts";
import { PLACEHOLDER_SITE } from "../src/lib/site/address.ts";
import { API_PATHS, openApiDocument } from "../src/lib/export/openapi.ts";
import { EXPORT_SCHEMAS, schemaUrl, type SchemaName } from "../src/lib/export/schemas.ts";
import { REPO, tempDir } from "./helpers.ts";

/**
 * The OpenAPI document and the schemas as their consumers' own tools read them: Redocly's CLI
 * (recommended rules, and its bundler) on the document read from a file, a resolver over the
 * files, and Ajv over every JSON export by the schema the export names.
 */

const SITE = "https://kostra-registeret.example";
// Run by the Node running the tests: the binary's `#!/usr/bin/env node` may find an older one on PATH.
const REDOCLY = join(REPO, "node_modules", ".bin", "redocly");

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; schema: { pattern?: string; enum?: string[] } };
type Operation = { operationId?: string; parameters?: Json[]; responses: Record<string, { content?: Record<string, { schema?: { $ref: string } }> }> };
type PathItem = { servers?: { url: string }[]; get: Operation };
type Document = { servers: { url: string }[]; paths: Record<string, PathItem>; components: { schemas: Record<string, { $ref: string }>; parameters: Record<string, Parameter> } };

let registry: Registry;
let out: string;
let api: string;
let openapiFile: string;
let doc: Document;

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

function redocly(args: string[]) {
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  // In the temporary folder, so that no redocly.yaml of this project's changes the rules.
  return spawnSync(process.execPath, [REDOCLY, ...args], { cwd: out, encoding: "utf8", env, timeout: 120_000 });
}

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refsIn(v)));
}

/** The value a JSON pointer (RFC 6901) names in a document, or undefined. */
function atPointer(document: unknown, pointer: string): unknown {
  if (pointer === "" || pointer === "/") return document;
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, token) => (node !== null && typeof node === "object" ? (node as Json)[token] : undefined), document);
}

/**
 * What a resolver reading the document from a file cannot resolve: every `$ref`, taken relative to
 * the file it is in, must name an existing file and, after `#`, a JSON pointer into it; the files
 * referenced are read in turn.
 */
function unresolvedRefs(file: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (url: URL) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const document = readJson(fileURLToPath(url));
    for (const ref of refsIn(document)) {
      const target = new URL(ref, url);
      const targetFile = new URL(target.href.replace(/#.*$/, ""));
      const where = `${relative(out, fileURLToPath(url))}: $ref ${ref}`;
      if (target.protocol !== "file:") problems.push(`${where}: not a file next to the document (${target.href})`);
      else if (!existsSync(fileURLToPath(targetFile))) problems.push(`${where}: no such file ${fileURLToPath(targetFile)}`);
      else {
        const pointer = decodeURIComponent(target.hash.slice(1));
        if (atPointer(readJson(fileURLToPath(targetFile)), pointer) === undefined) problems.push(`${where}: nothing at ${pointer}`);
        visit(targetFile);
      }
    }
  };
  visit(pathToFileURL(file));
  return problems;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Each path of the document as the site paths it matches: its server's path followed by the path,
 * each parameter standing for the values its schema allows: its anchored `pattern`, its `enum`, else
 * any text without a slash.
 */
function pathMatchers(document: Document) {
  const parameter = (p: Json): Parameter => (typeof p.$ref === "string" ? (atPointer(document, p.$ref.slice(1)) as Parameter) : (p as unknown as Parameter));
  return Object.entries(document.paths).map(([path, item]) => {
    const server = new URL((item.servers ?? document.servers)[0].url, "http://site.invalid").pathname.replace(/\/$/, "");
    const params = new Map((item.get.parameters ?? []).map(parameter).map((p) => [p.name, p.schema]));
    const source = (server + path)
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{(.+)\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        const schema = params.get(name);
        if (schema?.enum) return `(?:${schema.enum.map(escape).join("|")})`;
        if (!schema?.pattern) return "[^/]+";
        if (!schema.pattern.startsWith("^") || !schema.pattern.endsWith("$")) throw new Error(`${path}: {${name}} has a pattern that is not anchored`);
        return `(?:${schema.pattern.slice(1, -1)})`;
      })
      .join("");
    return { path, re: new RegExp(`^${source}$`) };
  });
}

/** Every site path the API serves: the files written under /api/v1/, and every URL index.json lists. */
function sitePaths(): string[] {
  const written = walk(api).map((f) => `/api/v1/${relative(api, f)}`);
  const index = readJson(join(api, "index.json")) as { resources: { files: { url: string }[] }[] };
  return [...new Set([...written, ...index.resources.flatMap((r) => r.files.map((f) => f.url))])].sort();
}

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  out = tempDir("openapi");
  await writeExports(registry, out, SITE);
  api = join(out, "api", "v1");
  openapiFile = join(api, "openapi.json");
  doc = readJson(openapiFile);
}, 120_000);

describe("the OpenAPI document, read from a file by its consumers' tools", () => {
  it("passes Redocly's recommended rules with no error and no warning", () => {
    const run = redocly(["lint", openapiFile, "--extends", "recommended", "--format", "json"]);
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string }[] };
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  });

  it("resolves every $ref from the file: relative to the document, into files that exist", () => {
    expect(refsIn(doc).filter((r) => !r.startsWith("#")).sort()).toEqual(Object.keys(EXPORT_SCHEMAS).map((n) => `./schemas/${n}.json`).sort());
    expect(unresolvedRefs(openapiFile)).toEqual([]);
    const bundled = join(out, "bundled.json");
    const run = redocly(["bundle", openapiFile, "-o", bundled]);
    expect(run.status, run.stderr).toBe(0);
    const bundle = readJson(bundled);
    expect(refsIn(bundle).filter((r) => !r.startsWith("#"))).toEqual([]);
    expect(bundle.components.schemas["codelist-year"].$id).toBe(schemaUrl("codelist-year"));
  });

  it("fails the resolution check with a root-relative $ref, as it did before (/api/v1/schemas/…)", () => {
    // Beside a copy of the schemas, so that only the root-relative $ref fails.
    const dir = join(out, "root-relative", "api", "v1");
    cpSync(join(api, "schemas"), join(dir, "schemas"), { recursive: true });
    const bad = join(dir, "openapi.json");
    const broken = structuredClone(doc);
    broken.components.schemas.index = { $ref: "/api/v1/schemas/index.json" };
    writeFileSync(bad, JSON.stringify(broken, null, 2));
    expect(unresolvedRefs(bad)).toEqual([expect.stringContaining("$ref /api/v1/schemas/index.json: no such file /api/v1/schemas/index.json")]);
    const lint = JSON.parse(redocly(["lint", bad, "--extends", "recommended", "--format", "json"]).stdout) as { problems: { ruleId: string; severity: string }[] };
    expect(lint.problems).toContainEqual(expect.objectContaining({ ruleId: "no-unresolved-refs", severity: "error" }));
    expect(redocly(["bundle", bad, "-o", join(out, "bad-bundle.json")]).status).not.toBe(0);
  });

  it("gives every operation a unique operationId", () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.entries(item).filter(([k]) => ["get", "put", "post", "delete", "options", "head", "patch", "trace"].includes(k)).map(([, op]) => op as Operation));
    expect(operations.length).toBe(Object.keys(doc.paths).length);
    expect(operations.filter((op) => !op.operationId)).toEqual([]);
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
    // A row added twice would be dropped silently by the paths object: one row per path.
    expect(operations.length).toBe(API_PATHS.length);
  });

  it("has a licence and a server that is relative on localhost, absolute on a configured site", () => {
    expect((doc as unknown as { info: { license: unknown } }).info.license).toEqual({ name: "Norsk lisens for offentlige data (NLOD) 2.0", url: "https://data.norge.no/nlod/no/2.0" });
    expect(doc.servers).toEqual([{ url: "/api/v1" }]);
    expect(doc.paths["/{year}.ics"].servers).toEqual([{ url: "/kalender" }]);
    const site = openApiDocument("https://kostra.kommune.no");
    expect(site.servers).toEqual([{ url: "https://kostra.kommune.no/api/v1" }]);
    expect(site.paths["/{year}.ics"].servers).toEqual([{ url: "https://kostra.kommune.no/kalender" }]);
    for (const local of ["http://127.0.0.1:4321", "http://localhost", "https://example.com"]) expect(openApiDocument(local).servers).toEqual([{ url: "/api/v1" }]);
  });

  it("matches every file the API serves with exactly one path: no file matches two", () => {
    const matchers = pathMatchers(doc);
    const paths = sitePaths();
    expect(paths.length).toBeGreaterThan(600);
    const wrong = paths.map((p) => ({ p, m: matchers.filter((t) => t.re.test(p)).map((t) => t.path) })).filter(({ m }) => m.length !== 1);
    expect(wrong).toEqual([]);
    // The year's pattern is what keeps the formats apart: `2023.klass` is no year.
    const match = (p: string) => matchers.filter((t) => t.re.test(p)).map((t) => t.path);
    expect(match("/api/v1/codelists/plantype/2023.klass.json")).toEqual(["/codelists/{id}/{year}.klass.json"]);
    expect(match("/api/v1/codelists/plantype/2023.conceptmap.fhir.json")).toEqual(["/codelists/{id}/{year}.conceptmap.fhir.json"]);
    expect(match("/api/v1/codelists/plantype/2023.xlsx")).toEqual(["/codelists/{id}/{year}.xlsx"]);
    // Without it, `{year}` matches `2023.klass` too: the check finds the overlap (292 files matched two paths before).
    const loose = structuredClone(doc);
    delete loose.components.parameters.year.schema.pattern;
    const overlapping = paths.filter((p) => pathMatchers(loose).filter((t) => t.re.test(p)).length > 1);
    expect(overlapping).toContain("/api/v1/codelists/plantype/2023.klass.json");
  });
});

describe("every JSON export names its schema", () => {
  it("has a $schema with the absolute $id of the schema its path has in the OpenAPI document, and validates against it", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const schemaFiles = readdirSync(join(api, "schemas")).map((f) => readJson(join(api, "schemas", f)) as Json);
    for (const s of schemaFiles) ajv.addSchema(s);
    const matchers = pathMatchers(doc);
    const failures: string[] = [];
    let validated = 0;
    for (const file of walk(api).filter((f) => f.endsWith(".json"))) {
      const rel = relative(api, file);
      const data = readJson(file) as Json;
      const [path] = matchers.filter((t) => t.re.test(`/api/v1/${rel}`)).map((t) => t.path);
      const ref = doc.paths[path]?.get.responses["200"].content?.["application/json"]?.schema?.$ref;
      if (!ref) {
        // No schema of ours (KLASS, SDMX-JSON, FHIR, OpenAPI): the format's own shape, no $schema added. A schema names its meta-schema.
        if (rel.startsWith("schemas/")) expect(data.$schema, rel).toBe("https://json-schema.org/draft/2020-12/schema");
        else expect(data, rel).not.toHaveProperty("$schema");
        continue;
      }
      const component = doc.components.schemas[ref.replace("#/components/schemas/", "")];
      const schemaFile = fileURLToPath(new URL(component.$ref, pathToFileURL(openapiFile)));
      const schema = readJson(schemaFile) as Json;
      const id = new URL(String(schema.$id));
      expect(id.protocol, `${schemaFile}: $id ${schema.$id}`).toBe("https:");
      if (data.$schema !== schema.$id) failures.push(`${rel}: $schema ${data.$schema}, the schema of its path is ${schema.$id}`);
      // The URL names a schema file of the API by its path below the site.
      const named = join(out, new URL(String(data.$schema)).pathname);
      if (!existsSync(named) || readJson(named).$id !== data.$schema) failures.push(`${rel}: $schema ${data.$schema} is no schema file of the API`);
      const validate = ajv.getSchema(String(data.$schema));
      if (!validate) failures.push(`${rel}: no schema with $id ${data.$schema}`);
      else if (!validate(data)) failures.push(`${rel}: ${ajv.errorsText(validate.errors)}`);
      else validated++;
    }
    expect(failures).toEqual([]);
    expect(validated).toBeGreaterThan(100);
    for (const name of Object.keys(EXPORT_SCHEMAS) as SchemaName[]) expect(readJson(join(api, "schemas", `${name}.json`)).$id).toBe(schemaUrl(name));
  });

  it("writes the frozen formats with the bytes the locks hash (one function); a published year's whatever the site's address", () => {
    const bytes = (c: string | Uint8Array) => Buffer.from(c);
    const at = (site: string) => new Map([...exportFiles(registry, site)].map((f) => [f.path, bytes(f.content)]));
    const sites = [SITE, "https://kostra.kommune.no"];
    const written = sites.map(at);
    const mismatches: string[] = [];
    let frozen = 0;
    for (const year of registry.reportingYears) {
      for (const [i, site] of sites.entries()) {
        for (const [path, content] of yearFiles(registry, year, yearSite(registry, year, site))) {
          frozen++;
          if (!written[i].get(path)?.equals(bytes(content))) mismatches.push(`${path} on ${site}: written bytes differ from the lock's`);
        }
      }
    }
    // A published year's files are the bytes of its lock on every address.
    for (const lock of registry.published.values()) {
      for (const path of Object.keys(lock.files)) if (!written[1].get(path)?.equals(written[0].get(path)!)) mismatches.push(`${path}: published, but differs on another site address`);
    }
    expect(mismatches).toEqual([]);
    expect(frozen).toBeGreaterThan(100);
    expect(registry.published.has(2022)).toBe(true);
    expect(JSON.parse(yearFiles(registry, 2022).get("codelists/plantype/2022.json")!).$schema).toBe(schemaUrl("codelist-year"));
    expect(JSON.parse(written[1].get("codelists/plantype/2022.json")!.toString()).$schema).toBe(schemaUrl("codelist-year", PLACEHOLDER_SITE));
    expect(JSON.parse(written[1].get("codelists/plantype/2023.json")!.toString()).$schema).toBe(schemaUrl("codelist-year", "https://kostra.kommune.no"));
  });
});
