import type { APIRoute } from "astro";
import { buildRegistry } from "../../lib/views/site-registry.ts";
import { cycleYears } from "../../lib/cycle/calendar.ts";
import { cycleToICalendar } from "../../lib/export/cycle-calendar.ts";
import { siteOf } from "../../lib/site/address.ts";

/** The site's address, as the API's export step has it (src/lib/site/address.ts): index.json lists the SHA-256 of these bytes. */
const siteUrl = siteOf(import.meta.env.SITE);

/** The cycle of a reporting year as an iCalendar file, to subscribe to or import. */
export async function getStaticPaths() {
  const registry = await buildRegistry();
  return cycleYears(registry).map((year) => ({ params: { year: String(year) }, props: { year } }));
}

export const GET: APIRoute = async ({ props }) => {
  const registry = await buildRegistry();
  return new Response(cycleToICalendar(registry, (props as { year: number }).year, siteUrl), { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
