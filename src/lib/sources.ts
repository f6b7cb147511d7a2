/** The source documents in the shared folder, as people refer to them ("kilde 001"). */
const DOCUMENTS: Record<string, string> = {
  "seeds/000_2ed11be61883ac3e.txt": "Kilde 000: Referat, KOSTRA arbeidsgruppe barnevern 06.05.2009",
  "seeds/001_82c6c90c8b3d8844.txt": "Kilde 001: KOSTRA arbeidsgrupperapport for barnevern (møte 20.04.2023)",
  "seeds/002_5f1e3493f1221d43.txt": "Kilde 002: ASSS indikatordefinisjoner for barnevern",
  "seeds/003_84659cdb50d76774.txt": "Kilde 003: Referat, KOSTRA arbeidsgruppe sosialtjenesten april 2013",
  "seeds/004_bf0f9d2bbffb6769.txt": "Kilde 004: Veileder for tilstandsrapportering i barnevernet",
};

export interface SourceCitation {
  /** Readable name of the document. */
  document: string;
  /** Section, type or other place in it. */
  locator?: string;
  /** The reference as written in the content. */
  raw: string;
}

/** Splits `path — locator` and names known documents. */
export function citeSource(ref: string): SourceCitation {
  const [path, ...rest] = ref.split(" — ");
  const locator = rest.join(" — ") || undefined;
  const known = DOCUMENTS[path.trim()];
  const fileName = path.trim().split("/").filter(Boolean).at(-1) ?? path;
  const document = known ?? (path.includes("barnevern-15F") ? `SSB 15F-referanse: ${fileName}` : path.trim());
  return { document, locator, raw: ref };
}

export function citeSources(source: string | string[]): SourceCitation[] {
  return (Array.isArray(source) ? source : [source]).map(citeSource);
}
