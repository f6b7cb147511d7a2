import { isDeepStrictEqual } from "node:util";
import type { Registry } from "./registry.ts";

/**
 * Makes each code that a codelist's next version repeats unchanged the very object of the version
 * before, and returns the registry. Most codes stay the same from year to year (at KOSTRA scale
 * 891,000 of 1.14 million), and each version's file gave them objects of their own: 144 MB of the
 * pages' and the API's heap, traced again by every collection. Only for a registry without its
 * sources (`withoutSources`), whose findings no longer need each object's file; nothing changes a
 * code after loading, so sharing one is safe.
 */
export function shareUnchangedCodes(registry: Registry): Registry {
  for (const entry of registry.codelists.values()) {
    let before = new Map<string, object>();
    for (const version of entry.versions) {
      const codes = version.data.codes;
      const now = new Map<string, object>();
      for (let i = 0; i < codes.length; i++) {
        const same = before.get(codes[i].code);
        if (same !== undefined && isDeepStrictEqual(same, codes[i])) codes[i] = same as (typeof codes)[number];
        now.set(codes[i].code, codes[i]);
      }
      before = now;
    }
  }
  return registry;
}
