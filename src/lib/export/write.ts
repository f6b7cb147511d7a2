import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { versionAt, type Registry } from "../registry.ts";
import { diffRegistry, diffCodelistTraced } from "../diff/index.ts";
import type { CodelistYearExport, FormYearExport, IndexExport } from "./shapes.ts";
import { codesToCsv, codesToExcelCsv } from "./csv.ts";
import { klassChanges, klassCodes } from "./klass.ts";
import { codelistToSdmxJson, codelistToSdmxMl } from "./sdmx.ts";
import { codelistToFhirCodeSystem, correspondencesToFhirConceptMap } from "./fhir.ts";
import { codelistFeed, siteFeed, workingGroupFeed } from "./feeds.ts";
import { EXPORT_SCHEMAS, jsonSchemaOf, type SchemaName } from "./schemas.ts";
import { openApiDocument } from "./openapi.ts";
import { sha256 } from "./lock.ts";

type Kind = IndexExport["resources"][number]["kind"];

interface ExportFile {
  path: string;
  content: string;
  kind: Kind;
  id: string;
  format: string;
  year?: number;
  lastChanged?: number;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** Every file of the static API under /api/v1/, as path → content. Pure: the same registry gives the same bytes. */
export function exportFiles(registry: Registry, siteUrl: string): ExportFile[] {
  const files: ExportFile[] = [];
  const add = (f: ExportFile) => files.push(f);

  for (const entry of registry.codelists.values()) {
    const id = entry.meta.id;
    const years = registry.yearsOf(entry);
    for (const year of years) {
      const version = versionAt(entry, year)!;
      const at = { kind: "codelist" as const, id, year, lastChanged: version.year };
      const base = `codelists/${id}/${year}`;
      const data: CodelistYearExport = { codelist: entry.meta, year, versionYear: version.year, version: version.data };
      const prepared = `${version.year}-01-01T00:00:00Z`;
      add({ ...at, path: `${base}.json`, format: "json", content: json(data) });
      add({ ...at, path: `${base}.csv`, format: "csv", content: codesToCsv(version.data.codes) });
      add({ ...at, path: `${base}.excel.csv`, format: "csv-excel", content: codesToExcelCsv(version.data.codes) });
      add({ ...at, path: `${base}.klass.json`, format: "klass-json", content: json(klassCodes(entry, year)) });
      add({ ...at, path: `${base}.sdmx.xml`, format: "sdmx-ml", content: codelistToSdmxMl(entry, version, prepared) });
      add({ ...at, path: `${base}.sdmx.json`, format: "sdmx-json", content: json(codelistToSdmxJson(entry, version, prepared)) });
      add({ ...at, path: `${base}.fhir.json`, format: "fhir-json", content: json(codelistToFhirCodeSystem(entry, version, siteUrl)) });
      const previous = entry.versions[entry.versions.indexOf(version) - 1];
      if (version.data.correspondences?.length && previous) {
        add({ ...at, path: `${base}.conceptmap.fhir.json`, format: "fhir-json", content: json(correspondencesToFhirConceptMap(entry, previous, version, siteUrl)) });
      }
    }
    for (const year of years.slice(1)) {
      const changes = diffCodelistTraced(registry, entry, year - 1, year);
      add({ kind: "codelist", id, year, format: "klass-json", path: `codelists/${id}/changes/${year - 1}-${year}.klass.json`, content: json(klassChanges(changes, year - 1, year)) });
    }
    add({ kind: "feed", id: `kodelister/${id}`, format: "atom", path: `feeds/kodelister/${id}.atom`, content: codelistFeed(registry, id, siteUrl) });
  }

  for (const form of registry.forms.values()) {
    for (const year of registry.yearsOf(form)) {
      const version = versionAt(form, year)!;
      const data: FormYearExport = { form: form.meta, year, versionYear: version.year, version: version.data };
      add({ kind: "form", id: form.meta.id, year, lastChanged: version.year, format: "json", path: `forms/${form.meta.id}/${year}.json`, content: json(data) });
    }
  }
  for (const i of registry.indicators.values()) add({ kind: "indicator", id: i.id, format: "json", path: `indicators/${i.id}.json`, content: json(i) });
  for (const t of registry.tables.values()) add({ kind: "table", id: t.number, format: "json", path: `tables/${t.number}.json`, content: json(t) });
  for (const { data, body } of registry.proposals.values()) add({ kind: "proposal", id: data.id, format: "json", path: `proposals/${data.id}.json`, content: json({ proposal: data, body }) });
  for (const { data, body } of registry.meetings.values()) add({ kind: "meeting", id: data.id, format: "json", path: `meetings/${data.id}.json`, content: json({ meeting: data, body }) });
  for (const to of registry.reportingYears.slice(1)) {
    add({ kind: "changes", id: `${to - 1}-${to}`, year: to, format: "json", path: `changes/${to - 1}-${to}.json`, content: json(diffRegistry(registry, to - 1, to)) });
  }
  for (const lock of registry.published.values()) add({ kind: "published", id: String(lock.year), year: lock.year, format: "json", path: `published/${lock.year}.json`, content: json(lock) });
  add({ kind: "feed", id: "endringer", format: "atom", path: "feeds/endringer.atom", content: siteFeed(registry, siteUrl) });
  for (const id of registry.workingGroups.keys()) add({ kind: "feed", id: `arbeidsgrupper/${id}`, format: "atom", path: `feeds/arbeidsgrupper/${id}.atom`, content: workingGroupFeed(registry, id, siteUrl) });
  for (const name of Object.keys(EXPORT_SCHEMAS) as SchemaName[]) add({ kind: "schema", id: name, format: "json-schema", path: `schemas/${name}.json`, content: json(jsonSchemaOf(name)) });
  add({ kind: "schema", id: "openapi", format: "openapi", path: "openapi.json", content: json(openApiDocument(siteUrl)) });

  const resources = new Map<string, IndexExport["resources"][number]>();
  for (const f of files) {
    const key = `${f.kind}:${f.id}`;
    const r = resources.get(key) ?? { kind: f.kind, id: f.id, files: [] };
    r.files.push({ url: `/api/v1/${f.path}`, format: f.format, sha256: sha256(f.content), ...(f.year !== undefined && { year: f.year }), ...(f.lastChanged !== undefined && { lastChanged: f.lastChanged }) });
    resources.set(key, r);
  }
  const index: IndexExport = { api: "v1", resources: [...resources.values()] };
  files.push({ kind: "schema", id: "index", format: "json", path: "index.json", content: json(index) });
  return files;
}

/** Writes the static API into `<outDir>/api/v1/`. */
export async function writeExports(registry: Registry, outDir: string, siteUrl: string): Promise<{ files: number; bytes: number }> {
  const files = exportFiles(registry, siteUrl);
  let bytes = 0;
  const dirs = new Set(files.map((f) => dirname(join(outDir, "api", "v1", f.path))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all(
    files.map((f) => {
      bytes += Buffer.byteLength(f.content);
      return writeFile(join(outDir, "api", "v1", f.path), f.content);
    }),
  );
  return { files: files.length, bytes };
}
