/** The content model, composed: one entry per kind of content file. */
import type { z } from "zod";
import { Codelist } from "./codelist.ts";
import { CodelistVersion } from "./codelist-version.ts";
import { WorkingGroup } from "./working-group.ts";
import { Form } from "./form.ts";
import { FormVersion } from "./form-version.ts";
import { Indicator } from "./indicator.ts";
import { StatbankTable } from "./statbank-table.ts";
import { Meeting } from "./meeting.ts";
import { Proposal } from "./proposal.ts";
import { ReportTemplate } from "./report-template.ts";
import { ReportText } from "./report-text.ts";
import { Calendar } from "./calendar.ts";
import { PublishedYear } from "./published.ts";
import { AllowedNumbers } from "./allowed-numbers.ts";

export * from "./common.ts";
export * from "./code.ts";
export * from "./correspondence.ts";
export * from "./codelist.ts";
export * from "./codelist-version.ts";
export * from "./working-group.ts";
export * from "./form.ts";
export * from "./form-field.ts";
export * from "./control.ts";
export * from "./record.ts";
export * from "./form-version.ts";
export * from "./indicator.ts";
export * from "./statbank-table.ts";
export * from "./meeting.ts";
export * from "./proposal.ts";
export * from "./report-template.ts";
export * from "./report-text.ts";
export * from "./calendar.ts";
export * from "./published.ts";
export * from "./allowed-numbers.ts";

export interface ContentKind {
  /** Name used in messages and docs. */
  name: string;
  /** Where files of this kind live, relative to the content root. */
  pattern: string;
  /** The schema of the file (of the front matter, for MDX). */
  schema: z.ZodType;
  /** Whether the file is MDX with front matter. */
  mdx: boolean;
  /** The field that must equal the file or folder name. */
  idField?: "id" | "number";
}

/** Every kind of content file; the order is the order of the docs. */
export const contentKinds = {
  codelist: { name: "Codelist", pattern: "codelists/<id>/codelist.yaml", schema: Codelist, mdx: false, idField: "id" },
  codelistVersion: { name: "Codelist version", pattern: "codelists/<id>/<year>.yaml", schema: CodelistVersion, mdx: false },
  workingGroup: { name: "Working group", pattern: "content/working-groups/<id>.yaml", schema: WorkingGroup, mdx: false, idField: "id" },
  form: { name: "Form", pattern: "content/forms/<id>/form.yaml", schema: Form, mdx: false, idField: "id" },
  formVersion: { name: "Form version", pattern: "content/forms/<id>/<year>.yaml", schema: FormVersion, mdx: false },
  indicator: { name: "Indicator", pattern: "content/indicators/<id>.yaml", schema: Indicator, mdx: false, idField: "id" },
  table: { name: "Statbank table", pattern: "content/tables/<number>.yaml", schema: StatbankTable, mdx: false, idField: "number" },
  reportTemplate: { name: "Report template", pattern: "content/report-templates/<id>.yaml", schema: ReportTemplate, mdx: false, idField: "id" },
  reportText: { name: "Annual report text", pattern: "content/reports/<working group>-<year>.yaml", schema: ReportText, mdx: false, idField: "id" },
  calendar: { name: "Calendar", pattern: "content/calendar/<year>.yaml", schema: Calendar, mdx: false },
  published: { name: "Published year", pattern: "content/published/<year>.json", schema: PublishedYear, mdx: false },
  allowedNumbers: { name: "Allowed numbers", pattern: "content/allowed-numbers.yaml", schema: AllowedNumbers, mdx: false },
  meeting: { name: "Meeting", pattern: "content/meetings/<id>.mdx", schema: Meeting, mdx: true, idField: "id" },
  proposal: { name: "Change proposal", pattern: "changes/<id>.mdx", schema: Proposal, mdx: true, idField: "id" },
} satisfies Record<string, ContentKind>;

export type ContentKindName = keyof typeof contentKinds;
