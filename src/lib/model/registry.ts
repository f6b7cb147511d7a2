import type { PublishedYear, Calendar, Codelist, CodelistVersion, Form, FormVersion, Indicator, Meeting, Proposal, ReportTemplate, ReportText, StatbankTable, WorkingGroup } from "../schema/index.ts";
import type { SourceFile } from "../findings/source-file.ts";

/** One version of a versioned item, named by the first reporting year it applies to. */
export interface Version<T> {
  year: number;
  data: T;
}

/** A versioned item: its metadata and its versions, oldest first. */
export interface Versioned<M, V> {
  meta: M;
  versions: Version<V>[];
}

/** An MDX item: front matter and body. */
export interface WithBody<T> {
  data: T;
  body: string;
}

export type CodelistEntry = Versioned<Codelist, CodelistVersion>;
export type FormEntry = Versioned<Form, FormVersion>;

export interface RegistryParts {
  codelists: Map<string, CodelistEntry>;
  forms: Map<string, FormEntry>;
  workingGroups: Map<string, WorkingGroup>;
  indicators: Map<string, Indicator>;
  tables: Map<string, StatbankTable>;
  meetings: Map<string, WithBody<Meeting>>;
  proposals: Map<string, WithBody<Proposal>>;
  reportTemplates: Map<string, ReportTemplate>;
  /** The texts of working groups' annual reports, by `<group>-<year>`; optional for registries made in code. */
  reportTexts?: Map<string, ReportText>;
  calendars: Map<number, Calendar>;
  published: Map<number, PublishedYear>;
  origins: Map<object, SourceFile>;
}

/** The whole registry in memory, all years; built once per build or CLI run and never changed. */
export class Registry {
  readonly codelists: ReadonlyMap<string, CodelistEntry>;
  readonly forms: ReadonlyMap<string, FormEntry>;
  readonly workingGroups: ReadonlyMap<string, WorkingGroup>;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly tables: ReadonlyMap<string, StatbankTable>;
  readonly meetings: ReadonlyMap<string, WithBody<Meeting>>;
  readonly proposals: ReadonlyMap<string, WithBody<Proposal>>;
  readonly reportTemplates: ReadonlyMap<string, ReportTemplate>;
  /** The texts of working groups' annual reports, by `<group>-<year>` (content/reports/). */
  readonly reportTexts: ReadonlyMap<string, ReportText>;
  readonly calendars: ReadonlyMap<number, Calendar>;
  /** The published reporting years and their locks. */
  readonly published: ReadonlyMap<number, PublishedYear>;
  /** Every reporting year from the first version of anything to the last, ascending. */
  readonly reportingYears: readonly number[];
  readonly #origins: Map<object, SourceFile>;

  constructor(parts: RegistryParts) {
    this.codelists = parts.codelists;
    this.forms = parts.forms;
    this.workingGroups = parts.workingGroups;
    this.indicators = parts.indicators;
    this.tables = parts.tables;
    this.meetings = parts.meetings;
    this.proposals = parts.proposals;
    this.reportTemplates = parts.reportTemplates;
    this.reportTexts = parts.reportTexts ?? new Map();
    this.calendars = parts.calendars;
    this.published = parts.published;
    this.#origins = parts.origins;
    const years = [...parts.codelists.values(), ...parts.forms.values()].flatMap((e) => e.versions.map((v) => v.year));
    const first = Math.min(...years);
    const last = Math.max(...years);
    this.reportingYears = years.length ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
  }

  /** The file an item was read from. */
  originOf(item: object): SourceFile | undefined {
    return this.#origins.get(item);
  }

  /**
   * The same content without the files it was read from. The source files keep every file's text
   * and, once a finding has asked for a line, its parsed YAML document; a build that has validated
   * no longer needs them, and they were half the memory the registry held after validation.
   * Values computed for this registry (memoised diffs) are not carried over.
   */
  withoutSources(): Registry {
    return new Registry({ codelists: new Map(this.codelists), forms: new Map(this.forms), workingGroups: new Map(this.workingGroups), indicators: new Map(this.indicators), tables: new Map(this.tables), meetings: new Map(this.meetings), proposals: new Map(this.proposals), reportTemplates: new Map(this.reportTemplates), reportTexts: new Map(this.reportTexts), calendars: new Map(this.calendars), published: new Map(this.published), origins: new Map() });
  }

  /** The last reporting year the registry covers. */
  get lastYear(): number | undefined {
    return this.reportingYears.at(-1);
  }

  /** The reporting years a versioned item applies to, ascending. */
  yearsOf(entry: Versioned<{ discontinuedFrom?: number }, { validTo?: number }>): number[] {
    const last = this.lastYear;
    if (last === undefined) return [];
    const end = entry.meta.discontinuedFrom !== undefined ? entry.meta.discontinuedFrom - 1 : last;
    return this.reportingYears.filter((y) => y <= end && versionAt(entry, y) !== undefined);
  }
}

/** The version of an item in force in a reporting year, if any. */
export function versionAt<V extends { validTo?: number }>(
  entry: Versioned<{ discontinuedFrom?: number }, V>,
  year: number,
): Version<V> | undefined {
  if (entry.meta.discontinuedFrom !== undefined && year >= entry.meta.discontinuedFrom) return undefined;
  let found: Version<V> | undefined;
  for (const v of entry.versions) if (v.year <= year) found = v;
  if (found?.data.validTo !== undefined && year > found.data.validTo) return undefined;
  return found;
}
