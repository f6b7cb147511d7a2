import { versionAt, type Registry } from "../model/registry.ts";
import { lookupVariables } from "../rules/context.ts";
import type { FormVersion } from "../schema/form-version.ts";
import type { RecordField, RecordFieldCode } from "../schema/record.ts";
import { codesKey, type CheckPlan, type FieldCodes, type ProgramSchema } from "./plan.ts";
import type { PlanChange } from "./next-year.ts";
import { diffRegistry } from "../diff/index.ts";
import { CHANGE_TYPE_NB } from "../diff/labels.ts";
import { aspectNb, changeRefNb, changeWhatNb } from "../diff/describe-nb.ts";
import { urls } from "../site/urls.ts";

/** Why no plan could be made: the form is unknown, or has no file extract in force that year. */
export interface NoPlan {
  problem: string;
}

/**
 * The plan for checking a form's files in a reporting year: the version in force that year
 * (`versionAt`), and for each code field the codes valid that year and those withdrawn by then
 * (deprecated with `withdrawnFrom` ≤ the year, or in the previous year's list but not this year's).
 */
export function checkPlan(registry: Registry, formId: string, year: number, options: { changes?: boolean } = {}): CheckPlan | NoPlan {
  const entry = registry.forms.get(formId);
  if (!entry) return { problem: `Ukjent skjema «${formId}». Skjemaene er: ${[...registry.forms.keys()].sort().join(", ")}.` };
  const version = versionAt(entry, year);
  if (!version) return { problem: `Skjema ${entry.meta.number} har ingen versjon i ${year}.` };
  const records = version.data.records ?? [];
  if (!records.length) return { problem: `Skjema ${entry.meta.number} er ikke et filuttrekk i ${year}: det har ingen poster å sjekke en fil mot.` };
  const layout = records.some((r) => r.path !== undefined) ? "xml" : "fixed-width";
  const codes: Record<string, FieldCodes> = {};
  const before = versionAt(entry, year - 1);
  const after = entry.versions.filter((v) => v.year > version.year);
  for (const record of records) for (const field of record.fields) {
    const own = (v: FormVersion | undefined) => v?.records?.find((r) => r.id === record.id)?.fields.find((f) => f.name === field.name)?.codes;
    const found = field.codes ? ownCodes(field.codes, year, before && before !== version ? own(before.data) : undefined, after.map((v) => ({ year: v.year, codes: own(v.data) }))) : fieldCodes(registry, field, year);
    if (found) codes[codesKey(record.id, field.name)] = found;
  }
  const variables = lookupVariables(version.data, (id, from) => registry.codelists.get(id)?.versions.find((v) => v.year === from)?.data.codes);
  const changes = options.changes ? planChanges(registry, formId, year) : undefined;
  const latest = entry.versions.at(-1)!;
  const program = entry.meta.controlProgramSchema === "latest" && latest !== version ? programSchema(registry, latest.data, latest.year) : undefined;
  return { form: formId, number: entry.meta.number, year, versionYear: version.year, layout, version: version.data, variables, codes, ...(program ? { program } : {}), ...(changes ? { changes } : {}) };
}

/**
 * What SSB's program accepts when it checks every year against its one current description: the
 * latest version's records and fields, each code field with every code of its list as that version
 * binds it, withdrawn ones included (the XSD's enumerations keep them; grouping codes are not codes).
 */
function programSchema(registry: Registry, version: FormVersion, year: number): ProgramSchema {
  const codesOf = (field: RecordField): string[] | undefined =>
    field.codes ? field.codes.map((c) => c.code) : boundVersion(registry, field, year)?.data.codes.filter((c) => c.selectable !== false).map((c) => c.code);
  return {
    versionYear: year,
    records: (version.records ?? []).flatMap((r) => {
      if (r.path === undefined) return [];
      const fields = r.fields.map((f) => {
        const codes = codesOf(f);
        return { path: f.path ?? f.name, mandatory: f.mandatory === true, ...(codes ? { codes } : {}) };
      });
      return [{ path: r.path, fields }];
    }),
  };
}

/** The version of a field's codelist it takes in `year`: the one it pins, else the one in force. */
function boundVersion(registry: Registry, field: RecordField, year: number) {
  const entry = field.codelist && registry.codelists.get(field.codelist.codelist);
  if (!entry) return undefined;
  const pinned = field.codelist!.year;
  return pinned !== undefined ? entry.versions.find((v) => v.year === pinned) : versionAt(entry, year);
}

/**
 * The form's changes from the year before `year` (the change set of the registry, `diff/`), as the
 * plan carries them: each in Norwegian, with its row on the form's change page. Empty when the
 * year before is not a reporting year of the registry.
 */
export function planChanges(registry: Registry, formId: string, year: number): PlanChange[] {
  if (!registry.reportingYears.includes(year - 1) || !registry.reportingYears.includes(year)) return [];
  return diffRegistry(registry, year - 1, year)
    .changes.filter((c) => c.itemKind === "form" && c.item === formId)
    .map((c) => {
      const what = changeWhatNb(c);
      const aspect = aspectNb(c);
      const text = `${CHANGE_TYPE_NB[c.type]}: ${changeRefNb(c)}${what ? ` (${aspect ? `${aspect.toLowerCase()}: ` : ""}${what.length > 160 ? `${what.slice(0, 157)}…` : what})` : ""}`;
      return {
        id: c.id,
        type: c.type,
        ...(c.element !== undefined ? { element: c.element } : {}),
        ...(c.elementKind !== undefined ? { elementKind: c.elementKind } : {}),
        ...(c.code !== undefined ? { code: c.code } : {}),
        ...(c.aspect !== undefined ? { aspect: c.aspect } : {}),
        text,
        href: urls.formChange(formId, year - 1, year, c.id),
      };
    });
}

/**
 * A field's own code list (fixed-width extracts): withdrawn are the codes of the previous year's
 * version that this year's lacks; later those a later version adds.
 */
function ownCodes(codes: RecordFieldCode[], year: number, before: RecordFieldCode[] | undefined, after: { year: number; codes: RecordFieldCode[] | undefined }[]): FieldCodes {
  const valid = codes.map((c) => c.code);
  const known = new Set(valid);
  const withdrawn = (before ?? []).filter((c) => !known.has(c.code)).map((c) => ({ code: c.code, lastYear: year - 1 }));
  for (const w of withdrawn) known.add(w.code);
  const later: FieldCodes["later"] = [];
  for (const v of after) for (const c of v.codes ?? []) if (!known.has(c.code)) {
    known.add(c.code);
    later.push({ code: c.code, firstYear: v.year });
  }
  return { valid, withdrawn, later, source: "feltets egen kodeliste" };
}

function fieldCodes(registry: Registry, field: RecordField, year: number): FieldCodes | undefined {
  const entry = field.codelist && registry.codelists.get(field.codelist.codelist);
  const version = boundVersion(registry, field, year);
  if (!entry || !version) return undefined;
  const pinned = field.codelist!.year;
  const valid: string[] = [];
  const withdrawn: FieldCodes["withdrawn"] = [];
  for (const c of version.data.codes) {
    if (c.selectable === false) continue;
    if (c.status === "deprecated" && c.withdrawnFrom !== undefined && c.withdrawnFrom <= year) withdrawn.push({ code: c.code, lastYear: c.withdrawnFrom - 1 });
    else valid.push(c.code);
  }
  const before = pinned === undefined ? versionAt(entry, year - 1) : undefined;
  if (before && before !== version) {
    const now = new Set(version.data.codes.map((c) => c.code));
    for (const c of before.data.codes) if (!now.has(c.code)) withdrawn.push({ code: c.code, lastYear: year - 1 });
  }
  const later: FieldCodes["later"] = [];
  const known = new Set([...valid, ...withdrawn.map((w) => w.code)]);
  for (const v of entry.versions) {
    if (v.year <= version.year) continue;
    for (const c of v.data.codes) if (!known.has(c.code)) {
      known.add(c.code);
      later.push({ code: c.code, firstYear: v.year });
    }
  }
  return { valid, withdrawn, later, source: `kodelisten ${field.codelist!.codelist} (${version.year})` };
}
