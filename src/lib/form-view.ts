import { versionAt, type FormEntry, type Registry } from "./registry.ts";
import type { CodelistBinding, FormVersion } from "./schema/index.ts";
import type { z } from "zod";
import { perRegistry } from "./per-registry.ts";

/** The codelist version a binding resolves to in a form's year, with its page year. */
export function resolveBinding(registry: Registry, binding: z.infer<typeof CodelistBinding>, formYear: number) {
  const list = registry.codelists.get(binding.codelist);
  if (!list) return undefined;
  const version = binding.year !== undefined ? list.versions.find((v) => v.year === binding.year) : versionAt(list, formYear);
  if (!version) return undefined;
  // Link to the form's year when that version is in force then, else to the version's own first year.
  const pageYear = versionAt(list, formYear) === version ? formYear : version.year;
  return { list, version, pageYear };
}

/** Every (form, year) page the site has. */
export function formYearPaths(registry: Registry): { id: string; year: number }[] {
  return [...registry.forms.values()].flatMap((e) => registry.yearsOf(e).map((year) => ({ id: e.meta.id, year })));
}

/** Where a field binds a codelist: the form, year and field, for "used in" lists. */
export interface CodelistUse {
  form: FormEntry;
  year: number;
  field: string;
  label: string;
}

/**
 * Every field binding a codelist, by codelist id and version year, made once per registry: each
 * codelist page asks, and scanning every form of every year per page grew with pages × forms.
 */
const usesIndex = perRegistry("codelist-uses", (registry) => {
  const index = new Map<string, CodelistUse[]>();
  for (const form of registry.forms.values()) {
    for (const year of registry.yearsOf(form)) {
      const v = versionAt(form, year)!.data;
      for (const { id, label, binding } of bindings(v)) {
        const resolved = resolveBinding(registry, binding, year);
        if (!resolved) continue;
        const key = `${binding.codelist}@${resolved.version.year}`;
        const uses = index.get(key) ?? [];
        uses.push({ form, year, field: id, label });
        index.set(key, uses);
      }
    }
  }
  return index;
});

/** The forms and fields that use a codelist version, in the years they use it. */
export function usesOfCodelistVersion(registry: Registry, codelistId: string, versionYear: number): CodelistUse[] {
  return usesIndex(registry).get(`${codelistId}@${versionYear}`) ?? [];
}

function bindings(v: FormVersion) {
  return [
    ...(v.sections ?? []).flatMap((s) => (s.fields ?? []).filter((f) => f.codelist).map((f) => ({ id: f.id, label: f.label, binding: f.codelist! }))),
    ...(v.records ?? []).flatMap((r) => r.fields.filter((f) => f.codelist).map((f) => ({ id: `${r.id}.${f.name}`, label: `${r.name}/${f.path ?? f.name}`, binding: f.codelist! }))),
  ];
}
