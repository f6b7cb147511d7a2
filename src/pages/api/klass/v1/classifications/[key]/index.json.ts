import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../../../lib/views/site-registry.ts";
import { klassDocuments, type KlassDocument } from "../../../../../../lib/export/klass-api.ts";
import { siteOf } from "../../../../../../lib/site/address.ts";

const siteUrl = siteOf(import.meta.env.SITE);

/** KLASS's `classifications/{id}` for each key (codelist id, KLASS number): src/lib/export/klass-api.ts. */
export async function getStaticPaths() {
  return klassDocuments(await buildRegistry(), siteUrl).map((doc) => ({ params: { key: doc.key }, props: { doc } }));
}

export const GET: APIRoute = ({ props }) => Response.json((props as { doc: KlassDocument }).doc.classification);
