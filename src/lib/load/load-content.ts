import { statSync } from "node:fs";
import type { z } from "zod";
import { contentKinds, type ContentKind, type ContentKindName } from "../schema/index.ts";
import type { Finding } from "../findings/finding.ts";
import { Registry, type RegistryParts, type Version } from "../model/registry.ts";
import { discover, type DiscoveredFile } from "./discover.ts";
import { MAX_FILE_BYTES, parseYamlText } from "./yaml-text.ts";
import { parseMdxText } from "./mdx-text.ts";
import { readBounded } from "./read-bounded.ts";
import { findingAt, type SourceFile } from "../findings/source-file.ts";
import type { GuardedFile } from "../guard/personal-data.ts";
import { sha256, type Fingerprint } from "./fingerprint.ts";

/** A file that parsed and matched its schema. */
export interface LoadedFile {
  found: DiscoveredFile;
  file: SourceFile;
  data: Record<string, unknown>;
  body?: string;
  /** For MDX: how many lines of the file stand before the body, to place findings in the body. */
  linesBeforeBody?: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** How a content root is read. */
export interface LoadOptions {
  /** What each file gave the last time (the dev server's reloads). */
  cache?: LoadCache;
  /** The root was validated by this build already: MDX bodies are not compiled again to find syntax errors. */
  validated?: boolean;
  /**
   * Checks over each file's text as written and its parsed data, run whether or not the file parses
   * or matches its schema (validation's personal-data guard), while the text is in hand.
   */
  inspect?: (file: GuardedFile) => Finding[];
  /**
   * What files read before in this process gave, by path and SHA-256 of their bytes: `kostra review`
   * reads two roots (the work tree, then the base) that share all but the files a branch changed,
   * and an unchanged file is parsed and checked once. Only files that loaded are shared.
   */
  shared?: SharedLoads;
}

/** Loaded files by path and SHA-256 (see `LoadOptions.shared`). */
export type SharedLoads = Map<string, LoadedFile>;

/** Reads one content file: text, YAML or MDX, then its schema. */
export async function loadFile(found: DiscoveredFile, options: LoadOptions = {}): Promise<FileResult> {
  const whole = (message: string, expected: string): Finding => ({ severity: "error", file: found.path, line: 1, column: 1, message, expected });
  // Regular files only, their size checked before reading and the read bounded (read-bounded.ts).
  const read = await readBounded(found.absolute, MAX_FILE_BYTES);
  if ("problem" in read) return { findings: [whole(read.problem.message, read.problem.expected)] };
  const { bytes } = read;
  const digest = sha256(bytes);
  const sharedKey = `${found.path}\0${digest}`;
  const prior = options.shared?.get(sharedKey);
  if (prior) return { loaded: { ...prior, found }, findings: [], digest };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { findings: [whole("file is not valid UTF-8 text", "UTF-8 encoded text (convert from Latin-1 or Windows-1252)")], digest };
  }
  text = text.replace(/^\uFEFF/, "");
  const kind: ContentKind = contentKinds[found.kind];
  const parsed = kind.mdx ? await parseMdxText(text, found.path, !options.validated) : parseYamlText(text, found.path);
  // Checks over the text as written run on every file, also those that fail to parse or match their schema.
  const inspected = options.inspect?.({ path: found.path, text, data: parsed.findings.length ? undefined : parsed.data, file: parsed.file, body: "body" in parsed ? (parsed.body as string) : undefined }) ?? [];
  if (parsed.findings.length) return { findings: [...parsed.findings, ...inspected], digest };

  const { findings, data: output } = checkSchema(kind.schema, parsed.data, parsed.file, kind.name);
  findings.push(...inspected);
  // The registry holds the schema's output (text trimmed), so that exports read back equal it.
  const data = (output ?? parsed.data) as Record<string, unknown>;
  if (!findings.length) {
    const { idField } = kind;
    if ((found.kind === "calendar" || found.kind === "published") && data.year !== Number(found.id)) {
      findings.push(findingAt(parsed.file, ["year"], `year ${String(data.year)} does not match the file name`, found.id));
    }
    if (idField && data[idField] !== found.id) {
      findings.push(findingAt(parsed.file, [idField], `${idField} "${String(data[idField])}" does not match the file or folder name`, `"${found.id}"`));
    }
  }
  if (findings.length) return { findings, digest };
  const mdx = "body" in parsed ? (parsed as unknown as { body: string; linesBeforeBody: number }) : undefined;
  const loaded: LoadedFile = { found, file: parsed.file, data, body: mdx?.body, linesBeforeBody: mdx?.linesBeforeBody };
  options.shared?.set(sharedKey, loaded);
  return { loaded, findings, digest };
}

/** Parses with the schema: its output, or the issues as findings placed at the offending field. */
export function checkSchema(schema: z.ZodType, data: unknown, file: SourceFile, kindName: string): { findings: Finding[]; data?: unknown } {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { findings: [{ severity: "error", file: file.path, line: 1, column: 1, message: `the file does not hold a ${kindName.toLowerCase()}`, expected: "a YAML mapping of fields (see docs/content-format.md)" }] };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { findings: [], data: result.data };
  const findings: Finding[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const { line, column } = file.locateKey(path, key);
        findings.push({ severity: "error", file: file.path, line, column, field: [...path, key].join("."), message: `unknown field "${key}"`, expected: `only the fields documented for ${kindName} in docs/content-format.md` });
      }
    } else if (issue.code === "invalid_union") {
      findings.push(findingAt(file, path, "wrong type", "a text or a list of texts"));
    } else if (issue.code === "invalid_type" && issue.input === undefined) {
      findings.push(findingAt(file, path, "missing required field", `a value of type ${issue.expected}`));
    } else {
      findings.push(findingAt(file, path, issue.message, expectedFor(issue)));
    }
  }
  return { findings };
}

/** What reading one file gave: the file, if it loaded, its findings, and the SHA-256 of the bytes read, if it was read. */
type FileResult = { loaded?: LoadedFile; findings: Finding[]; digest?: string };

/** Files read at the same time. */
const OPEN_FILES = 64;

/**
 * What each file gave the last time it was read, by path, with its modification time and size:
 * the dev server passes it back so that a reload reads only the files that changed.
 */
export type LoadCache = Map<string, { stamp: string; result: FileResult }>;

/**
 * Reads a whole content root into a Registry; files with errors are left out and reported. The
 * fingerprint holds every file read, with the SHA-256 of its bytes.
 */
export async function loadContent(root: string, options: LoadOptions = {}): Promise<{ registry: Registry; loaded: LoadedFile[]; failed: DiscoveredFile[]; findings: Finding[]; fingerprint: Fingerprint }> {
  const { files, findings } = discover(root);
  const { cache } = options;
  const read = async (f: DiscoveredFile): Promise<FileResult> => {
    const stat = cache && statSync(f.absolute, { throwIfNoEntry: false });
    const stamp = stat ? `${stat.mtimeMs}:${stat.size}` : "";
    const seen = cache?.get(f.absolute);
    if (seen && stamp && seen.stamp === stamp) return seen.result;
    // Whatever a file holds, it ends in a finding, never a crash.
    const result = await loadFile(f, options).catch((e: unknown) => ({ loaded: undefined, findings: [{ severity: "error" as const, file: f.path, line: 1, column: 1, message: `could not be read: ${String((e as Error)?.message ?? e).split("\n")[0]}`, expected: "a well-formed content file (see docs/content-format.md)" }] }));
    cache?.set(f.absolute, { stamp, result });
    return result;
  };
  // A bounded number of files open at once: all of them at once ran out of file descriptors (EMFILE)
  // on a content root of 117,000 files.
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await read(files[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_FILES, files.length) }, worker));
  if (cache) {
    const present = new Set(files.map((f) => f.absolute));
    for (const path of cache.keys()) if (!present.has(path)) cache.delete(path);
  }
  const loaded: LoadedFile[] = [];
  const failed: DiscoveredFile[] = [];
  const fingerprint: Fingerprint = {};
  results.forEach((r, i) => {
    findings.push(...r.findings);
    if (r.digest) fingerprint[files[i].path] = r.digest;
    if (r.loaded) loaded.push(r.loaded);
    else failed.push(files[i]);
  });
  return { registry: assemble(loaded), loaded, failed, findings, fingerprint };
}

function assemble(loaded: LoadedFile[]): Registry {
  const parts: RegistryParts = {
    codelists: new Map(),
    forms: new Map(),
    workingGroups: new Map(),
    indicators: new Map(),
    tables: new Map(),
    meetings: new Map(),
    proposals: new Map(),
    reportTemplates: new Map(),
    reportTexts: new Map(),
    calendars: new Map(),
    published: new Map(),
    origins: new Map(),
  };
  const byKind = (kind: ContentKindName) => loaded.filter((l) => l.found.kind === kind);
  // Versions grouped once by kind and id: looking them up per item was quadratic in the corpus.
  const versions = new Map<string, Version<never>[]>();
  for (const l of loaded) {
    if (l.found.year === undefined) continue;
    const key = `${l.found.kind}:${l.found.id}`;
    const list = versions.get(key) ?? [];
    list.push({ year: l.found.year, data: l.data as never });
    versions.set(key, list);
  }
  const versionsOf = (kind: ContentKindName, id: string): Version<never>[] => (versions.get(`${kind}:${id}`) ?? []).sort((a, b) => a.year - b.year);

  for (const l of loaded) parts.origins.set(l.data, l.file);
  for (const l of byKind("codelist")) parts.codelists.set(l.found.id, { meta: l.data as never, versions: versionsOf("codelistVersion", l.found.id) });
  for (const l of byKind("form")) parts.forms.set(l.found.id, { meta: l.data as never, versions: versionsOf("formVersion", l.found.id) });
  for (const l of byKind("workingGroup")) parts.workingGroups.set(l.found.id, l.data as never);
  for (const l of byKind("indicator")) parts.indicators.set(l.found.id, l.data as never);
  for (const l of byKind("table")) parts.tables.set(l.found.id, l.data as never);
  for (const l of byKind("meeting")) parts.meetings.set(l.found.id, { data: l.data as never, body: l.body ?? "" });
  for (const l of byKind("published")) parts.published.set(Number(l.found.id), l.data as never);
  for (const l of byKind("calendar")) parts.calendars.set(Number(l.found.id), l.data as never);
  for (const l of byKind("reportTemplate")) parts.reportTemplates.set(l.found.id, l.data as never);
  for (const l of byKind("reportText")) parts.reportTexts!.set(l.found.id, l.data as never);
  for (const l of byKind("proposal")) parts.proposals.set(l.found.id, { data: l.data as never, body: l.body ?? "" });
  return new Registry(parts);
}

/** What would have been right, in words, for a zod issue. */
function expectedFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `a value of type ${issue.expected}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "array" ? `at least ${issue.minimum} item(s)` : issue.origin === "string" ? "a non-empty text" : `at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array" ? `at most ${issue.maximum} item(s)` : `at most ${issue.maximum}`;
    case "invalid_format":
      return issue.format === "regex" ? "text of the documented form (see docs/content-format.md)" : `a ${issue.format}`;
    default:
      return "a value as documented in docs/content-format.md";
  }
}
