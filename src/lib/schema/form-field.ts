import { z } from "zod";
import { Id, ReportingYear, SourceRef } from "./common.ts";

/** A binding from a field to a codelist; the version is the one in force in the form's year unless pinned. */
export const CodelistBinding = z
  .strictObject({
    codelist: Id.describe("Id of the codelist."),
    year: ReportingYear.optional().describe("Pin a version by its first reporting year. Default: the version in force in the form's year."),
  })
  .describe("The codelist whose codes a field takes.");

export const FieldType = z
  .enum(["number", "integer", "text", "boolean", "date", "code"])
  .describe("`number` (with `decimals`), `integer`, `text`, `boolean` (yes/no), `date`, `code` (from a codelist).");

/** One question or cell definition of a questionnaire. */
export const Field = z
  .strictObject({
    id: Id.describe("Identifier, unique within the form version."),
    label: z.string().trim().min(1).describe("The label shown to the municipality, exactly as on the form."),
    type: FieldType,
    decimals: z.number().int().min(0).max(6).optional().describe("Decimals allowed for `number`."),
    codelist: CodelistBinding.optional().describe("For `code` fields: the codelist."),
    mandatory: z.boolean().optional().describe("Must be filled in to submit. Default `false`."),
    help: z.string().trim().min(1).optional().describe("Help text from the form."),
  })
  .describe("A field of a questionnaire.");

/** A row or column of a table. */
export const TableAxisItem = z
  .strictObject({
    id: Id.describe("Identifier, unique within the table's rows or columns."),
    label: z.string().trim().min(1).describe("Label exactly as on the form."),
    sum: z.boolean().optional().describe("`true` when this row or column is the sum of the others."),
  })
  .describe("A row or column of a table.");

/** A row of a table: an axis item that may leave some of the columns' cells out. */
export const TableRow = TableAxisItem.extend({
  omit: z
    .array(Id)
    .min(1)
    .optional()
    .describe("Ids of the columns whose cell this row does not ask for (not on the form): shown as «ikke spurt», left out of the sums and of the controls' `table` values, and compared by the diff. Default: every cell is asked."),
  source: SourceRef.optional().describe("Where the row, or the cells it omits, come from, where that is a place other than the version's `source`."),
}).describe("A row of a table.");

/** A table of rows × columns of numbers. */
export const Table = z
  .strictObject({
    id: Id.describe("Identifier, unique within the form version."),
    title: z.string().trim().min(1).describe("Title exactly as on the form."),
    cellType: z.enum(["number", "integer"]).describe("Type of every cell."),
    decimals: z.number().int().min(0).max(6).optional().describe("Decimals allowed in cells."),
    rows: z.array(TableRow).min(1).describe("Rows, in order."),
    columns: z.array(TableAxisItem).min(1).describe("Columns, in order."),
    help: z.string().trim().min(1).optional().describe("Help text from the form."),
  })
  .describe("A table of a questionnaire.");

export type Field = z.infer<typeof Field>;
export type Table = z.infer<typeof Table>;
export type TableRow = z.infer<typeof TableRow>;
