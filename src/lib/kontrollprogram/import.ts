import { mkdirSync, writeFileSync } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { basename, dirname, join, sep } from "node:path";
import jsYaml from "js-yaml";
import { isDeepStrictEqual } from "node:util";
import { Id } from "../schema/common.ts";
import type { FormVersion } from "../schema/index.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt, type SourceFile } from "../findings/source-file.ts";
import { findNationalIds } from "../guard/find-national-ids.ts";
import { guardFile } from "../guard/personal-data.ts";
import { readBounded, type ReadProblem } from "../load/read-bounded.ts";
import { MAX_FILE_BYTES } from "../load/yaml-text.ts";
import { withValues } from "./content-yaml.ts";
import type { SsbFileDescription } from "./format.ts";
import { parseFileDescription } from "./parse.ts";
import { formIdOf, ssbPathOf, toForm, toFormVersion } from "./to-content.ts";

/** A content file the import would write, with the file description it is made from. */
export interface PlannedFile {
  /** Path relative to the content root, forward slashes (`content/forms/55f/2025.yaml`). */
  path: string;
  /** The whole text it would hold. */
  text: string;
  kind: "form" | "formVersion";
  /** The file description it is made from, as given, and where each of its fields is written. */
  input: { file: string; source: SourceFile };
}

/**
 * The checks `kostra validate` makes, over the content root as it would be with `planned` written:
 * the errors in the planned files (src/lib/validate/planned-files.ts; passed in, since validation
 * is a later stage than this one).
 */
export type CheckPlanned = (root: string, planned: readonly PlannedFile[]) => Promise<Finding[]>;

export interface ImportOptions {
  /** Working group of a form whose `form.yaml` does not exist yet. */
  workingGroup?: string;
  /** Validation of what would be written; nothing is written when it finds an error. */
  check: CheckPlanned;
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

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A file's text, read as validation reads content (read-bounded.ts): a regular file of at most
 * validation's size limit, valid UTF-8, without a byte-order mark. A FIFO or a device is never
 * opened for reading, so none can hang the import.
 */
async function readText(path: string): Promise<{ text: string } | { problem: ReadProblem }> {
  const read = await readBounded(path, MAX_FILE_BYTES);
  if ("problem" in read) return read;
  try {
    return { text: utf8.decode(read.bytes).replace(/^\uFEFF/, "") };
  } catch {
    return { problem: { message: "file is not valid UTF-8 text", expected: "UTF-8 encoded text" } };
  }
}

/**
 * The form id a description gives must name a folder: an id made only of letters outside a–z
 * (`"ÆØÅ"`), or empty with a title that gives none, would put `form.yaml` in `content/forms/` itself.
 */
function formIdProblem(d: SsbFileDescription, source: SourceFile): Finding | undefined {
  const id = formIdOf(d);
  if (Id.safeParse(id).success) return undefined;
  const given = d.id ? `id ${JSON.stringify(d.id)} gives` : `id "" and title ${JSON.stringify(d.title)} give`;
  return findingAt(source, ["id"], `${given} no form id${id ? ` (${JSON.stringify(id)})` : ""}`, `an id with letters a–z or digits, e.g. "55F": in lower case, with hyphens for other characters, it names the form and its folder (content/forms/55f/)`);
}

/**
 * `kostra import kontrollprogram`: SSB's file descriptions into `content/forms/<id>/<year>.yaml`
 * (and `form.yaml` when the form is new). A year gets a file of its own only where it differs from
 * the version in force the year before (title, description, records); an existing year file keeps
 * what the import does not write. Every input is read as validation reads content and checked, and
 * every file the import would write passes validation's checks (`options.check`), before anything
 * is written; problems are reported where the input says what causes them.
 */
export async function importFileDescriptions(root: string, files: string[], options: ImportOptions): Promise<ImportResult> {
  const findings: Finding[] = [];
  const descriptions: { file: string; d: SsbFileDescription; source: SourceFile }[] = [];
  for (const file of files) {
    const whole = (message: string, expected: string): Finding => ({ severity: "error", file, line: 1, column: 1, message, expected });
    // The name is copied into `source:`, so the guard reads it as it reads content file names.
    if (findNationalIds(sourceOf(file)).length) {
      findings.push(whole("the file name looks like it holds a national identity number; it would be copied into the content's source: and published", "a file name without personal data, e.g. file_description_55F_2025.yaml"));
      continue;
    }
    const read = await readText(file);
    if ("problem" in read) {
      findings.push(whole(read.problem.message, read.problem.expected));
      continue;
    }
    const { text } = read;
    // The content guard's own rules, before anything is written: a national identity number (or
    // unclean text) in a description would otherwise be copied into content and found only later.
    const guarded = guardFile({ path: file, text }, new Set());
    findings.push(...guarded);
    if (guarded.length) continue;
    const parsed = parseFileDescription(text, file);
    findings.push(...parsed.findings);
    if (!parsed.description || !parsed.file) continue;
    const badId = formIdProblem(parsed.description, parsed.file);
    if (badId) findings.push(badId);
    else descriptions.push({ file, d: parsed.description, source: parsed.file });
  }
  const seen = new Map<string, string>();
  for (const { file, d } of descriptions) {
    const key = `${formIdOf(d)} ${d.reportingYear}`;
    if (seen.has(key)) findings.push({ severity: "error", file, line: 1, column: 1, message: `a second file description of ${d.id || d.title} ${d.reportingYear} (the first: ${seen.get(key)})`, expected: "one file per form and year" });
    seen.set(key, file);
  }
  for (const { file, d } of descriptions) {
    const formFile = join(root, "content", "forms", formIdOf(d), "form.yaml");
    if (!(await exists(formFile)) && !options.workingGroup) findings.push({ severity: "error", file, line: 1, column: 1, message: `the form ${formIdOf(d)} is new (no content/forms/${formIdOf(d)}/form.yaml)`, expected: "--working-group <id> to name its working group" });
  }
  if (findings.length) return { written: [], findings };

  // What would be written, in order; nothing is written until all of it has passed validation.
  const written: string[] = [];
  const planned: PlannedFile[] = [];
  // A plain loop, not Map.groupBy: the command runs on the machine's own Node too, and Node 20 has none.
  const byForm = new Map<string, typeof descriptions>();
  for (const entry of descriptions) {
    const id = formIdOf(entry.d);
    if (!byForm.has(id)) byForm.set(id, []);
    byForm.get(id)!.push(entry);
  }
  for (const [id, list] of byForm) {
    const folder = `content/forms/${id}`;
    const present = new Set(await readdir(join(root, folder)).catch(() => [] as string[]));
    list.sort((a, b) => a.d.reportingYear - b.d.reportingYear);
    if (!present.has("form.yaml")) {
      const first = list[0];
      planned.push({ path: `${folder}/form.yaml`, kind: "form", input: first, text: withValues(undefined, toForm(first.d, options.workingGroup!, sourceOf(first.file))) });
      written.push(`${folder}/form.yaml (${first.d.title})`);
    }
    for (const input of list) {
      const { file, d } = input;
      const version = toFormVersion(d, sourceOf(file));
      const rel = `${folder}/${d.reportingYear}.yaml`;
      try {
        const before = await versionBefore(root, folder, present, d.reportingYear, planned);
        if (!present.has(`${d.reportingYear}.yaml`) && before && isDeepStrictEqual(imported(before), imported(version))) {
          written.push(`${rel}: not written, ${d.reportingYear} is as the version in force before it`);
          continue;
        }
        const existing = present.has(`${d.reportingYear}.yaml`) ? await contentText(root, rel) : undefined;
        planned.push({ path: rel, kind: "formVersion", input, text: withValues(existing, { ...version, source: withEditorsSources(version.source as string, existing) }) });
      } catch (e) {
        findings.push({ severity: "error", file: e instanceof ContentProblem ? e.path : rel, line: 1, column: 1, message: e instanceof ContentProblem ? e.message : `could not be updated: ${String((e as Error)?.message ?? e).split("\n")[0]}`, expected: e instanceof ContentProblem ? e.expected : "a content file that validates (npx kostra validate)" });
        continue;
      }
      const codes = version.records![0].fields.reduce((n, f) => n + (f.codes?.length ?? 0), 0);
      written.push(`${rel} (${d.title} ${d.reportingYear}: ${d.fields.length} fields, ${codes} codes)`);
    }
  }
  if (findings.length) return { written: [], findings };

  // Validation's checks over what would be written, reported where the input gives the value.
  const refused = planned.length ? atInput(await options.check(root, planned), planned) : [];
  if (refused.length) return { written: [], findings: refused };

  for (const p of planned) {
    mkdirSync(dirname(join(root, p.path)), { recursive: true });
    writeFileSync(join(root, p.path), p.text);
  }
  return { written, findings: [] };
}

/** Whether a path exists (as anything: a FIFO there is not opened). */
const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/**
 * Findings about planned content files, each where the file description gives the value
 * (`fields.3.from` for `records.0.fields.3.position`); a finding about what the description does
 * not give (the working group, an editor's control) is reported at the description's first line,
 * naming the content file and field.
 */
function atInput(findings: Finding[], planned: readonly PlannedFile[]): Finding[] {
  const byPath = new Map(planned.map((p) => [p.path, p]));
  return findings.flatMap((f): Finding[] => {
    const p = byPath.get(f.file);
    if (!p || f.severity !== "error") return [];
    const path = f.field?.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const ssb = path && ssbPathOf(p.kind, path);
    if (ssb) return [findingAt(p.input.source, ssb, f.message, f.expected)];
    return [{ severity: "error", file: p.input.file, line: 1, column: 1, message: `${f.file} would not validate: ${f.field ? `${f.field}: ` : ""}${f.message}`, expected: f.expected }];
  });
}

/** A problem with a content file the import reads (the year file it updates, the one before). */
class ContentProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly expected: string,
  ) {
    super(message);
  }
}

/** A content file's text, read as validation reads it; a ContentProblem when it cannot be. */
async function contentText(root: string, rel: string): Promise<string> {
  const read = await readText(join(root, rel));
  if ("problem" in read) throw new ContentProblem(rel, read.problem.message, read.problem.expected);
  return read.text;
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

/**
 * The version in force the year before `year` in a form's folder: the latest earlier year the
 * import plans to write, else the latest earlier year file there, as written.
 */
async function versionBefore(root: string, folder: string, present: ReadonlySet<string>, year: number, planned: readonly PlannedFile[]): Promise<FormVersion | undefined> {
  const years = [...present, ...planned.filter((p) => p.kind === "formVersion" && p.path.startsWith(`${folder}/`)).map((p) => p.path.slice(folder.length + 1))]
    .map((f) => /^(\d{4})\.yaml$/.exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .filter((y) => y < year);
  if (!years.length) return undefined;
  const rel = `${folder}/${Math.max(...years)}.yaml`;
  const text = planned.find((p) => p.path === rel)?.text ?? (await contentText(root, rel));
  const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as FormVersion | null;
  if (data === null || typeof data !== "object") return undefined;
  return data.validTo !== undefined && data.validTo < year ? undefined : data;
}
