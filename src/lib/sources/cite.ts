import { urls } from "../site/urls.ts";
import { SOURCE_DOCUMENTS, type SourceDocument } from "./documents.ts";

/** One `source:` reference, read: which document, which place in it, and where its page is. */
export interface Citation {
  /** The document in the register; undefined for a path no source claims (validation should catch it). */
  document?: SourceDocument;
  /** The document's title (or, unknown, a plain name). */
  title: string;
  /** Section, type, date or other place in the document, in readable words. */
  section?: string;
  /** The page of the source on the site. */
  url?: string;
  /** The reference as written in the content (for editors and validation; never shown). */
  raw: string;
}

/** The source that claims a path: the longest of the register's paths that equals it or that it starts with. */
export function sourceOfPath(path: string): SourceDocument | undefined {
  let best: { doc: SourceDocument; length: number } | undefined;
  for (const doc of SOURCE_DOCUMENTS) {
    for (const p of doc.paths) {
      if ((path === p || path.startsWith(p)) && (!best || p.length > best.length)) best = { doc, length: p.length };
    }
  }
  return best?.doc;
}

export const sourceById = (id: string) => SOURCE_DOCUMENTS.find((d) => d.id === id);

/**
 * A locator as written in the content, in words a reader can follow: XSD attribute paths
 * (`KategoriType/@Kode`) and the editors' English («snapshots 2018-04-23 to …») in Norwegian.
 */
export function readableLocator(locator: string): string {
  return locator
    .replace(/\/@/g, ", attributt ")
    .replace(/\bsnapshots\b/g, "versjonene")
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, "$3.$2.$1")
    .replace(/ to (\d)/g, " til $1")
    .trim()
    .replace(/\.$/, "")
    .replace(/\)$/, (m, at: number, s: string) => (s.slice(0, at).includes("(") ? m : ""));
}

/** Reads `path — locator` (the format of `source:`). */
export function citeSource(ref: string): Citation {
  const [head, ...rest] = ref.split(" — ");
  const path = head.trim();
  const locator = rest.join(" — ").trim() || undefined;
  const document = sourceOfPath(path);
  const fileName = path.endsWith("/") ? undefined : path.split("/").at(-1);
  const fileSection = fileName && document?.fileSection?.(fileName);
  const section = [fileSection, locator && readableLocator(locator)].filter(Boolean).join(", ") || undefined;
  if (!document) return { title: fileName ?? path, section, raw: ref };
  return { document, title: document.title, section, url: urls.source(document.id), raw: ref };
}

/** Every reference of a `source:` value (one string or a list), read. */
export function citeSources(source: string | string[]): Citation[] {
  return (Array.isArray(source) ? source : [source]).map(citeSource);
}

/** A citation as one line of text: «title, section». */
export const citationText = (c: Pick<Citation, "title" | "section">) => (c.section ? `${c.title}, ${c.section}` : c.title);

/**
 * Whether a key and value inside content are a `source:` citation (a path, or a list of them): the
 * one test by which the exports cite sources by title and a source's page finds what cites it.
 */
export const isSourceField = (key: string, value: unknown): value is string | string[] =>
  key === "source" && (typeof value === "string" || (Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === "string")));

