import { z } from "zod";
import { Change, ChangeClass, NotCarriedOut } from "../diff/change.ts";

/**
 * The output of `kostra review --format json`: the single source of truth for its JSON Schema
 * (`reviewJsonSchema`), published in docs/review.md.
 */

const ClassCounts = z.strictObject({ none: z.number().int(), "label-only": z.number().int(), compatible: z.number().int(), breaking: z.number().int() }).describe("Number of changes per class.");

/** The neighbouring-year change set (Y-1 → Y) before and after the branch, counted. */
export const NextYearEffect = z
  .strictObject({
    from: z.number().int().describe("The year before."),
    to: z.number().int().describe("The reviewed year."),
    before: z.strictObject({ sender: ClassCounts, consumer: ClassCounts, notJustified: z.number().int() }).describe("Counts of the base's change set from→to, over the items the branch touches."),
    after: z.strictObject({ sender: ClassCounts, consumer: ClassCounts, notJustified: z.number().int() }).describe("The same counts with the branch."),
  })
  .describe("What the branch does to the change set from the year before to this year.");

/** A problem the review found: an error fails `--fail-on error`. */
export const ReviewProblem = z
  .strictObject({
    severity: z.enum(["error", "warning"]).describe("`error`: may not be merged as it is; `warning`: the group should look."),
    kind: z.enum(["content-invalid", "published-year-changed", "removed-without-notice", "deadline-passed"]).describe("`content-invalid`: `kostra validate` fails on the work tree (the finding, file:line:column); `published-year-changed`: a published year changed without a recorded correction; `removed-without-notice`: a code or field removed that no earlier year marked deprecated and no decided proposal announced; `deadline-passed`: a change breaking for senders in a year whose reporting deadline has passed."),
    year: z.number().int().optional().describe("The reporting year (none for `content-invalid`)."),
    change: z.string().optional().describe("The `id` of the change concerned."),
    message: z.string().describe("What is wrong and how to put it right."),
  })
  .describe("A problem found by the review.");

export const ReviewYear = z
  .strictObject({
    year: z.number().int().describe("The reporting year."),
    published: z.boolean().describe("Whether the year is published (has a lock)."),
    changes: z.array(Change).describe("Every change the branch makes to this year, typed, classed and traced as by `kostra diff`."),
    notCarriedOut: z.array(NotCarriedOut).describe("Changes declared by proposals the branch adds or edits, for this year, that the branch does not carry out."),
    nextYear: NextYearEffect.optional(),
  })
  .describe("One reporting year whose content the branch changes.");

/** Content that has no typed change: tables, proposals, meetings, working groups, calendars, the rest. */
export const OtherChange = z
  .strictObject({
    path: z.string().describe("The file, relative to the content root."),
    change: z.enum(["added", "removed", "edited"]).describe("What happened to the file."),
  })
  .describe("A content file the branch changes, outside the typed changes (tables, proposals, meetings …).");

export const Review = z
  .strictObject({
    base: z.strictObject({ ref: z.string(), commit: z.string() }).describe("What the work tree is compared with."),
    summary: z
      .strictObject({
        years: z.array(z.number().int()).describe("The reporting years the branch changes."),
        changes: z.number().int().describe("Changes over all years."),
        sender: ClassCounts.describe("Changes per class for senders."),
        consumer: ClassCounts.describe("Changes per class for consumers."),
        notJustified: z.number().int().describe("Changes no proposal declares."),
        notCarriedOut: z.number().int().describe("Declared changes the branch does not carry out."),
        errors: z.number().int(),
        warnings: z.number().int(),
      })
      .describe("Counts."),
    problems: z.array(ReviewProblem).describe("Errors first, then warnings, by year."),
    years: z.array(ReviewYear).describe("Each reporting year the branch changes, oldest first."),
    files: z.array(OtherChange).describe("Every content file the branch adds, removes or edits."),
  })
  .describe("What a branch changes in the registry, against its base.");
export type Review = z.infer<typeof Review>;
export type ReviewProblem = z.infer<typeof ReviewProblem>;
export type ReviewYear = z.infer<typeof ReviewYear>;
export { ChangeClass };

/** The JSON Schema of the review, generated from its zod schema. */
export function reviewJsonSchema(): Record<string, unknown> {
  return { $id: "/api/v1/schemas/review.json", ...z.toJSONSchema(Review, { target: "draft-2020-12" }) };
}
