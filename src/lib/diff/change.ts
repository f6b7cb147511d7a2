import { z } from "zod";

/** How much a change asks of an audience; ordered none < label-only < compatible < breaking. */
export const ChangeClass = z
  .enum(["none", "label-only", "compatible", "breaking"])
  .describe("`none` < `label-only` (texts only) < `compatible` (act when convenient) < `breaking` (must act before reporting).");
export type ChangeClass = z.infer<typeof ChangeClass>;

export const CLASS_ORDER: readonly ChangeClass[] = ["none", "label-only", "compatible", "breaking"];
export const maxClass = (a: ChangeClass, b: ChangeClass): ChangeClass => (CLASS_ORDER.indexOf(a) >= CLASS_ORDER.indexOf(b) ? a : b);

/** What kind of change was computed. */
export const ChangeType = z
  .enum([
    "codelist-added",
    "codelist-discontinued",
    "code-added",
    "code-removed",
    "code-renamed",
    "code-notes-changed",
    "code-moved",
    "code-deprecated",
    "code-withdrawn",
    "code-reactivated",
    "code-split",
    "code-merged",
    "code-replaced",
    "code-equivalent",
    "form-added",
    "form-discontinued",
    "field-added",
    "field-added-mandatory",
    "field-removed",
    "field-text-changed",
    "field-format-changed",
    "field-codelist-changed",
    "field-made-mandatory",
    "field-made-optional",
    "control-added-blocking",
    "control-added-warning",
    "control-removed",
    "control-made-stricter",
    "control-made-lenient",
    "control-condition-changed",
    "control-text-changed",
    "indicator-formula-changed",
    "indicator-table-changed",
    "indicator-age-group-changed",
  ])
  .describe("The kind of change; docs/change-classes.md gives the class of each for senders and consumers.");
export type ChangeType = z.infer<typeof ChangeType>;

/** A piece of a word-level text diff. */
export const TextSegment = z
  .strictObject({
    op: z.enum(["same", "added", "removed"]).describe("Whether the text is kept, added or removed."),
    text: z.string().describe("The text."),
  })
  .describe("A piece of a word-level text diff.");

/** The state of a code on one side of a change. */
export const CodeState = z
  .strictObject({
    label: z.string().optional().describe("Label (nb)."),
    format: z.string().optional().describe("For form fields: type, length, position, path and pattern, as text."),
    codelist: z.string().optional().describe("For form fields: the codelist bound (`id` or `id@year`)."),
    mandatory: z.boolean().optional().describe("For form fields: whether it is mandatory."),
    severity: z.string().optional().describe("For controls: the severity."),
    when: z.string().optional().describe("For controls: the CEL condition."),
    notes: z.string().optional().describe("Notes."),
    parent: z.string().optional().describe("Parent code."),
    status: z.enum(["active", "deprecated"]).optional().describe("Status."),
    withdrawnFrom: z.number().int().optional().describe("For deprecated codes: first year no longer to be used."),
  })
  .describe("A code's state on one side of the change.");

/** One computed, classified, traced change. */
export const Change = z
  .strictObject({
    id: z.string().describe("Stable identifier of the change within the change set."),
    itemKind: z.enum(["codelist", "form", "indicator"]).describe("Kind of item changed."),
    item: z.string().describe("Id of the item (codelist id)."),
    itemName: z.string().describe("Name of the item (nb)."),
    workingGroup: z.string().describe("Id of the owning working group."),
    type: ChangeType,
    year: z.number().int().describe("The reporting year the change takes effect."),
    code: z.string().optional().describe("The code changed, for changes of one code."),
    element: z.string().optional().describe("For forms: the id of the section, field, table (`table.row`, `table.column`), record field (`record.Name`) or control changed."),
    elementKind: z.enum(["section", "field", "table", "row", "column", "record", "record-field", "control"]).optional().describe("For forms: what kind of element `element` is."),
    from: z.array(z.string()).optional().describe("Codes before, for declared correspondences."),
    to: z.array(z.string()).optional().describe("Codes after, for declared correspondences."),
    before: CodeState.optional().describe("State before."),
    after: CodeState.optional().describe("State after."),
    textDiff: z.array(TextSegment).optional().describe("Word-level diff of the label or notes that changed."),
    seriesBreak: z.boolean().optional().describe("For indicators: `true` when the change breaks comparability with earlier years (brudd i tidsserien)."),
    sender: ChangeClass.describe("Class for senders: municipalities and the vendors of their systems."),
    consumer: ChangeClass.describe("Class for consumers: tools reading the exports."),
    proposals: z.array(z.string()).describe("Ids of the change proposals that declare this change."),
    justified: z.boolean().describe("`false` when no proposal declares the change (flagged «not justified»)."),
  })
  .describe("A computed change between two reporting years.");
export type Change = z.infer<typeof Change>;

/** A change a proposal declares that the content does not show. */
export const NotCarriedOut = z
  .strictObject({
    proposal: z.string().describe("Id of the proposal."),
    targetYear: z.number().int().describe("The proposal's target year."),
    itemKind: z.enum(["codelist", "form", "indicator"]).describe("Kind of item."),
    item: z.string().describe("Id of the item it declares a change to."),
    code: z.string().optional().describe("The code, field or control it declares a change to."),
    description: z.string().describe("What the proposal says changes."),
  })
  .describe("A declared change that did not happen (flagged «not carried out»).");
export type NotCarriedOut = z.infer<typeof NotCarriedOut>;

const ClassCounts = z
  .strictObject({ none: z.number().int(), "label-only": z.number().int(), compatible: z.number().int(), breaking: z.number().int() })
  .describe("Number of changes per class.");

/** Everything that changes from one reporting year to another: the output of `kostra diff --format json`. */
export const ChangeSet = z
  .strictObject({
    from: z.number().int().describe("The earlier reporting year."),
    to: z.number().int().describe("The later reporting year."),
    summary: z
      .strictObject({
        changes: z.number().int().describe("Number of changes."),
        sender: ClassCounts.describe("Changes per class for senders."),
        consumer: ClassCounts.describe("Changes per class for consumers."),
        notJustified: z.number().int().describe("Changes no proposal declares."),
        notCarriedOut: z.number().int().describe("Declared changes that did not happen."),
      })
      .describe("Counts."),
    changes: z.array(Change).describe("The changes, by working group and item, breaking first."),
    notCarriedOut: z.array(NotCarriedOut).describe("Declared changes that did not happen."),
  })
  .describe("The changes between two reporting years.");
export type ChangeSet = z.infer<typeof ChangeSet>;
