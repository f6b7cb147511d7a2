import { z } from "zod";
import { EditorNote, Id } from "./common.ts";

/** FATAL stops all checking, ERROR blocks submission, WARNING asks for a check, INFO informs. */
export const Severity = z
  .enum(["FATAL", "ERROR", "WARNING", "INFO"])
  .describe("`FATAL` stops all checking, `ERROR` blocks submission, `WARNING` asks the municipality to check, `INFO` informs.");

/** A control SSB runs on submitted data. */
export const Control = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: "must be letters, digits, dots, underscores or hyphens" }).describe("Identifier as the control specification names it."),
    title: z.string().trim().min(1).describe("Short description of what is checked."),
    severity: Severity,
    condition: z.string().trim().min(1).describe("What is checked, in words, as the source states it."),
    message: z.string().trim().min(1).describe("The message shown to the municipality, exactly as the source gives it."),
    appliesTo: z.array(Id).optional().describe("Ids of the fields or tables the control concerns."),
    note: EditorNote.optional(),
  })
  .describe("A control with its severity and message.");

export type Control = z.infer<typeof Control>;
