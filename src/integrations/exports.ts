import { fileURLToPath } from "node:url";
import { buildRegistry, reloadOnChange } from "../lib/build-registry.ts";
import { resolveContentRoot } from "../lib/content-root.ts";
import { writeExports } from "../lib/export/write.ts";
import { indexSite } from "../lib/search/index-site.ts";
import { headersFile } from "../lib/site/csp.ts";
import { recordTiming } from "../lib/timings.ts";
import { writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Whether a changed path is a content file of this root (codelists/, content/ or changes/). */
export function isContentFile(root: string, path: string): boolean {
  const [top] = relative(root, path).split(sep);
  return ["codelists", "content", "changes"].includes(top) && /\.(ya?ml|json|mdx)$/.test(path);
}

/**
 * After Astro has built the pages: writes the static API (/api/v1/), plain files from the same
 * registry outside the page router, and the search index (/pagefind/). In the dev server: reloads
 * the content files that change and refreshes the browser.
 */
export function kostraExports() {
  let pagesStarted = 0;
  return {
    name: "kostra-exports",
    hooks: {
      "astro:server:setup": ({ server }: { server: { watcher: { add(path: string): void; on(event: "all", listener: (event: string, path: string) => void): void }; ws: { send(payload: { type: "full-reload" }): void } } }) => {
        const root = resolveContentRoot();
        const { contentChanged } = reloadOnChange();
        server.watcher.add(root);
        server.watcher.on("all", (_event, path) => {
          if (!isContentFile(root, path)) return;
          contentChanged();
          server.ws.send({ type: "full-reload" });
        });
      },
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
