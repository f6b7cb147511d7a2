import { fileURLToPath } from "node:url";
import { reloadOnChange } from "../lib/views/site-registry.ts";
import { resolveContentRoot } from "../lib/load/content-root.ts";
import { headersFile } from "../lib/site/csp.ts";
import { recordTiming } from "../lib/build/timings.ts";
import { writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { keepStringPrototypeFast } from "./fast-string-prototype.ts";

/** Whether a changed path is a content file of this root (codelists/, content/ or changes/). */
export function isContentFile(root: string, path: string): boolean {
  const [top] = relative(root, path).split(sep);
  return ["codelists", "content", "changes"].includes(top) && /\.(ya?ml|json|mdx)$/.test(path);
}

/**
 * After Astro has built the pages: the headers file, and the page phase's timing. (The static API
 * and the search index are written by `kostra build`, in processes of their own.) In the dev
 * server: reloads the content files that change and refreshes the browser.
 */
export function kostraSite() {
  // Astro's runtime is loaded by now: its subclass of String has made every string method slow.
  keepStringPrototypeFast();
  let pagesStarted = 0;
  return {
    name: "kostra-site",
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
      "astro:build:done": async ({ dir, logger }: { dir: URL; logger: { warn(message: string): void } }) => {
        // Peak memory at this point is the page phase's alone: the benchmark needs it apart.
        recordTiming("pages", performance.now() - pagesStarted);
        await writeFile(join(fileURLToPath(dir), "_headers"), headersFile());
        if (!process.env.KOSTRA_VALIDATED) logger.warn("pages only: the API (/api/v1/) and the search index are written by `npm run build` (kostra build)");
      },
    },
  };
}
