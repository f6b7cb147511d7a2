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
  })
  .describe("A test case of a control.");

/** A control SSB runs on submitted data. */
export const Control = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: "must be letters, digits, dots, underscores or hyphens" }).describe("Identifier as the control specification names it."),
    title: z.string().trim().min(1).describe("Short description of what is checked."),
    severity: Severity,
    condition: z.string().trim().min(1).describe("What is checked, in words, as the source states it."),
    message: z.string().trim().min(1).describe("The message shown to the municipality, exactly as the source gives it (placeholders such as `{@Versjon}` kept)."),
    scope: Id.optional().describe("For file extracts: the id of the record the control runs on, once per occurrence. Default: the whole form."),
    when: z.string().trim().min(1).optional().describe("The condition, as a CEL expression, under which the message is reported."),
    notExpressible: z.string().trim().min(1).optional().describe("Instead of `when`: why the control cannot be expressed in CEL over the form's data."),
    appliesTo: z.array(z.string().min(1)).optional().describe("Ids of the sections, fields or tables (or `record.field`) the control concerns; its message is shown next to them."),
    tests: z.array(ControlTest).optional().describe("Test cases; a control with `when` needs at least one `pass` and one `fail` case."),
    source: SourceRef.optional().describe("Where the control comes from, where it is not the version's own source: a path below the shared source folder (SSB's rule file), optionally with ` — ` and a locator. One string or a list."),
    note: EditorNote.optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.when === undefined) === (c.notExpressible === undefined)) {
      ctx.addIssue({ code: "custom", path: ["when"], message: "a control needs exactly one of `when` (a CEL expression) or `notExpressible` (why it cannot be expressed)" });
    }
  })
  .describe("A control with its severity, condition and message.");

export type Control = z.infer<typeof Control>;
export type ControlTest = z.infer<typeof ControlTest>;
