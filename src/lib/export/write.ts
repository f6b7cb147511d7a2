import { kontrollprogramChangelog } from "../diff/kontrollprogram-changelog.ts";
import { linkSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { versionAt, type CodelistEntry, type Registry, type Version } from "../model/registry.ts";
import type { CodelistVersion } from "../schema/index.ts";
import { diffRegistry, diffCodelistTraced } from "../diff/index.ts";
import { computedStatus } from "../proposals/status.ts";
import type { IndexExport } from "./shapes.ts";
import { withCitedSources } from "./cited.ts";
import { codelistYearJson, exportJson, formYearJson, nestedVersionJson, publishedYearJson } from "./json.ts";
import { codesToCsv, codesToExcelCsv } from "./csv.ts";
import { xlsxParts } from "./xlsx.ts";
import { zip, type ZipEntry } from "./zip.ts";
import { klassChanges, klassCodes, klassYearKey } from "./klass.ts";
import { codelistToSdmxJson, codelistToSdmxMl } from "./sdmx.ts";
import { fhirCanonicalBase, codelistToFhirCodeSystem, correspondencesToFhirConceptMap } from "./fhir.ts";
import { codelistFeed, siteFeed, workingGroupFeed } from "./feeds.ts";
import { EXPORT_SCHEMAS, jsonSchemaOf, type SchemaName } from "./schemas.ts";
import { openApiDocument } from "./openapi.ts";
import { catalogFiles } from "./dcat.ts";
import { codelistVersionToXkos } from "./xkos.ts";
import { bytesHashedLast, lockSite, sha256, yearSite } from "./published-hashes.ts";
import { normalisedSite, siteAddressProblem } from "../site/address.ts";
import { formToKontrollprogramYaml, hasKontrollprogramExport } from "./kontrollprogram.ts";
import { cycleYears } from "../cycle/calendar.ts";
import { cycleToICalendar } from "./cycle-calendar.ts";
import { assumedAt } from "../model/assumed.ts";

type Kind = IndexExport["resources"][number]["kind"];

export interface ExportFile {
  path: string;
  /** Text as UTF-8, or the bytes of a binary format (xlsx). */
  content: string | Uint8Array;
  kind: Kind;
  id: string;
  format: string;
  year?: number;
  lastChanged?: number;
  /** Given when the same content is written under several paths, so it is hashed once. */
  sha256?: string;
  /** A zip's (the spreadsheet's) entries as zipped: what the API's check reads, not the zip unpacked again. */
  parts?: readonly ZipEntry[];
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** The schemas of the JSON a published year freezes (`yearFiles`). */
const FROZEN_SCHEMAS = new Set<SchemaName>(["codelist-year", "form-year"]);

/** A file of a codelist version in each year it is in force: hashed with the first year's path, linked for the others. */
interface VersionFile {
  ext: string;
  format: string;
  content: string | Uint8Array;
  parts?: readonly ZipEntry[];
  sha256?: string;
}

/** The files of one codelist version that do not depend on the reporting year. */
function versionFiles(entry: CodelistEntry, version: Version<CodelistVersion>, siteUrl: string, registry: Registry) {
  const prepared = `${version.year}-01-01T00:00:00Z`;
  const spreadsheet = xlsxParts(entry, version);
  const formats: VersionFile[] = [
    { ext: "csv", format: "csv", content: codesToCsv(version.data.codes) },
    { ext: "excel.csv", format: "csv-excel", content: codesToExcelCsv(version.data.codes) },
    { ext: "xlsx", format: "xlsx", content: zip(spreadsheet, version.year), parts: spreadsheet },
    { ext: "klass.json", format: "klass-json", content: json(klassCodes(entry, version.year)) },
    { ext: "sdmx.xml", format: "sdmx-ml", content: codelistToSdmxMl(entry, version, prepared) },
    { ext: "sdmx.json", format: "sdmx-json", content: json(codelistToSdmxJson(entry, version, prepared)) },
    // FHIR canonical URLs are identities: on the site's public address, never where a build ran (docs/api.md).
    { ext: "fhir.json", format: "fhir-json", content: json(codelistToFhirCodeSystem(entry, version, fhirCanonicalBase(siteUrl))) },
    // XKOS-AP-NO classification: IRIs on the site's address, like the catalogue that lists it.
    { ext: "xkos.ttl", format: "xkos-turtle", content: codelistVersionToXkos(entry, version, siteUrl, registry.workingGroups.get(entry.meta.workingGroup)) },
  ];
  const previous = entry.versions[entry.versions.indexOf(version) - 1];
  if (version.data.correspondences?.length && previous) {
    formats.push({ ext: "conceptmap.fhir.json", format: "fhir-json", content: json(correspondencesToFhirConceptMap(entry, previous, version, fhirCanonicalBase(siteUrl))) });
  }
  return { formats, versionJson: nestedVersionJson(version.data) };
}

type Resource = IndexExport["resources"][number];

/** The index's resources as files are added to it, in the order first added (`add` gives the file back, hashed). */
function resourceIndex() {
  const resources = new Map<string, Resource>();
  const add = (f: ExportFile) => {
    const hash = (f.sha256 ??= sha256(f.content));
    const key = `${f.kind}:${f.id}`;
    const r = resources.get(key) ?? { kind: f.kind, id: f.id, files: [] };
    r.files.push({ url: `/api/v1/${f.path}`, format: f.format, sha256: hash, ...(f.year !== undefined && { year: f.year }), ...(f.lastChanged !== undefined && { lastChanged: f.lastChanged }) });
    resources.set(key, r);
    return f;
  };
  return { resources, add };
}

/** The files of one codelist: each year's, the KLASS changes between neighbouring years, its feed. */
function* codelistFiles(registry: Registry, entry: CodelistEntry, siteUrl: string, add: (f: ExportFile) => ExportFile): Generator<ExportFile> {
  const id = entry.meta.id;
  const years = registry.yearsOf(entry);
  // A version in force for several years is exported for each of them: its files are made once.
  // The years ascend, and a version once followed by the next is not in force again, so only the
  // current version's files are kept: keeping every version's to the codelist's end held 40–80 MB
  // a version for the largest, the API's peak of memory and garbage the young generation promoted.
  let current: { version: Version<CodelistVersion>; files: ReturnType<typeof versionFiles> } | undefined;
  for (const year of years) {
    const version = versionAt(entry, year)!;
    if (current?.version !== version) {
      // Let go of the last version's files before the next one's are made, not after.
      current = undefined;
      current = { version, files: versionFiles(entry, version, siteUrl, registry) };
    }
    const { files } = current;
    const at = { kind: "codelist" as const, id, year, lastChanged: version.year };
    const base = `codelists/${id}/${year}`;
    yield add({ ...at, path: `${base}.json`, format: "json", content: codelistYearJson(entry, year, version.year, files.versionJson, yearSite(registry, year, siteUrl)) });
    for (const f of files.formats) {
      // KLASS lists only the codes valid in the year: a code withdrawn inside the version's span makes the year's list its own.
      const own = f.ext === "klass.json" && klassYearKey(version, year) !== klassYearKey(version, version.year);
      const file = add({ ...at, path: `${base}.${f.ext}`, format: f.format, ...(own ? { content: json(klassCodes(entry, year)) } : { content: f.content, sha256: f.sha256, parts: f.parts }) });
      // Hashed as it is written, in the first year: written from the bytes hashed (`writeFiles`), linked in the others.
      if (!own) f.sha256 = file.sha256;
      yield file;
    }
  }
  for (const year of years.slice(1)) {
    const changes = diffCodelistTraced(registry, entry, year - 1, year);
    yield add({ kind: "codelist", id, year, format: "klass-json", path: `codelists/${id}/changes/${year - 1}-${year}.klass.json`, content: json(klassChanges(changes, year - 1, year, entry)) });
  }
  yield add({ kind: "feed", id: `kodelister/${id}`, format: "atom", path: `feeds/kodelister/${id}.atom`, content: codelistFeed(registry, id, siteUrl) });
}

const checkedSite = (siteUrl: string) => {
  const problem = siteAddressProblem(siteUrl);
  if (problem) throw new Error(`the site's address ${problem}: ${siteUrl}`);
  return normalisedSite(siteUrl);
};

/**
 * Every file of the static API under /api/v1/, one at a time, index.json last. Pure: the same
 * registry gives the same bytes. A generator because the whole API is larger than the heap at
 * KOSTRA scale; only each file's hash is kept for the index.
 */
export function* exportFiles(registry: Registry, siteUrl: string): Generator<ExportFile> {
  siteUrl = checkedSite(siteUrl);
  const { resources, add } = resourceIndex();

  for (const entry of registry.codelists.values()) yield* codelistFiles(registry, entry, siteUrl, add);

  for (const form of registry.forms.values()) {
    for (const year of registry.yearsOf(form)) {
      const version = versionAt(form, year)!;
      yield add({ kind: "form", id: form.meta.id, year, lastChanged: version.year, format: "json", path: `forms/${form.meta.id}/${year}.json`, content: formYearJson(form, year, version, assumedAt(registry, form, year), yearSite(registry, year, siteUrl)) });
      if (hasKontrollprogramExport(form, version.data)) yield add({ kind: "form", id: form.meta.id, year, lastChanged: version.year, format: "kontrollprogram-yaml", path: `forms/${form.meta.id}/${year}.kontrollprogram.yaml`, content: formToKontrollprogramYaml(registry, form, year, version.data) });
    }
    // SSB's changelog between neighbouring years of a fixed-width file extract (src/lib/diff/kontrollprogram-changelog.ts).
    for (const year of registry.yearsOf(form).slice(1)) {
      const changelog = kontrollprogramChangelog(registry, form, year - 1, year);
      if (changelog !== undefined) yield add({ kind: "form", id: form.meta.id, year, format: "kontrollprogram-changelog", path: `forms/${form.meta.id}/changelog-${year - 1}-${year}.md`, content: changelog });
    }
  }
  for (const i of registry.indicators.values()) yield add({ kind: "indicator", id: i.id, format: "json", path: `indicators/${i.id}.json`, content: exportJson("indicator", withCitedSources(i), siteUrl) });
  for (const t of registry.tables.values()) yield add({ kind: "table", id: t.number, format: "json", path: `tables/${t.number}.json`, content: exportJson("table", withCitedSources(t), siteUrl) });
  for (const { data, body } of registry.proposals.values()) yield add({ kind: "proposal", id: data.id, format: "json", path: `proposals/${data.id}.json`, content: exportJson("proposal", { proposal: withCitedSources(data), computedStatus: computedStatus(registry, data), body }, siteUrl) });
  for (const { data, body } of registry.meetings.values()) yield add({ kind: "meeting", id: data.id, format: "json", path: `meetings/${data.id}.json`, content: exportJson("meeting", { meeting: withCitedSources(data), body }, siteUrl) });
  for (const to of registry.reportingYears.slice(1)) {
    yield add({ kind: "changes", id: `${to - 1}-${to}`, year: to, format: "json", path: `changes/${to - 1}-${to}.json`, content: exportJson("change-set", diffRegistry(registry, to - 1, to), siteUrl) });
  }
  for (const lock of registry.published.values()) yield add({ kind: "published", id: String(lock.year), year: lock.year, format: "json", path: `published/${lock.year}.json`, content: publishedYearJson(lock, siteUrl) });
  yield add({ kind: "feed", id: "endringer", format: "atom", path: "feeds/endringer.atom", content: siteFeed(registry, siteUrl) });
  for (const id of registry.workingGroups.keys()) yield add({ kind: "feed", id: `arbeidsgrupper/${id}`, format: "atom", path: `feeds/arbeidsgrupper/${id}.atom`, content: workingGroupFeed(registry, id, siteUrl) });
  // The calendars are the site's /kalender/<year>.ics (written by its page from the same function): listed, not written here.
  for (const year of cycleYears(registry)) {
    resources.set(`calendar:${year}`, { kind: "calendar", id: String(year), files: [{ url: `/kalender/${year}.ics`, format: "icalendar", sha256: sha256(cycleToICalendar(registry, year, siteUrl)), year }] });
  }
  // The frozen files of a published year name their schema on the address of its lock (published-hashes.ts).
  const lockedSites = [...registry.published.values()].map(lockSite);
  for (const name of Object.keys(EXPORT_SCHEMAS) as SchemaName[]) yield add({ kind: "schema", id: name, format: "json-schema", path: `schemas/${name}.json`, content: json(jsonSchemaOf(name, siteUrl, FROZEN_SCHEMAS.has(name) ? lockedSites : [])) });
  yield add({ kind: "schema", id: "openapi", format: "openapi", path: "openapi.json", content: json(openApiDocument(siteUrl)) });
  // The DCAT-AP-NO catalogue of the datasets above and of this API, for data.norge.no (src/lib/export/dcat.ts).
  const catalog = catalogFiles(registry, siteUrl);
  yield add({ kind: "catalog", id: "catalog", format: "dcat-turtle", path: "catalog.ttl", content: catalog.turtle });
  yield add({ kind: "catalog", id: "catalog", format: "dcat-json-ld", path: "catalog.jsonld", content: catalog.jsonld });

  // The published years' frozen hashes go out with the index, so a consumer notices any change to them.
  const published = [...registry.published.values()]
    .sort((a, b) => a.year - b.year)
    .map((lock) => ({ year: lock.year, publishedAt: lock.publishedAt, corrections: lock.corrections.length, url: `/api/v1/published/${lock.year}.json`, sha256: sha256(publishedYearJson(lock, siteUrl)), files: lock.files }));
  const index: IndexExport = { api: "v1", resources: [...resources.values()], published };
  yield { kind: "schema", id: "index", format: "json", path: "index.json", content: exportJson("index", index, siteUrl) };
}

/**
 * Writes the static API into `<outDir>/api/v1/`, one file at a time. Synchronous on purpose: text
 * goes to the file from the reused buffer its checksum was made from (`bytesHashedLast`), else by
 * Node's UTF-8 path, never from a Buffer of its own, as the promise API made one per file: at
 * KOSTRA scale 6 GB of buffers outside the heap, each 64 MB of them a full collection.
 * `written` is told each path (as under the site, `api/v1/…`) with what went into it: the content
 * (and a zip's entries, `ExportFile.parts`), or nothing where the path is a link to content written before.
 */
export async function writeExports(registry: Registry, outDir: string, siteUrl: string, written?: WrittenHook): Promise<{ files: number; bytes: number }> {
  return writeFiles(exportFiles(registry, siteUrl), outDir, written);
}

type WrittenHook = (path: string, content: string | Uint8Array | undefined, parts?: readonly ZipEntry[]) => void;

/** Writes these files of the API (`exportFiles`) as `writeExports` does. */
export function writeFiles(exports: Iterable<ExportFile>, outDir: string, written?: WrittenHook): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const dirs = new Set<string>();
  // A codelist version's files are the same bytes in every year it is in force (most of the API at
  // KOSTRA scale): written once, then hard-linked. Each path is still a file of its own to readers.
  const made = new Map<string, { path: string; bytes: number }>();
  for (const f of exports) {
    const path = join(outDir, "api", "v1", f.path);
    const dir = dirname(path);
    if (!dirs.has(dir)) {
      dirs.add(dir);
      mkdirSync(dir, { recursive: true });
    }
    files++;
    const same = f.sha256 !== undefined ? made.get(f.sha256) : undefined;
    written?.(`api/v1/${f.path}`, same ? undefined : f.content, same ? undefined : f.parts);
    if (same) {
      linkSync(same.path, path);
      bytes += same.bytes;
    } else {
      // A text is written from the bytes its hash was made from, just before (`bytesHashedLast`), not encoded again.
      const encoded = typeof f.content === "string" ? bytesHashedLast(f.content) : f.content;
      writeFileSync(path, encoded ?? f.content);
      // Counted once per content: the count is for the log line, and a UTF-8 length takes a pass over the text.
      const size = encoded ? encoded.length : Buffer.byteLength(f.content);
      bytes += size;
      if (f.sha256 !== undefined) made.set(f.sha256, { path, bytes: size });
    }
  }
  return { files, bytes };
}
