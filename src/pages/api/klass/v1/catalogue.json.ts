import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../lib/views/site-registry.ts";
import { klassCatalogue } from "../../../../lib/export/klass-catalogue.ts";

const siteUrl = (import.meta.env.SITE ?? "http://localhost:4321").replace(/\/$/, "");

/** What KLASS's search and classification families are answered from (src/lib/export/klass-catalogue.ts). */
export const GET: APIRoute = async () => Response.json(klassCatalogue(await buildRegistry(), siteUrl));
