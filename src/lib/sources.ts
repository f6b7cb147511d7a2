/**
 * The source documents the content cites, and how a `source:` reference reads: the register is in
 * `sources/documents.ts`, the reading in `sources/cite.ts`, what the registry takes from each in
 * `sources/uses.ts`.
 */
export { SOURCE_DOCUMENTS, type SourceDocument } from "./sources/documents.ts";
export { citationText, citeSource, citeSources, readableLocator, sourceById, sourceOfPath, type Citation } from "./sources/cite.ts";
