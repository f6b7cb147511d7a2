import type { APIRoute } from "astro";
import { changeSetJsonSchema } from "../../../../lib/diff/json-schema.ts";

/** JSON Schema of the change sets under /api/v1/changes/ and of `kostra diff --format json`. */
export const GET: APIRoute = () => new Response(JSON.stringify(changeSetJsonSchema(), null, 2) + "\n", { headers: { "Content-Type": "application/schema+json" } });
