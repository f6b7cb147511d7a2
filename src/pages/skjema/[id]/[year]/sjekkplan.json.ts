import type { APIRoute } from "astro";
import { buildRegistry } from "../../../../lib/views/site-registry.ts";
import { fileCheckPaths, fileCheckPlanJson } from "../../../../lib/views/file-check.ts";

/** The plan the file check on a form-year page reads (`«Sjekk en fil»`): one per form and year with a file description. */
export async function getStaticPaths() {
  const registry = await buildRegistry();
  return fileCheckPaths(registry).map(({ id, year }) => ({ params: { id, year: String(year) }, props: { id, year } }));
}

export const GET: APIRoute = async ({ props }) => {
  const registry = await buildRegistry();
  const { id, year } = props as { id: string; year: number };
  return new Response(fileCheckPlanJson(registry, id, year), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
