import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../../../../lib/views/site-registry.ts";
import { klassCorrespondences, klassDocuments } from "../../../../../../../lib/export/klass-api.ts";
import { versionAt } from "../../../../../../../lib/model/registry.ts";
import { siteOf } from "../../../../../../../lib/site/address.ts";

const siteUrl = siteOf(import.meta.env.SITE);

/** KLASS's `correspondsAt` for each year whose version declares correspondences (src/lib/export/klass-api.ts). */
export async function getStaticPaths() {
  return klassDocuments(await buildRegistry(), siteUrl).flatMap(({ key, entry, routes }) =>
    routes.correspondences.map((year) => ({ params: { key, year: String(year) }, props: { items: klassCorrespondences(entry, versionAt(entry, year)!) } })),
  );
}

export const GET: APIRoute = ({ props }) => Response.json((props as { items: unknown }).items);
