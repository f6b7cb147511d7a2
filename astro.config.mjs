// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { fileURLToPath } from "node:url";

// Pages read the content root from this variable; `kostra build --content DIR` sets it.
process.env.KOSTRA_CONTENT_DIR ??= fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  outDir: process.env.KOSTRA_OUT_DIR ?? "./dist",
  integrations: [mdx()],
  server: { host: "127.0.0.1", port: 4321 },
});
