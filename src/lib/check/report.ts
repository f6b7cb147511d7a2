import { z } from "zod";
import { Severity } from "../schema/control.ts";

/** One problem in a checked file, in Norwegian, with nothing of a personal number in it. */
export const Problem = z
  .strictObject({
    severity: Severity,
    control: z.string().describe("The control's id (`avgiver_02`), or the engine's own check: `001` record length, `002` field, `xml`, `struktur`, `unik`, `fil`."),
    message: z.string().describe("The message, placeholders filled from the record; personal numbers hidden."),
    line: z.number().int().optional().describe("Line in the file, 1-based."),
    lines: z.array(z.number().int()).optional().describe("All the lines the problem concerns, where it is more than one (a group of duplicates); `line` is the first."),
    path: z.string().optional().describe("XML: the element's path (`/Barnevern/Individ[3]/Melding[1]`)."),
    recordId: z.string().optional().describe("The record's identifier where it has one: the journal number for 15F (never a personal number)."),
    field: z.string().optional().describe("The field concerned."),
    position: z.string().optional().describe("Fixed-width: the columns, `37–39`."),
    found: z.string().optional().describe("What the file holds (masked where the field holds a personal number)."),
    expected: z.string().optional().describe("What was expected."),
  })
  .describe("A problem found in a file.");

/** The result of checking one file. */
export const CheckReport = z
  .strictObject({
    form: z.string(),
    number: z.string(),
    year: z.number().int(),
    versionYear: z.number().int().optional().describe("The first year of the form version the file was checked against."),
    verdict: z.enum(["FEIL", "ADVARSEL", "OK"]).describe("SSB's verdict: FEIL (an ERROR or FATAL: the file is stopped), ADVARSEL (warnings only), OK."),
    readable: z.boolean().describe("`false` when the file could not be read as this kind of file (blank, binary, not XML …): exit code 2."),
    encoding: z.enum(["UTF-8", "ISO-8859-1"]).optional().describe("The encoding the file was read as."),
    bytes: z.number().int().describe("Bytes read."),
    lines: z.number().int().describe("Lines read."),
    records: z.number().int().describe("Records checked: lines, or XML record occurrences."),
    counts: z.strictObject({ FATAL: z.number().int(), ERROR: z.number().int(), WARNING: z.number().int(), INFO: z.number().int() }).describe("Problems per severity, all of them (also beyond --max-problems)."),
    perControl: z.record(z.string(), z.number().int()).describe("Problems per control id."),
    problems: z.array(Problem).describe("The problems, in file order, at most --max-problems of them."),
    truncated: z.boolean().describe("More problems were found than listed."),
  })
  .describe("The report of `kostra check`.");

export type Problem = z.infer<typeof Problem>;
export type CheckReport = z.infer<typeof CheckReport>;
export type SeverityName = Problem["severity"];

/** SSB's verdict for a set of counts. */
export function verdictOf(counts: CheckReport["counts"]): CheckReport["verdict"] {
  if (counts.FATAL + counts.ERROR > 0) return "FEIL";
  return counts.WARNING > 0 ? "ADVARSEL" : "OK";
}

/**
 * Collects problems: counts every one, keeps the first `max` (memory stays bounded however many a
 * file has), and remembers whether the file could be read at all.
 */
export class ProblemList {
  readonly counts = { FATAL: 0, ERROR: 0, WARNING: 0, INFO: 0 };
  readonly perControl: Record<string, number> = {};
  readonly problems: Problem[] = [];
  truncated = false;
  unreadable = false;
  constructor(readonly max: number) {}

  add(problem: Problem): void {
    this.counts[problem.severity]++;
    this.perControl[problem.control] = (this.perControl[problem.control] ?? 0) + 1;
    if (this.problems.length < this.max) this.problems.push(problem);
    else this.truncated = true;
  }

  /** Whether the next problem will be listed: only then is its text worth making. */
  get listing(): boolean {
    return this.problems.length < this.max;
  }

  /** Counts a problem without listing it (beyond --max-problems). */
  count(severity: Problem["severity"], control: string): void {
    this.counts[severity]++;
    this.perControl[control] = (this.perControl[control] ?? 0) + 1;
    this.truncated = true;
  }

  /** A problem that means the file is not a readable file of this kind (exit 2). */
  fatal(control: string, message: string, at: Partial<Problem> = {}): void {
    this.unreadable = true;
    this.add({ severity: "FATAL", control, message, ...at });
  }

  get hasErrors(): boolean {
    return this.counts.FATAL + this.counts.ERROR > 0;
  }
}
