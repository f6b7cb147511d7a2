import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../lib/build-registry.ts";
import { diffRegistry } from "../../../../lib/diff/index.ts";

/** The change set between neighbouring reporting years: the same JSON as `kostra diff --format json`. */
export async function getStaticPaths() {
  const registry = await buildRegistry();
  return registry.reportingYears.slice(1).map((to) => ({ params: { pair: `${to - 1}-${to}` }, props: { from: to - 1, to } }));
}

export const GET: APIRoute = async ({ props }) => {
  const registry = await buildRegistry();
  const { from, to } = props as { from: number; to: number };
  return new Response(JSON.stringify(diffRegistry(registry, from, to), null, 2) + "\n", { headers: { "Content-Type": "application/json" } });
};
