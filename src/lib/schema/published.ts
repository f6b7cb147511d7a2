import { z } from "zod";
import { IsoDate, ReportingYear } from "./common.ts";

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: "must be a SHA-256 in hex" });

/** A recorded correction of a published year: what changed, why, when and by which decision. */
export const Correction = z
  .strictObject({
    date: IsoDate.describe("When the correction was made."),
    what: z.string().trim().min(1).describe("What changed."),
    why: z.string().trim().min(1).describe("Why it had to change."),
    decision: z.string().trim().min(1).describe("The decision that allowed it (meeting, case number, person responsible)."),
    files: z.record(z.string(), z.strictObject({ before: Sha256.optional(), after: Sha256.optional() })).describe("The export files it changed, with their SHA-256 before and after."),
  })
  .describe("A correction (erratum) of a published year.");

/** `content/published/<year>.json`: written by `npx kostra publish <year>`; the lock of a published year. */
export const PublishedYear = z
  .strictObject({
    year: ReportingYear.describe("The published reporting year; must equal the file name."),
    publishedAt: IsoDate.describe("When it was published."),
    site: z
      .string()
      .regex(/^https?:\/\/[^/?#\s]+$/, { message: "must be an origin (scheme and host) with no path" })
      .optional()
      .describe("The site's address the year's JSON exports name their schemas on (`$schema`), as when the lock was made; absent: the placeholder https://kostra-registeret.example."),
    files: z.record(z.string(), Sha256).describe("Every export that applies to the year, by its path under /api/v1/, with its SHA-256."),
    corrections: z.array(Correction).describe("Corrections since publication, oldest first."),
  })
  .describe("The record of a published reporting year.");

export type PublishedYear = z.infer<typeof PublishedYear>;
export type Correction = z.infer<typeof Correction>;
