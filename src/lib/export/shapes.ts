import { z } from "zod";
import { Codelist as CodelistContent, CodelistVersion as CodelistVersionContent, ComputedStatus, Form as FormContent, FormVersion as FormVersionContent, Indicator as IndicatorContent, IsoDate, Meeting as MeetingContent, Proposal as ProposalContent, ReportingYear, StatbankTable as StatbankTableContent } from "../schema/index.ts";
import { citedSchema } from "./cited.ts";

// The content schemas as the exports hold them: each `source` cited by title, section and page (cited.ts).
const Codelist = citedSchema(CodelistContent);
const CodelistVersion = citedSchema(CodelistVersionContent);
const Form = citedSchema(FormContent);
const FormVersion = citedSchema(FormVersionContent);
const Indicator = citedSchema(IndicatorContent);
const StatbankTable = citedSchema(StatbankTableContent);
const Proposal = citedSchema(ProposalContent);
const Meeting = citedSchema(MeetingContent);

/** The JSON exports: content as written (sources cited by title and section, not by path), plus what a tool needs to place it. One zod schema each, so the published JSON Schemas come from them. */
export const CodelistYearExport = z
  .strictObject({
    codelist: Codelist.describe("The codelist's metadata, as in codelist.yaml, with its sources cited by title."),
    year: ReportingYear.describe("The reporting year this file is for."),
    versionYear: ReportingYear.describe("The first reporting year of the version in force (its file name)."),
    version: CodelistVersion.describe("The version in force, as in <year>.yaml, with its sources cited by title."),
  })
  .describe("A codelist as it applies in one reporting year: /api/v1/codelists/<id>/<year>.json");

export const FormYearExport = z
  .strictObject({
    form: Form.describe("The form's metadata, as in form.yaml, with its sources cited by title."),
    year: ReportingYear.describe("The reporting year this file is for."),
    versionYear: ReportingYear.describe("The first reporting year of the version in force."),
    assumed: z.literal(true).optional().describe("Present when no source covers this year: the version is assumed unchanged from `confirmedTo`, not confirmed."),
    confirmedTo: ReportingYear.optional().describe("With `assumed`: the last reporting year a source shows the version for."),
    version: FormVersion.describe("The version in force, with its controls and their test cases."),
  })
  .describe("A form or file extract as it applies in one reporting year: /api/v1/forms/<id>/<year>.json");

export const IndicatorExport = Indicator.describe("An indicator: /api/v1/indicators/<id>.json");
export const TableExport = StatbankTable.describe("A Statbank table: /api/v1/tables/<number>.json");
export const ProposalExport = z
  .strictObject({
    proposal: Proposal.describe("The front matter."),
    computedStatus: ComputedStatus.describe("Beside the recorded status (the last of `proposal.history`): whether the content of the target year carries the proposal out."),
    body: z.string().describe("The MDX body, as written."),
  })
  .describe("A change proposal: /api/v1/proposals/<id>.json");
export const MeetingExport = z
  .strictObject({ meeting: Meeting.describe("The front matter."), body: z.string().describe("The MDX body, as written.") })
  .describe("A meeting: /api/v1/meetings/<id>.json");

/** One file of the API as index.json lists it. */
export const IndexFile = z
  .strictObject({
    url: z.string().describe("Path of the file below the site root."),
    format: z.string().describe("json, csv, csv-excel, xlsx, klass-json, sdmx-ml, sdmx-json, fhir-json, xkos-turtle, kontrollprogram-yaml (SSB's file-description YAML), kontrollprogram-changelog (SSB's changelog Markdown), dcat-turtle, dcat-json-ld, atom, icalendar."),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the file's bytes, hex."),
    year: ReportingYear.optional().describe("The reporting year the file is for, for versioned resources."),
    lastChanged: ReportingYear.optional().describe("The reporting year in which the content of this file last changed (the version's first year)."),
  })
  .describe("A file of the API.");

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A published (frozen) reporting year as index.json lists it: enough to notice any change to it. */
export const IndexPublishedYear = z
  .strictObject({
    year: ReportingYear.describe("The published reporting year."),
    publishedAt: IsoDate.describe("When it was published; never changes."),
    corrections: z.number().int().min(0).describe("How many corrections have been recorded since; only ever grows."),
    url: z.string().describe("Path of the year's lock file below the site root: /api/v1/published/<year>.json."),
    sha256: Sha256.describe("SHA-256 of the lock file's bytes, hex."),
    files: z.record(z.string(), Sha256).describe("Every export the year froze, by its path under /api/v1/, with its SHA-256 (as in the lock file): each equals the sha256 this index gives that file."),
  })
  .describe("A published reporting year: its exports are frozen, and change only by a recorded correction.");

export const IndexExport = z
  .strictObject({
    api: z.literal("v1").describe("API version; v1 URLs never change meaning."),
    resources: z
      .array(
        z.strictObject({
          kind: z.enum(["codelist", "form", "indicator", "table", "proposal", "meeting", "changes", "calendar", "feed", "schema", "published", "catalog"]).describe("Kind of resource (`catalog`: the DCAT-AP-NO catalogue of the API)."),
          id: z.string().describe("Id of the resource."),
          files: z.array(IndexFile).describe("Its files, per year and format."),
        }),
      )
      .describe("Every resource with its files."),
    published: z.array(IndexPublishedYear).describe("Every published reporting year, oldest first, with the SHA-256 of each export it froze."),
  })
  .describe("The list of everything the API serves, with a SHA-256 per file: /api/v1/index.json");

export type CodelistYearExport = z.infer<typeof CodelistYearExport>;
export type FormYearExport = z.infer<typeof FormYearExport>;
export type IndexExport = z.infer<typeof IndexExport>;
