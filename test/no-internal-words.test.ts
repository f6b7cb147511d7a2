import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bundledSite } from "./build-site.ts";
import { visibleText } from "./visible-text.ts";

/**
 * Words of the registry's own making that readers must never meet: the paths and file names of the
 * source folder, and the content format's field names and code words. A page or an export cites a
 * source by title and section (`/kilder/<id>/`), and says in Norwegian what a field means.
 */
const EVERYWHERE = ["seeds/", "reference/", "controls-15F.md", "82c6c90c8b3d8844", "xsd-history", "Individ_20"];
/** Field names and code words: wrong in a page's text; in an export they may be keys of its format, so only its values are read. */
const IN_PAGES = ["notExpressible", "withdrawnFrom", "validFrom", "editorNote", "xs:unique", "deprecated med", "replacedBy", "shortName", "xs:enumeration", "xs:documentation", "selectable: false", "repeats: true", "scope barnevern"];

let dist: string;
beforeAll(async () => {
  dist = await bundledSite();
}, 600_000);

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** The string values of a JSON document (its keys are the export's format, not text). */
function* jsonValues(v: unknown): Generator<string> {
  if (typeof v === "string") yield v;
  else if (Array.isArray(v)) for (const x of v) yield* jsonValues(x);
  else if (v && typeof v === "object") for (const x of Object.values(v)) yield* jsonValues(x);
}

const found = (text: string, words: string[]) => words.filter((w) => text.includes(w));

describe("no internal words in what readers see", () => {
  it("every built page's visible text is free of source paths, file names and field names", () => {
    const problems: string[] = [];
    let pages = 0;
    for (const file of files(dist)) {
      if (!file.endsWith(".html")) continue;
      pages++;
      const hits = found(visibleText(readFileSync(file, "utf8")), [...EVERYWHERE, ...IN_PAGES]);
      if (hits.length) problems.push(`${relative(dist, file)}: ${hits.join(", ")}`);
    }
    expect(pages).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("every export cites sources by title, never by a path of the source folder", () => {
    const problems: string[] = [];
    let exports = 0;
    for (const file of files(join(dist, "api"))) {
      const rel = relative(dist, file);
      // The JSON Schemas and the OpenAPI document describe the format to developers: field names are their subject.
      if (rel.startsWith("api/v1/schemas/") || rel.endsWith("openapi.json") || /\.(xlsx|zip)$/.test(file)) continue;
      exports++;
      const raw = readFileSync(file, "utf8");
      const text = file.endsWith(".json") ? [...jsonValues(JSON.parse(raw))].join("\n") : raw;
      const hits = found(text, EVERYWHERE);
      if (hits.length) problems.push(`${rel}: ${hits.join(", ")}`);
    }
    expect(exports).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("a codelist export's sources are citations with the source's page", () => {
    const version = JSON.parse(readFileSync(join(dist, "api", "v1", "codelists", "plantype", "2023.json"), "utf8")) as { version: { source: { title: string; section?: string; url?: string }[] } };
    expect(version.version.source.length).toBeGreaterThan(0);
    for (const s of version.version.source) {
      expect(s.url).toMatch(/^\/kilder\/[a-z0-9-]+\/$/);
      expect(readFileSync(join(dist, s.url!.slice(1), "index.html"), "utf8")).toContain(s.title);
    }
  });
});
