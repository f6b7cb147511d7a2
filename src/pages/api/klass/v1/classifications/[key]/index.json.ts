import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../../../lib/views/site-registry.ts";
import { klassDocuments, type KlassDocument } from "../../../../../../lib/export/klass-api.ts";

const siteUrl = (import.meta.env.SITE ?? "http://localhost:4321").replace(/\/$/, "");

/** KLASS's `classifications/{id}` for each key (codelist id, KLASS number): src/lib/export/klass-api.ts. */
export async function getStaticPaths() {
  return klassDocuments(await buildRegistry(), siteUrl).map((doc) => ({ params: { key: doc.key }, props: { doc } }));
}

export const GET: APIRoute = ({ props }) => Response.json((props as { doc: KlassDocument }).doc.classification);
