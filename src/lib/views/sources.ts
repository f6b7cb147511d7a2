import type { Registry } from "../model/registry.ts";
import { SOURCE_DOCUMENTS, type SourceDocument } from "../sources/documents.ts";
import { sourceUses, USE_KINDS, type SourceUse, type UseKind } from "../sources/uses.ts";
import { urls } from "../site/urls.ts";

/** A source as the index lists it. */
export interface SourceSummary {
  id: string;
  title: string;
  author: string;
  date?: string;
  href: string;
  /** How many items of the registry cite it. */
  uses: number;
}

/** A source's page: the document and, by kind, what the registry takes from it. */
export interface SourceView {
  document: SourceDocument;
  author: string;
  groups: { kind: UseKind; uses: SourceUse[] }[];
  uses: number;
}

/** Shown where a document does not say who wrote it. */
export const NO_AUTHOR = "Ikke oppgitt i dokumentet";

/** The sources the registry cites (those cited by nothing are left out: a page about nothing helps no one). */
export function sourcesIndexView(registry: Registry): SourceSummary[] {
  const uses = sourceUses(registry);
  return SOURCE_DOCUMENTS.filter((d) => uses.has(d.id)).map((d) => ({
    id: d.id,
    title: d.title,
    author: d.author ?? NO_AUTHOR,
    date: d.date,
    href: urls.source(d.id),
    uses: uses.get(d.id)!.length,
  }));
}

/** The ids that get a page. */
export const sourceIds = (registry: Registry) => sourcesIndexView(registry).map((s) => s.id);

export function sourceView(registry: Registry, id: string): SourceView | undefined {
  const document = SOURCE_DOCUMENTS.find((d) => d.id === id);
  const uses = sourceUses(registry).get(id);
  if (!document || !uses) return undefined;
  const groups = USE_KINDS.map((kind) => ({ kind, uses: uses.filter((u) => u.kind === kind) })).filter((g) => g.uses.length > 0);
  return { document, author: document.author ?? NO_AUTHOR, groups, uses: uses.length };
}
