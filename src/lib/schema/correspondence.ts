import { z } from "zod";
import { EditorNote, SourceRef } from "./common.ts";

/** How codes of the previous version map to this one (as FHIR ConceptMap and SDMX do). */
export const CorrespondenceType = z
  .enum(["equivalent", "split", "merged", "replaced-by"])
  .describe("`equivalent` (1→1, same meaning), `split` (1→n), `merged` (n→1), `replaced-by` (1→1, meaning changed).");

export const Correspondence = z
  .strictObject({
    type: CorrespondenceType,
    from: z.array(z.string().min(1)).min(1).describe("Codes of the previous version."),
    to: z.array(z.string().min(1)).min(1).describe("Codes of this version."),
    note: EditorNote.optional(),
    source: SourceRef.optional().describe("Where the correspondence is stated."),
  })
  .superRefine((c, ctx) => {
    const one = (n: number) => n === 1;
    const ok =
      c.type === "split" ? one(c.from.length) && c.to.length > 1
      : c.type === "merged" ? c.from.length > 1 && one(c.to.length)
      : one(c.from.length) && one(c.to.length);
    if (!ok) {
      const expected = { split: "one `from` code and several `to` codes", merged: "several `from` codes and one `to` code", equivalent: "one `from` and one `to` code", "replaced-by": "one `from` and one `to` code" }[c.type];
      ctx.addIssue({ code: "custom", path: ["to"], message: `a ${c.type} correspondence needs ${expected}` });
    }
  })
  .describe("A mapping from codes of the previous version to codes of this version.");

export type Correspondence = z.infer<typeof Correspondence>;
