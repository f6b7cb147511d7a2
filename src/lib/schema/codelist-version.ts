import { z } from "zod";
import { EditorNote, ReportingYear, SourceRef } from "./common.ts";
import { Code } from "./code.ts";
import { Correspondence } from "./correspondence.ts";

/** `codelists/<id>/<year>.yaml`: the codes from that reporting year until the next version. */
export const CodelistVersion = z
  .strictObject({
    source: SourceRef,
    note: EditorNote.optional(),
    validTo: ReportingYear.optional().describe("Last reporting year this version applies, when it ends before the next version (rare). Default: until the next version."),
    confirmedTo: ReportingYear.optional().describe("Last reporting year a source shows this version for, where the registry keeps it in force longer: the later years are marked as assumed unchanged («antatt uendret», `assumed` in the API), never as confirmed. Default: every year it is in force is covered by its sources."),
    correspondences: z.array(Correspondence).optional().describe("How codes of the previous version map to this one."),
    codes: z.array(Code).min(1).describe("The codes, in the order the source lists them."),
  })
  .describe("One version of a codelist. The file name is the first reporting year it applies to.");

export type CodelistVersion = z.infer<typeof CodelistVersion>;
