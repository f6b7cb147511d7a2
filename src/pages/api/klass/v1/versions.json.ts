import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../lib/views/site-registry.ts";
import { klassVersionsIndex } from "../../../../lib/export/klass-api.ts";

const siteUrl = (import.meta.env.SITE ?? "http://localhost:4321").replace(/\/$/, "");

/** Version number → codelist id: how the query server finds `/versions/<n>` (src/lib/export/klass-api.ts). */
export const GET: APIRoute = async () => Response.json(klassVersionsIndex(await buildRegistry(), siteUrl));
