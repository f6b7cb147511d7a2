// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { fileURLToPath } from "node:url";
import { kostraSite } from "./src/integrations/kostra-site.ts";
import { siteAddress } from "./src/lib/site/address.ts";

/** Resolves packages with a DOM build to their plain build, for code that runs in a worker. */
const withoutDom = () => ({
  name: "kostra-without-dom",
  enforce: /** @type {const} */ ("pre"),
  /** @param {string} id */
  resolveId(id) {
    if (id === "decode-named-character-reference") return fileURLToPath(new URL("./node_modules/decode-named-character-reference/index.js", import.meta.url));
  },
});

// Pages read the content root from this variable; `kostra build --content DIR` sets it.
process.env.KOSTRA_CONTENT_DIR ??= fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  outDir: process.env.KOSTRA_OUT_DIR ?? "./dist",
  // The site's public address, the origin of every permanent identifier: KOSTRA_SITE_URL, else
  // "kostra.site" in package.json, else the placeholder (src/lib/site/address.ts; docs/api.md).
  site: siteAddress(process.env, fileURLToPath(new URL(".", import.meta.url))).url,
  integrations: [mdx(), kostraSite()],
  // Scripts and styles as files, never inline: the site runs under a CSP without 'unsafe-inline'.
  // Four pages at a time: with one, Astro's thread waits for each page's file to be written before
  // it renders the next. At KOSTRA scale (20,072 pages, Astro alone on this machine) the page phase
  // took 72–85 s with one and 52–61 s with 2, 4, 8 or 16, with less CPU and the same peak memory
  // (docs/performance.md). The pages are the same bytes.
  build: { inlineStylesheets: "never", concurrency: 4 },
  vite: {
    // The file check's worker (src/workers/check-worker.ts) is a module with no DOM: a package whose
    // "browser" build uses the DOM takes its plain build there (decode-named-character-reference).
    // In the build that is the worker's own plugin; the dev server serves workers with the page's
    // plugins, so there it applies to both.
    worker: { format: "es", plugins: () => [withoutDom()] },
    plugins: [{ ...withoutDom(), apply: "serve" }],
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Every MDX body carries Astro's own "use astro:head-inject" directive, which the bundler
        // warns about once per file (30,000 lines at KOSTRA scale) though Astro handles it.
        onwarn(warning, warn) {
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
  server: { host: "127.0.0.1", port: 4321 },
});
