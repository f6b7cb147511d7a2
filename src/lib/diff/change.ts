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
    "field-year-changed",
    "field-code-added",
    "field-code-removed",
    "field-code-relabelled",
    "record-occurs-changed",
    "schema-rule-added",
    "schema-rule-removed",
    "schema-rule-changed",
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

/** Which aspect of a field, record or rule a change is about: one change per aspect, with `before.value` and `after.value`. */
export const ChangeAspect = z
  .enum(["position", "length", "dataType", "type", "datePattern", "path", "pattern", "minLength", "maxLength", "repeats", "decimals", "occurs", "description", "label", "help", "codelist", "mandatory", "omit"])
  .describe("The aspect of a field, record or schema rule that changed (`mandatory`: judged through the field's parents, with `field-made-mandatory` or `field-made-optional`; `omit`: a table row's cells not asked, as column ids); `before.value` and `after.value` hold its old and new value.");
export type ChangeAspect = z.infer<typeof ChangeAspect>;

/** A code of a field's own code list. */
const FieldCode = z.strictObject({ code: z.string().describe("The code."), label: z.string().describe("Its label.") }).describe("A code of a field's list.");

/** The state of a code on one side of a change. */
export const CodeState = z
  .strictObject({
    label: z.string().optional().describe("Label (nb)."),
    value: z.union([z.string(), z.number(), z.boolean()]).optional().describe("For a change of one `aspect`: the aspect's value on this side (absent when the aspect is not set)."),
    format: z.string().optional().describe("For form fields: type, length, position, path and pattern, as text."),
    codelist: z.string().optional().describe("For form fields: the codelist bound (`id` or `id@year`)."),
    mandatory: z.boolean().optional().describe("For form fields: whether it is mandatory (for the file: a field of an optional record that is itself new is not)."),
    description: z.string().optional().describe("For added and removed record fields: the description."),
    dataType: z.string().optional().describe("For added and removed record fields: SSB's data type (`STRING_TYPE`, `INTEGER_TYPE`, `DATE_TYPE`)."),
    position: z.number().int().optional().describe("For added and removed record fields: the first column, 1-based."),
    length: z.number().int().optional().describe("For added and removed record fields: the width in characters."),
    datePattern: z.string().optional().describe("For added and removed record fields: the date pattern."),
    codes: z.array(FieldCode).optional().describe("For added and removed fields: the codes the field takes (its own list or the bound codelist's, in force that year)."),
    classification: z.string().optional().describe("For added and removed record fields: the KLASS classification URL."),
    rule: z.string().optional().describe("For schema rules: the rule as text (`unique MeldingIdUnique: Melding/@Id`)."),
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
    code: z.string().optional().describe("The code changed, for changes of one code (also a code of a form field's list, with `element`)."),
    element: z.string().optional().describe("For forms: the id of the section, field, table (`table.row`, `table.column`), record field (`record.Name`) or control changed."),
    elementKind: z.enum(["section", "field", "table", "row", "column", "record", "record-field", "control", "schema-rule"]).optional().describe("For forms: what kind of element `element` is (`schema-rule`: `record.RuleName`)."),
    aspect: ChangeAspect.optional(),
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

/** An item whose version in the later year is there only by assumption: no source covers that year. */
export const WithoutSource = z
  .strictObject({
    itemKind: z.enum(["codelist", "form"]).describe("Kind of item."),
    item: z.string().describe("Id of the item."),
    confirmedTo: z.number().int().describe("The last reporting year a source shows the item's version for."),
  })
  .describe("An item with no change because no source says anything about the later year («no source», not «no change»).");
export type WithoutSource = z.infer<typeof WithoutSource>;

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
    withoutSource: z.array(WithoutSource).optional().describe("Items no source covers in the later year: their lack of changes means «no source», not «no change». Omitted when there are none."),
  })
  .describe("The changes between two reporting years.");
export type ChangeSet = z.infer<typeof ChangeSet>;
