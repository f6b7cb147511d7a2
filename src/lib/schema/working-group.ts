import { z } from "zod";
import { Id, LocalizedText, ReportingYear, SourceRef } from "./common.ts";

/** A person the sources name as a member of a working group in a given year. */
export const Member = z
  .strictObject({
    name: z.string().trim().min(1).describe("The person's name as the source writes it."),
    organisation: z.string().trim().min(1).optional().describe("Organisation as the source writes it; omitted when the source gives none."),
    role: z.string().trim().min(1).optional().describe("Role as the source gives it (e.g. `leder`, `referent`)."),
    asOf: ReportingYear.describe("The year the source lists the person as a member."),
    note: z.string().trim().min(1).optional().describe("Qualifier from the source (e.g. attended only one item)."),
    source: SourceRef.optional().describe("Source of this membership, where it differs from the file's."),
  })
  .describe("A member of a working group.");

/** `content/working-groups/<id>.yaml`. */
export const WorkingGroup = z
  .strictObject({
    id: Id.describe("Identifier; must equal the file name."),
    name: LocalizedText.describe("Name of the working group."),
    serviceArea: z.string().trim().min(1).describe("Service area (tjenesteområde), e.g. `Barnevern`."),
    mandate: z.string().trim().min(1).optional().describe("The mandate as the source gives it."),
    members: z.array(Member).describe("Members as the sources list them, by year."),
    source: SourceRef,
  })
  .describe("A KOSTRA working group.");

export type Member = z.infer<typeof Member>;
export type WorkingGroup = z.infer<typeof WorkingGroup>;
