import { versionAt, type Registry } from "../model/registry.ts";

/** A code of a field's list: the field's own, or the bound codelist's (its `nb` label). */
export interface ListCode {
  code: string;
  label: string;
}

/** A codelist version's codes as a field's list, built once per version: the same array for the same version. */
const listOf = new WeakMap<object, readonly ListCode[]>();

/**
 * The codes a field takes in a reporting year: its own list if it has one, else the version of the
 * bound codelist in force that year (or the pinned version). `year` is the bound version's first year.
 */
export function fieldCodes(registry: Registry, own: readonly ListCode[] | undefined, binding: { codelist: string; year?: number } | undefined, year: number): { codes: readonly ListCode[]; year?: number } | undefined {
  if (own?.length) return { codes: own };
  if (!binding) return undefined;
  const entry = registry.codelists.get(binding.codelist);
  const version = entry && versionAt(entry, binding.year ?? year);
  if (!version) return undefined;
  let codes = listOf.get(version.data);
  if (!codes) listOf.set(version.data, (codes = version.data.codes.map((c) => ({ code: c.code, label: c.name.nb }))));
  return { codes, year: version.year };
}
