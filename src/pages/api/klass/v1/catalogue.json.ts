import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../lib/views/site-registry.ts";
import { klassCatalogue } from "../../../../lib/export/klass-catalogue.ts";
import { siteOf } from "../../../../lib/site/address.ts";

const siteUrl = siteOf(import.meta.env.SITE);

/** What KLASS's search and classification families are answered from (src/lib/export/klass-catalogue.ts). */
export const GET: APIRoute = async () => Response.json(klassCatalogue(await buildRegistry(), siteUrl));
