import { z } from "zod";
import { ChangeSet } from "./change.ts";

/** The JSON Schema of a change set, generated from its zod schema. */
export function changeSetJsonSchema(): Record<string, unknown> {
  return { $id: "/api/v1/schemas/change-set.json", ...z.toJSONSchema(ChangeSet, { target: "draft-2020-12" }) };
}
