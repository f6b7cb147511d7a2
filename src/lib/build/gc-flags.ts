import { spawnSync } from "node:child_process";

/**
 * A larger young generation: a step makes much short-lived garbage (rendered pages, export files)
 * that the default one promotes into the old generation, where each collection also traces the
 * whole registry. On the KOSTRA-scale corpus a fifth of the first step's time was the collector's;
 * this took about a tenth off the pages and exports.
 */
const YOUNG_GENERATION = ["--max-semi-space-size=64"];

/**
 * The API's step, given after the flags above (the last value counts): a young generation twice
 * as large. Its garbage is whole export files, megabytes each, that the default size promotes
 * before they die; at KOSTRA scale this took 6–7 s (a tenth) off the step's own CPU time in four
 * runs each, for 0.2 GB more at its peak. Astro's page phase and the first step gained nothing.
 * Beside Astro it took the build's peak past 4 GB (4,027 MB at KOSTRA scale) until the API kept
 * only the current version's files of a codelist (`export/write.ts`): its peak 1.87 → 1.50 GB.
 */
export const API_YOUNG_GENERATION = ["--max-semi-space-size=128"];

/**
 * The first step where it goes on to write the API (`prepare-step.ts`): the API's young generation,
 * and the collector exposed, so that it can give back what validation held before the API starts.
 */
export const FIRST_STEP_THEN_API = [...API_YOUNG_GENERATION, "--expose-gc"];

/**
 * Astro's where the API runs beside it (`overlap.ts`: the content small enough for both): its heap
 * may grow 60 % over what the last full collection kept before the next, not 40 %. At KOSTRA scale
 * this took 2–6 s (about 5 %) off Astro's CPU time in three alternated pairs, for 0.15–0.18 GB more at its
 * peak (2.10 → 2.27 GB), still within the build's 4 GB. Where Astro runs alone, on content ten
 * times as large, its peak (15 GB) keeps the 40 %.
 */
export const PAGES_BESIDE_API = ["--heap-growing-percent=60"];

/**
 * Collections that grow with the heap. By default V8 starts a full collection each time 64 MB of
 * memory outside its heap has been allocated since the last one, whatever the heap's size; every
 * page Astro writes (and every export file) passes through such buffers. So the number of full
 * collections grew with the output while each traced a heap that grows with the registry: at `10x`
 * the page phase took 2.7 times as long a page as at `kostra`. Counting that memory in V8's global
 * limit, with the limit set at 1.4 times what the last collection kept, makes the collections' work
 * linear in the content (docs/performance.md, "The cost curve").
 */
const SCALING_COLLECTIONS = ["--external-memory-accounted-in-global-limit", "--heap-growing-percent=40"];

const known = new Map<string, string[]>();

/**
 * The V8 flags a build step runs with under this Node binary. The flag that counts outside memory
 * in the global limit is newer than Node 20 and 22, which refuse to start with it: it is given
 * only to a Node that lists it.
 */
export function stepFlags(node: string): string[] {
  let flags = known.get(node);
  if (!flags) {
    const options = spawnSync(node, ["--v8-options"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).stdout ?? "";
    flags = options.includes(`${SCALING_COLLECTIONS[0]} `) ? [...YOUNG_GENERATION, ...SCALING_COLLECTIONS] : YOUNG_GENERATION;
    known.set(node, flags);
  }
  return flags;
}
