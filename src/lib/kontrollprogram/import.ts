import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, sep } from "node:path";
import jsYaml from "js-yaml";
import { isDeepStrictEqual } from "node:util";
import type { FormVersion } from "../schema/index.ts";
import type { Finding } from "../findings/finding.ts";
import { guardFile } from "../guard/personal-data.ts";
import { withValues } from "./content-yaml.ts";
import type { SsbFileDescription } from "./format.ts";
import { parseFileDescription } from "./parse.ts";
import { formIdOf, toForm, toFormVersion } from "./to-content.ts";

export interface ImportOptions {
  /** Working group of a form whose `form.yaml` does not exist yet. */
  workingGroup?: string;
}

export interface ImportResult {
  /** What was written, one line each: the file (relative to the content root) and what it holds. */
  written: string[];
  /** Problems with the input; when there are any, nothing is written. */
  findings: Finding[];
}

/**
 * How content cites a file description: its path below the shared source folder when it lies in
 * one (`reference/kontrollprogram/file_description_55F_2025.yaml`), else as if it lay in the
 * control program's reference folder.
 */
export function sourceOf(file: string): string {
  const parts = file.split(sep).join("/");
  const at = parts.lastIndexOf("/reference/");
  return at >= 0 ? parts.slice(at + 1) : `reference/kontrollprogram/${basename(file)}`;
}

/** The keys the import writes in a version file; the others (note, controls, validTo, legalBasis) are the editors' and kept. */
const IMPORTED_KEYS = ["title", "description", "source", "records"] as const;

const imported = (v: FormVersion) => Object.fromEntries(IMPORTED_KEYS.filter((k) => k !== "source").map((k) => [k, v[k]]));

/**
 * `kostra import kontrollprogram`: SSB's file descriptions into `content/forms/<id>/<year>.yaml`
 * (and `form.yaml` when the form is new). A year gets a file of its own only where it differs from
 * the version in force the year before (title, description, records); an existing year file keeps
 * what the import does not write. Every input is read and checked before anything is written.
 */
export function importFileDescriptions(root: string, files: string[], options: ImportOptions = {}): ImportResult {
  const findings: Finding[] = [];
  const descriptions: { file: string; d: SsbFileDescription }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      findings.push({ severity: "error", file, line: 1, column: 1, message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, expected: "a file_description_<form>_<year>.yaml from SSB's control program" });
      continue;
    }
    // The content guard's own rules, before anything is written: a national identity number (or
    // unclean text) in a description would otherwise be copied into content and found only later.
    const guarded = guardFile({ path: file, text }, new Set());
    findings.push(...guarded);
    if (guarded.length) continue;
    const parsed = parseFileDescription(text, file);
    findings.push(...parsed.findings);
    if (parsed.description) descriptions.push({ file, d: parsed.description });
  }
  const seen = new Map<string, string>();
  for (const { file, d } of descriptions) {
    const key = `${formIdOf(d)} ${d.reportingYear}`;
    if (seen.has(key)) findings.push({ severity: "error", file, line: 1, column: 1, message: `a second file description of ${d.id || d.title} ${d.reportingYear} (the first: ${seen.get(key)})`, expected: "one file per form and year" });
    seen.set(key, file);
  }
  for (const { file, d } of descriptions) {
    const formFile = join(root, "content", "forms", formIdOf(d), "form.yaml");
    if (!existsSync(formFile) && !options.workingGroup) findings.push({ severity: "error", file, line: 1, column: 1, message: `the form ${formIdOf(d)} is new (no content/forms/${formIdOf(d)}/form.yaml)`, expected: "--working-group <id> to name its working group" });
  }
  if (findings.length) return { written: [], findings };

  const written: string[] = [];
  const byForm = Map.groupBy(descriptions, ({ d }) => formIdOf(d));
  for (const [id, list] of byForm) {
    const folder = join(root, "content", "forms", id);
    mkdirSync(folder, { recursive: true });
    list.sort((a, b) => a.d.reportingYear - b.d.reportingYear);
    const formFile = join(folder, "form.yaml");
    if (!existsSync(formFile)) {
      writeFileSync(formFile, withValues(undefined, toForm(list[0].d, options.workingGroup!, sourceOf(list[0].file))));
      written.push(`content/forms/${id}/form.yaml (${list[0].d.title})`);
    }
    for (const { file, d } of list) {
      const version = toFormVersion(d, sourceOf(file));
      const path = join(folder, `${d.reportingYear}.yaml`);
      const rel = `content/forms/${id}/${d.reportingYear}.yaml`;
      const before = versionBefore(folder, d.reportingYear);
      if (!existsSync(path) && before && isDeepStrictEqual(imported(before), imported(version))) {
        written.push(`${rel}: not written, ${d.reportingYear} is as the version in force before it`);
        continue;
      }
      const existing = existsSync(path) ? readFileSync(path, "utf8") : undefined;
      writeFileSync(path, withValues(existing, { ...version, source: withEditorsSources(version.source as string, existing) }));
      const codes = version.records![0].fields.reduce((n, f) => n + (f.codes?.length ?? 0), 0);
      written.push(`${rel} (${d.title} ${d.reportingYear}: ${d.fields.length} fields, ${codes} codes)`);
    }
  }
  return { written, findings: [] };
}

/**
 * The version's sources: the file description first, then whatever else the file already cites
 * (editors add the sources of the controls they write).
 */
function withEditorsSources(source: string, existing: string | undefined): string | string[] {
  const before = existing === undefined ? undefined : (jsYaml.load(existing, { schema: jsYaml.CORE_SCHEMA }) as { source?: unknown } | null)?.source;
  const others = (Array.isArray(before) ? before : typeof before === "string" ? [before] : []).filter((s): s is string => typeof s === "string" && s !== source);
  return others.length ? [source, ...others] : source;
}

/** The version file in force the year before `year` in a form's folder, as written there. */
function versionBefore(folder: string, year: number): FormVersion | undefined {
  const years = readdirSync(folder)
    .map((f) => /^(\d{4})\.yaml$/.exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .filter((y) => y < year);
  if (!years.length) return undefined;
  const data = jsYaml.load(readFileSync(join(folder, `${Math.max(...years)}.yaml`), "utf8"), { schema: jsYaml.CORE_SCHEMA }) as FormVersion;
  return data.validTo !== undefined && data.validTo < year ? undefined : data;
}
