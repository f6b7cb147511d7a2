// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { fileURLToPath } from "node:url";
import { kostraExports } from "./src/integrations/exports.ts";

// Pages read the content root from this variable; `kostra build --content DIR` sets it.
process.env.KOSTRA_CONTENT_DIR ??= fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  outDir: process.env.KOSTRA_OUT_DIR ?? "./dist",
  site: process.env.KOSTRA_SITE_URL ?? "http://localhost:4321",
  integrations: [mdx(), kostraExports()],
  // Scripts and styles as files, never inline: the site runs under a CSP without 'unsafe-inline'.
  build: { inlineStylesheets: "never" },
  vite: { build: { assetsInlineLimit: 0 } },
  server: { host: "127.0.0.1", port: 4321 },
});
