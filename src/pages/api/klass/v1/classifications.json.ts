import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../lib/views/site-registry.ts";
import { klassClassificationList } from "../../../../lib/export/klass-api.ts";
import { siteOf } from "../../../../lib/site/address.ts";

/** The KLASS query API's documents are written with the pages: the build keeps only api/v1/ of its export step. */
const siteUrl = siteOf(import.meta.env.SITE);

/** KLASS's `classifications`: every codelist (src/lib/export/klass-api.ts). */
export const GET: APIRoute = async () => Response.json(klassClassificationList(await buildRegistry(), siteUrl));
