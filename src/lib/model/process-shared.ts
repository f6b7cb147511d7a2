/**
 * One value per process, shared by every copy of the module that asks for it. Astro bundles
 * `src/lib` into the pages while the build integration loads it from source: without this, each copy
 * loaded the registry and memoised its diffs again (0.6 GB and half a minute at KOSTRA scale).
 */
export function processShared<T>(name: string, create: () => T): T {
  const key = Symbol.for(`kostra-registry:${name}`);
  const global = globalThis as unknown as Record<symbol, T | undefined>;
  return (global[key] ??= create());
}
