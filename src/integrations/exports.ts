import { fileURLToPath } from "node:url";
import { buildRegistry } from "../lib/build-registry.ts";
import { writeExports } from "../lib/export/write.ts";
import { indexSite } from "../lib/search/index-site.ts";
import { headersFile } from "../lib/site/csp.ts";
import { recordTiming } from "../lib/timings.ts";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * After Astro has built the pages: writes the static API (/api/v1/), plain files from the same
 * registry outside the page router, and the search index (/pagefind/).
 */
export function kostraExports() {
  let pagesStarted = 0;
  return {
    name: "kostra-exports",
    hooks: {
      "astro:build:start": () => {
        pagesStarted = performance.now();
      },
      "astro:build:done": async ({ dir, logger }: { dir: URL; logger: { info(message: string): void } }) => {
        // Peak memory at this point is the page phase's alone: the benchmark needs it apart.
        recordTiming("pages", performance.now() - pagesStarted);
        const started = performance.now();
        const site = (process.env.KOSTRA_SITE_URL ?? "http://localhost:4321").replace(/\/$/, "");
        const { files, bytes } = await writeExports(await buildRegistry(), fileURLToPath(dir), site);
        logger.info(`wrote ${files} export files (${(bytes / 1024).toFixed(0)} KiB) to api/v1/ in ${Math.round(performance.now() - started)} ms`);
        recordTiming("exports", performance.now() - started);
        await writeFile(join(fileURLToPath(dir), "_headers"), headersFile());
        const indexed = performance.now();
        const { pages, records } = await indexSite(await buildRegistry(), fileURLToPath(dir));
        logger.info(`indexed ${pages} pages and ${records} codes, fields and controls for search in ${Math.round(performance.now() - indexed)} ms`);
        recordTiming("search", performance.now() - indexed);
      },
    },
  };
}
