import { z } from "zod";

/**
 * An identity constraint of an XML file extract (XSD `xs:unique`, `xs:key`, `xs:keyref`) declared on
 * a record's element: within each occurrence of the record, the values the `fields` select on every
 * node the `selector` selects must be unique (`unique`), unique and present (`key`), or refer to a
 * key (`keyref`). A new rule can refuse a file that was valid before.
 */
export const RecordConstraint = z
  .strictObject({
    kind: z.enum(["unique", "key", "keyref"]).describe("`unique` (xs:unique), `key` (xs:key) or `keyref` (xs:keyref)."),
    name: z.string().trim().min(1).describe("The constraint's name as the XSD writes it (`MeldingIdUnique`)."),
    selector: z.string().trim().min(1).describe("XPath of the nodes constrained, relative to the record's element, as written in the XSD (`Melding`)."),
    fields: z.array(z.string().trim().min(1)).min(1).describe("XPaths of the values that must be unique, relative to the selected nodes, as written in the XSD (`@Id`)."),
    refer: z.string().trim().min(1).optional().describe("For `keyref`: the name of the key referred to."),
  })
  .describe("A uniqueness or key rule of the XML schema, declared on a record.");
export type RecordConstraint = z.infer<typeof RecordConstraint>;
