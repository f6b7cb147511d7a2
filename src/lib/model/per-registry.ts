import type { Registry } from "./registry.ts";
import { processShared } from "./process-shared.ts";

/**
 * Wraps a computation over the whole registry so that it runs once per registry and process.
 * Pages ask for the same index thousands of times (once per proposal, meeting or table page);
 * computing it per page grew with pages × registry. The dev server's reload makes a new registry,
 * which gets its own value.
 */
export function perRegistry<T>(name: string, compute: (registry: Registry) => T): (registry: Registry) => T {
  const memo = processShared(`per-registry:${name}`, () => new WeakMap<Registry, T>());
  return (registry) => {
    if (!memo.has(registry)) memo.set(registry, compute(registry));
    return memo.get(registry)!;
  };
}
