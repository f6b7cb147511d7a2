import { versionAt, type Registry, type Version, type Versioned } from "./registry.ts";

/**
 * A version the registry keeps in force beyond the last reporting year its sources cover: no
 * source says it changed, but none says it stayed the same either. `confirmedTo` on the version
 * marks where the sources stop; every later year it is in force is assumed, and says so on the
 * page, in the API and in the diff («ingen kilde», not «ingen endringer»).
 */
export interface AssumedSpan {
  /** The version's first reporting year. */
  from: number;
  /** The last reporting year a source shows the version for. */
  confirmedTo: number;
  /** The reporting years it is in force without a source, ascending. */
  years: number[];
}

type Entry = Versioned<{ discontinuedFrom?: number }, { validTo?: number; confirmedTo?: number }>;

/** The years a version is in force without a source, or undefined when the sources cover every year it is in force. */
export function assumedSpan(registry: Registry, entry: Entry, version: Version<{ validTo?: number; confirmedTo?: number }>): AssumedSpan | undefined {
  const confirmedTo = version.data.confirmedTo;
  if (confirmedTo === undefined) return undefined;
  const years = registry.yearsOf(entry).filter((y) => y > confirmedTo && versionAt(entry, y) === version);
  return years.length ? { from: version.year, confirmedTo, years } : undefined;
}

/** Whether the version in force in `year` is there only by assumption, and its span if so. */
export function assumedAt(registry: Registry, entry: Entry, year: number): AssumedSpan | undefined {
  const version = versionAt(entry, year);
  const span = version && assumedSpan(registry, entry, version);
  return span?.years.includes(year) ? span : undefined;
}

/** «antatt uendret fra 2023: ingen kilde for 2024–2026», as the site writes it. */
export function assumedLabel(span: AssumedSpan): string {
  const first = span.years[0];
  const last = span.years.at(-1)!;
  return `antatt uendret fra ${span.confirmedTo}: ingen kilde for ${first === last ? first : `${first}–${last}`}`;
}
