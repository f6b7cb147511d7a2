import { versionAt, type Registry } from "../model/registry.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";
import { lockDrift, lockSite, yearHashes } from "../export/published-hashes.ts";

/** The content file that makes an export path of a year (`codelists/plantype/2023.csv` → plantype's version file). */
function sourceOf(registry: Registry, path: string, year: number): object | undefined {
  const [kind, id] = path.split("/");
  const list = kind === "codelists" ? registry.codelists.get(id) : undefined;
  if (list) return versionAt(list, year)?.data ?? list.meta;
  const form = kind === "forms" ? registry.forms.get(id) : undefined;
  if (form) return versionAt(form, year)?.data ?? form.meta;
  return undefined;
}

/**
 * A published year never changes silently: every export it froze must be byte-identical, unless a
 * correction records the change (`npx kostra publish <year> --correct …`). `skipYear` lets that
 * command see the other years' findings while it records a correction for one.
 */
export function checkPublished(registry: Registry, skipYear?: number): Finding[] {
  const findings: Finding[] = [];
  for (const lock of registry.published.values()) {
    if (lock.year === skipYear) continue;
    const lockFile = registry.originOf(lock);
    const { changed, removed, added } = lockDrift(lock.files, yearHashes(registry, lock.year, lockSite(lock)));
    const bySource = new Map<object | undefined, string[]>();
    for (const p of [...changed, ...added]) bySource.set(sourceOf(registry, p, lock.year), [...(bySource.get(sourceOf(registry, p, lock.year)) ?? []), p]);
    const fix = `a correction: npx kostra publish ${lock.year} --correct --what "…" --why "…" --decision "…"`;
    for (const [source, paths] of bySource) {
      const file = (source && registry.originOf(source)) ?? lockFile;
      if (!file) continue;
      const what = paths.some((p) => added.includes(p)) ? "added to" : "changed in";
      findings.push(findingAt(file, [], `${paths.length} export(s) ${what} published reporting year ${lock.year} (published ${lock.publishedAt}) without a recorded correction: ${paths.slice(0, 3).join(", ")}${paths.length > 3 ? ", …" : ""}`, `the content as published, or ${fix}`));
    }
    if (removed.length && lockFile) {
      findings.push(findingAt(lockFile, ["files"], `${removed.length} export(s) of published reporting year ${lock.year} are no longer produced: ${removed.slice(0, 3).join(", ")}${removed.length > 3 ? ", …" : ""}`, `the content that produced them, or ${fix}`));
    }
  }
  return findings;
}
