import { z } from "zod";
import { EditorNote, Id, SourceRef } from "./common.ts";

/** FATAL stops all checking, ERROR blocks submission, WARNING asks for a check, INFO informs. */
export const Severity = z
  .enum(["FATAL", "ERROR", "WARNING", "INFO"])
  .describe("`FATAL` stops all checking, `ERROR` blocks submission, `WARNING` asks the municipality to check, `INFO` informs.");

/** An input and the outcome the control must give for it. */
export const ControlTest = z
  .strictObject({
    name: z.string().trim().min(1).describe("What the case shows."),
    input: z.record(z.string(), z.unknown()).describe("The CEL variables for the case (see docs/forms-and-controls.md)."),
    expect: z.enum(["pass", "fail"]).describe("`fail` when the control must report its message, `pass` when it must not."),
    messages: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("With `expect: fail`: the messages the control reports for the input, filled in, one per problem and in order (a sum table reports one per row or column that does not add up). Where SSB's unit test pins its message, the first is SSB's."),
  })
  .describe("A test case of a control.");

/** A field of the record a control is scoped to, by name. */
const FieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "must be a field name of the record (letters, digits, underscores)" });

/** A table of whole-number fields that must add up, row by row and column by column. */
export const SumTable = z
  .strictObject({
    rows: z
      .array(z.array(FieldName).min(2))
      .min(1)
      .describe("The table's rows, each a list of fields of the `scope` record, all rows as long; the last field of a row holds the row's sum, and the last row (where there are two or more) holds the columns' sums."),
  })
  .describe(
    "A sum table (SSB's «sumfelt» rules, `ValidateMatrixRule`): on each occurrence of the `scope` record, every row and then (with two or more rows) every column whose fields do not add up to its last field is one problem; blank or invalid counts as 0 (`intOrZero`). The message's `{sumItem.first}` is the sum field's name, `{sumItem.second}` its value, `{itemListSum}` the sum of the others and `{itemList}` the others with their values, as SSB writes them: `[(A, 1), (B, 0)]`.",
  );

/** Occurrences of a record that must not share a key. */
export const Duplicates = z
  .strictObject({
    key: z.array(FieldName).min(1).describe("The fields of the `scope` record whose values together must not repeat; compared as the file writes them."),
  })
  .describe(
    "A duplicate rule (SSB's «Dubletter» rules): the occurrences of the `scope` record that share the key's values, looked for in the whole file, each group of two or more one problem at all its lines. The message's `{group.size}` is the group's size and each key field's placeholder (`{KONTOR_NR_A}`) its value.",
  );

/** A list of items the control's expression is evaluated for, one after another. */
export const ForEach = z
  .strictObject({
    variable: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "must be a CEL identifier" })
      .describe("The CEL variable that holds the item (`mapping`)."),
    items: z
      .array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])))
      .min(1)
      .describe("The items, each a map of names to values (`{ title: \"Partner\", count: \"SAMT_PARTNER_A\" }`), in the source's order."),
  })
  .describe("Evaluates `when` (and `values`) once per item, the item in `variable`: each item for which `when` is true is one problem (SSB's rules that loop over a mapping list).");

/** A control SSB runs on submitted data. */
export const Control = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: "must be letters, digits, dots, underscores or hyphens" }).describe("Identifier as the control specification names it."),
    title: z.string().trim().min(1).describe("Short description of what is checked."),
    severity: Severity,
    condition: z.string().trim().min(1).describe("What is checked, in words, as the source states it."),
    message: z.string().trim().min(1).describe("The message shown to the municipality, exactly as the source gives it (placeholders such as `{@Versjon}` kept: `kostra check` fills them from the record, `values`, the sum table or the duplicates; docs/forms-and-controls.md)."),
    scope: Id.optional().describe("For file extracts: the id of the record the control runs on, once per occurrence (a duplicate rule: whose occurrences it compares). Default: the whole form."),
    when: z.string().trim().min(1).optional().describe("The condition, as a CEL expression, under which the message is reported."),
    forEach: ForEach.optional(),
    values: z
      .record(z.string().regex(/^[^{}]+$/, { message: "must be a placeholder's name, without braces" }), z.string().trim().min(1))
      .optional()
      .describe("With `when`: what the message's run-time placeholders are filled with, by placeholder name (`regionList`, `mapping.title`), each a CEL expression over the same variables giving text or a whole number."),
    sumTable: SumTable.optional(),
    duplicates: Duplicates.optional(),
    notExpressible: z.string().trim().min(1).optional().describe("Instead of `when`, `sumTable` or `duplicates`: why the control cannot be expressed over the form's data."),
    appliesTo: z.array(z.string().min(1)).optional().describe("Ids of the sections, fields or tables (or `record.field`) the control concerns; its message is shown next to them."),
    tests: z.array(ControlTest).optional().describe("Test cases; a control with `when`, `sumTable` or `duplicates` needs at least one `pass` and one `fail` case."),
    source: SourceRef.optional().describe("Where the control comes from, where it is not the version's own source: a path below the shared source folder (SSB's rule file), optionally with ` — ` and a locator. One string or a list."),
    note: EditorNote.optional(),
  })
  .superRefine((c, ctx) => {
    const kinds = [c.when, c.sumTable, c.duplicates, c.notExpressible].filter((k) => k !== undefined).length;
    if (kinds !== 1) {
      ctx.addIssue({ code: "custom", path: ["when"], message: "a control needs exactly one of `when` (a CEL expression), `sumTable`, `duplicates` or `notExpressible` (why it cannot be expressed)" });
    }
    if (c.when === undefined && c.forEach !== undefined) ctx.addIssue({ code: "custom", path: ["forEach"], message: "`forEach` goes with `when`: the expression evaluated for each item" });
    if (c.when === undefined && c.values !== undefined) ctx.addIssue({ code: "custom", path: ["values"], message: "`values` goes with `when` (a sum table and a duplicate rule fill their own placeholders)" });
    if ((c.sumTable !== undefined || c.duplicates !== undefined) && c.scope === undefined) {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "a sum table or duplicate rule needs `scope`: the record whose fields it names" });
    }
    const widths = new Set(c.sumTable?.rows.map((r) => r.length));
    if (widths.size > 1) ctx.addIssue({ code: "custom", path: ["sumTable", "rows"], message: "every row of a sum table has as many fields" });
    c.tests?.forEach((t, i) => {
      if (t.messages && t.expect !== "fail") ctx.addIssue({ code: "custom", path: ["tests", i, "messages"], message: "`messages` goes with `expect: fail`" });
    });
  })
  .describe("A control with its severity, condition and message.");

export type Control = z.infer<typeof Control>;
export type ControlTest = z.infer<typeof ControlTest>;
export type SumTable = z.infer<typeof SumTable>;
export type Duplicates = z.infer<typeof Duplicates>;
export type ForEach = z.infer<typeof ForEach>;
