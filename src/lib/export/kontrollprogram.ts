import { versionAt, type FormEntry, type Registry } from "../model/registry.ts";
import type { FormVersion, RecordField } from "../schema/index.ts";
import { emitFileDescription } from "../kontrollprogram/emit.ts";
import { isFixedWidth, toFileDescription } from "../kontrollprogram/from-content.ts";

/** Whether a form version has an export in SSB's file-description format: a fixed-width file extract. */
export function hasKontrollprogramExport(form: FormEntry, version: FormVersion): boolean {
  return form.meta.kind === "file-extract" && isFixedWidth(version);
}

/**
 * `/api/v1/forms/<id>/<year>.kontrollprogram.yaml`: a fixed-width file extract as it applies in
 * `year`, as SSB's control program describes it (`docs/forms-and-controls.md`). A field bound to a
 * shared codelist, without codes of its own, lists the codelist's codes in force that year.
 */
export function formToKontrollprogramYaml(registry: Registry, form: FormEntry, year: number, version: FormVersion): string {
  const boundCodes = (f: RecordField) => {
    const entry = f.codelist && registry.codelists.get(f.codelist.codelist);
    const bound = entry ? versionAt(entry, f.codelist!.year ?? year) : undefined;
    return bound?.data.codes.map((c) => ({ code: c.code, label: c.name.nb }));
  };
  return emitFileDescription(toFileDescription(form.meta, version, year, boundCodes));
}
