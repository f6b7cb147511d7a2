import { fileURLToPath } from "node:url";
import { buildRegistry } from "../lib/build-registry.ts";
import { writeExports } from "../lib/export/write.ts";

/**
 * Writes the static API (/api/v1/) after Astro has built the pages: plain files from the same
 * registry, outside the page router.
 */
export function kostraExports() {
  return {
    name: "kostra-exports",
    hooks: {
      "astro:build:done": async ({ dir, logger }: { dir: URL; logger: { info(message: string): void } }) => {
        const started = performance.now();
        const site = (process.env.KOSTRA_SITE_URL ?? "http://localhost:4321").replace(/\/$/, "");
        const { files, bytes } = await writeExports(await buildRegistry(), fileURLToPath(dir), site);
        logger.info(`wrote ${files} export files (${(bytes / 1024).toFixed(0)} KiB) to api/v1/ in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
