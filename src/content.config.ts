// The MDX bodies of meetings and proposals, rendered by Astro. Their front matter is validated by the
// registry (src/lib), not here: pages take data from the registry and only the body from these.
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { join } from "node:path";

const root = process.env.KOSTRA_CONTENT_DIR ?? process.cwd();

export const collections = {
  meetings: defineCollection({ loader: glob({ pattern: "*.mdx", base: join(root, "content", "meetings") }) }),
  proposals: defineCollection({ loader: glob({ pattern: "*.mdx", base: join(root, "changes") }) }),
};
