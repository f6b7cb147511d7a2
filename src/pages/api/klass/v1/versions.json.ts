import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../lib/views/site-registry.ts";
import { klassVersionsIndex } from "../../../../lib/export/klass-api.ts";
import { siteOf } from "../../../../lib/site/address.ts";

const siteUrl = siteOf(import.meta.env.SITE);

/** Version number → codelist id: how the query server finds `/versions/<n>` (src/lib/export/klass-api.ts). */
export const GET: APIRoute = async () => Response.json(klassVersionsIndex(await buildRegistry(), siteUrl));
