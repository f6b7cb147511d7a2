import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Record as FileRecord, RecordField } from "../schema/record.ts";
import { contextFor } from "../rules/evaluate.ts";
import { ControlRunner } from "./controls.ts";
import { valueFault } from "./field-value.ts";
import { printable, safe } from "./mask.ts";
import { codesKey, type CheckPlan, type ProgramSchema } from "./plan.ts";
import type { Problem, ProblemList } from "./report.ts";

/** Deepest element nesting read; the records of an extract are a few levels deep. */
export const MAX_DEPTH = 64;
/** Most characters read without one XML event (a tag, a text): an endless attribute or text. */
export const MAX_CHARS_WITHOUT_EVENT = 8 * 1024 * 1024;
/**
 * Most record occurrences, and most children of the root (`Individ`), kept for the controls on the
 * whole file (`scope` the root record); beyond either they are not run (said as INFO). A duplicate
 * check in CEL (individ_05) compares every Individ with every other.
 * @see WHOLE_FILE_MAX_LINES in fixed-width.ts, and docs/performance.md
 */
const WHOLE_FILE_OCCURRENCES = 500_000;
const WHOLE_FILE_CHILDREN = 20_000;
/** Most characters of an element's text kept. */
const MAX_TEXT = 10_000;

type Occurrence = Record<string, unknown>;
type ProgramField = ProgramSchema["records"][number]["fields"][number];

interface Frame {
  name: string;
  path: string;
  /** The element names from the root (`/Barnevern/Individ`): a record's path. */
  names: string;
  record?: FileRecord;
  occurrence?: Occurrence;
  /** A text element that is a field of the enclosing record (`Presisering`). */
  textField?: { field: RecordField; owner: Frame; text: string };
  ignored?: boolean;
  /** How many child elements of each name so far (made at the first child). */
  children?: Map<string, number>;
  line: number;
}

/** A field of a record, with the codes it takes in the year and the values found without fault so far. */
interface FieldCheck {
  field: RecordField;
  codes: CheckPlan["codes"][string] | undefined;
  valid: Set<string>;
}

/** A record's fields and children, looked up by name rather than searched for on every element. */
interface RecordInfo {
  /** The attribute fields by attribute name (`@Kode` as `Kode`). */
  attributes: Map<string, FieldCheck>;
  /** The text fields by element name (`Presisering`). */
  texts: Map<string, FieldCheck>;
  /** The mandatory attribute fields, in the fields' order, each with its attribute's name. */
  mandatoryAttributes: { field: RecordField; name: string }[];
  /** SSB's current description of the record (`plan.program`), by field path. */
  program: Map<string, ProgramField> | undefined;
}

/** Most values kept per field as found without fault; a value not among them is checked (`valueFault`). */
const VALID_KEPT = 1024;

interface Where {
  line: number;
  path: string;
}

const FAULT_TEXT = {
  mandatory: "mangler",
  integer: "er ikke et heltall",
  date: "er ikke en gyldig dato",
  code: "har en ukjent kode",
  withdrawn: "har en kode som er trukket tilbake",
  later: "har en kode som ikke gjelder ennå",
  pattern: "har feil format",
  length: "har feil lengde",
} as const;

/** The bounds of each `occurs` (`0..n`), worked out once. */
const bounds = new Map<string | undefined, { min: number; max: number }>();
const boundsOf = (occurs: string | undefined) => {
  let b = bounds.get(occurs);
  if (!b) {
    const max = occurs?.split("..")[1];
    b = { min: Number(occurs?.split("..")[0] ?? 0), max: max === undefined ? 1 : max === "n" ? Infinity : Number(max) };
    bounds.set(occurs, b);
  }
  return b;
};
const maxOf = (occurs: string | undefined) => boundsOf(occurs).max;
const minOf = (occurs: string | undefined) => boundsOf(occurs).min;

/**
 * Checks an XML extract (15F) as it streams: well-formed (saxes; a DOCTYPE is refused, so no entity
 * is ever declared or expanded, and nesting is bounded), each element a record at its path or a text
 * field of one, attributes known, mandatory and valid (type, date, pattern, lengths, codes of the
 * year), records occurring as often as `occurs` allows, the schema's identity rules, then the form's
 * CEL controls on each record occurrence (as docs/forms-and-controls.md describes the variables).
 * Each child of the root (an `Individ`) is checked when it closes and then let go, unless the
 * whole-file controls need it.
 */
export class XmlChecker {
  readonly #parser = new SaxesParser({ position: true });
  readonly #byPath = new Map<string, FileRecord>();
  readonly #children = new Map<string, FileRecord[]>();
  readonly #root: FileRecord;
  /** SSB's current description by record path, then field path (`plan.program`). */
  readonly #program = new Map<string, Map<string, ProgramField>>();
  readonly #controls: ControlRunner;
  /** Where each record occurrence is, until its controls have run (then forgotten; the root's kept). */
  readonly #where = new Map<object, Where>();
  readonly #stack: Frame[] = [];
  readonly #context: Record<string, unknown> = {};
  readonly #info = new Map<FileRecord, RecordInfo>();
  /** The records whose path is a record's path and one more element, by that element's name. */
  readonly #childRecords = new Map<FileRecord, Map<string, FileRecord>>();
  /** Whether controls on the whole file need the children of the root kept. */
  readonly #wantsWholeFile: boolean;
  /** The CEL variables every record occurrence shares (`#input` without the records), made again when they change. */
  #shared: Record<string, unknown> | undefined;
  #rootOccurrence: Occurrence | undefined;
  #kept = 0;
  #keptChildren = 0;
  #tooLarge = false;
  #sawRoot = false;
  #charsWithoutEvent = 0;
  stopped = false;
  records = 0;

  constructor(private readonly plan: CheckPlan, private readonly problems: ProblemList, private readonly portal: Record<string, unknown>) {
    const records = plan.version.records ?? [];
    for (const r of records) {
      if (r.path) this.#byPath.set(r.path, r);
      if (r.parent) this.#children.set(r.parent, [...(this.#children.get(r.parent) ?? []), r]);
    }
    this.#root = records.find((r) => !r.parent) ?? records[0];
    for (const r of plan.program?.records ?? []) this.#program.set(r.path, new Map(r.fields.map((f) => [f.path, f])));
    for (const r of records) {
      const check = (field: RecordField): FieldCheck => ({ field, codes: plan.codes[codesKey(r.id, field.name)], valid: new Set() });
      const attributes = new Map<string, FieldCheck>();
      const texts = new Map<string, FieldCheck>();
      // The first field of a path is the one `find` gave.
      for (const f of r.fields) {
        if (f.path?.startsWith("@")) {
          if (!attributes.has(f.path.slice(1))) attributes.set(f.path.slice(1), check(f));
        } else if (f.path !== undefined && !texts.has(f.path)) texts.set(f.path, check(f));
      }
      const mandatoryAttributes = r.fields.filter((f) => f.mandatory && f.path?.startsWith("@")).map((field) => ({ field, name: field.path!.slice(1) }));
      this.#info.set(r, { attributes, texts, mandatoryAttributes, program: r.path === undefined ? undefined : this.#program.get(r.path) });
    }
    for (const r of records) {
      const below = new Map<string, FileRecord>();
      for (const [path, child] of this.#byPath) if (r.path !== undefined && path.startsWith(`${r.path}/`) && !path.slice(r.path.length + 1).includes("/")) below.set(path.slice(r.path.length + 1), child);
      this.#childRecords.set(r, below);
    }
    // Each record occurrence is a variable of its record's id; the others stay the same until the
    // portal's values or a single record of the root change (`#sharedChanged`).
    this.#controls = new ControlRunner(plan, problems, { variables: new Set(records.map((r) => r.id)) });
    this.#wantsWholeFile = (this.#controls.byScope.get(this.#root.id)?.length ?? 0) + this.#controls.wholeFile.length > 0;
    this.#context.rapporteringsar = plan.year;
    const p = this.#parser;
    p.on("doctype", () => this.#stop(() => this.problems.fatal("xml", `Filen har en DOCTYPE-deklarasjon. En ${plan.number}-fil har ingen, og kontrollen leser ikke DOCTYPE eller entiteter (de kan gjøre filen uendelig stor).`, { line: p.line })));
    p.on("opentag", (tag) => this.#open(tag as SaxesTagPlain));
    p.on("closetag", () => this.#close());
    p.on("text", (text) => this.#text(text));
    p.on("cdata", (text) => this.#text(text));
    // No "error" handler: without one saxes throws the error, which `write` and `end` catch and
    // report alike (`#error`). An eighth handler, each a property `on` adds by a computed name,
    // turns the parser into a dictionary-mode object in V8, and parsing 4 times slower.
    p.on("processinginstruction", () => (this.#charsWithoutEvent = 0));
    p.on("comment", () => (this.#charsWithoutEvent = 0));
  }

  /** Feeds decoded text; does nothing once the check has stopped. */
  write(text: string): void {
    if (this.stopped) return;
    this.#charsWithoutEvent += text.length;
    if (this.#charsWithoutEvent > MAX_CHARS_WITHOUT_EVENT) {
      this.#stop(() => this.problems.fatal("xml", `Filen har over ${MAX_CHARS_WITHOUT_EVENT / 1024 / 1024} millioner tegn uten et XML-element (en uendelig lang verdi eller tekst): kontrollen stopper her.`, { line: this.#parser.line }));
      return;
    }
    try {
      this.#parser.write(text);
    } catch (e) {
      this.#error(e as Error);
    }
  }

  end(): void {
    if (!this.stopped) {
      try {
        this.#parser.close();
      } catch (e) {
        this.#error(e as Error);
      }
    }
    if (!this.#sawRoot && !this.problems.unreadable) this.problems.fatal("fil", `Filen har ikke noe XML-element: dette er ikke en ${this.plan.number}-fil.`);
    if (this.stopped || !this.#rootOccurrence) return;
    const rootWhere = this.#where.get(this.#rootOccurrence)!;
    const whole = this.#controls.byScope.get(this.#root.id) ?? [];
    if (whole.length && this.#tooLarge) {
      this.problems.add({ severity: "INFO", control: "fil", message: `Kontrollene på hele filen (${whole.map((c) => c.id).join(", ")}) er ikke kjørt: filen har over ${WHOLE_FILE_CHILDREN.toLocaleString("nb-NO")} ${this.#children.get(this.#root.id)?.find((r) => maxOf(r.occurs) > 1)?.name ?? "poster"} eller ${WHOLE_FILE_OCCURRENCES.toLocaleString("nb-NO")} poster i alt.` });
    } else {
      const context = this.#input({ [this.#root.id]: this.#rootOccurrence });
      for (const control of whole) this.#controls.run(control, context, this.#rootOccurrence, { line: rootWhere.line, path: rootWhere.path });
      for (const control of this.#controls.wholeFile) this.#controls.run(control, context, undefined, {});
    }
  }

  #stop(report: () => void): void {
    if (this.stopped) return;
    this.stopped = true;
    report();
  }

  #error(e: Error): void {
    const message = e.message.replace(/^[^:]*:\d+:\d+: /, "");
    const line = this.#parser.line;
    this.#stop(() => {
      if (!this.#sawRoot) this.problems.fatal("fil", `Filen er ikke XML: dette er ikke en ${this.plan.number}-fil (${safe(message)}).`, { line });
      else this.problems.add({ severity: "ERROR", control: "xml", line, message: `Filen er ikke gyldig XML: ${safe(message)}. Kontrollen stopper her.` });
    });
  }

  #open(tag: SaxesTagPlain): void {
    this.#charsWithoutEvent = 0;
    if (this.stopped) return;
    const line = this.#parser.line;
    const parent = this.#stack.at(-1);
    if (this.#stack.length >= MAX_DEPTH) {
      this.#stop(() => this.problems.fatal("xml", `Elementene er nestet dypere enn ${MAX_DEPTH} nivåer: dette er ikke en ${this.plan.number}-fil.`, { line }));
      return;
    }
    if (!parent) {
      this.#sawRoot = true;
      if (tag.name !== this.#root.name) {
        this.#stop(() => this.problems.fatal("fil", `Rotelementet er <${safe(tag.name)}>, men en ${this.plan.number}-fil har <${this.#root.name}>: dette er ikke en ${this.plan.number}-fil.`, { line, found: `<${safe(tag.name)}>`, expected: `<${this.#root.name}>` }));
        return;
      }
    }
    let index = 1;
    if (parent) {
      const counts = (parent.children ??= new Map());
      index = (counts.get(tag.name) ?? 0) + 1;
      counts.set(tag.name, index);
    }
    const path = parent ? `${parent.path}/${tag.name}[${index}]` : `/${tag.name}`;
    const frame: Frame = { name: tag.name, path, names: parent ? `${parent.names}/${tag.name}` : `/${tag.name}`, line };
    this.#stack.push(frame);
    if (parent?.ignored || parent?.textField) {
      frame.ignored = true;
      if (parent.textField) this.#problem("ERROR", "struktur", `Elementet ${parent.name} skal bare ha tekst, ikke elementet <${tag.name}>.`, { line, path });
      return;
    }
    const record = parent ? this.#childRecords.get(parent.record!)?.get(tag.name) : this.#byPath.get(frame.names);
    if (record) {
      frame.record = record;
      frame.occurrence = this.#attributes(record, tag, { line, path });
      this.#where.set(frame.occurrence, { line, path });
      this.records++;
      return;
    }
    const owner = parent?.record ? parent : undefined;
    const field = owner ? this.#info.get(owner.record!)!.texts.get(tag.name)?.field : undefined;
    if (owner && field) {
      frame.textField = { field, owner, text: "" };
      return;
    }
    frame.ignored = true;
    if (this.#program.has(frame.names) || (parent?.record?.path && this.#program.get(parent.record.path)?.has(tag.name))) {
      this.#note(`Elementet <${tag.name}> i ${parent?.name ?? "filen"} er ikke med i ${this.plan.number} for ${this.plan.year}, men kom i en senere versjon`, { line, path, found: `<${tag.name}>` });
      return;
    }
    this.#problem("ERROR", "struktur", `Ukjent element <${safe(tag.name)}> i ${parent?.name ?? "filen"}: ${this.plan.number} for ${this.plan.year} har ikke dette elementet.`, { line, path, found: `<${safe(tag.name)}>` });
  }

  /** The record occurrence's attributes, each checked against its field. */
  #attributes(record: FileRecord, tag: SaxesTagPlain, at: Where): Occurrence {
    const occurrence: Occurrence = {};
    const attributes = tag.attributes as Record<string, string>;
    const info = this.#info.get(record)!;
    const names = Object.keys(attributes);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const value = attributes[name];
      const check = info.attributes.get(name);
      const field = check?.field;
      if (!field && info.program?.has(`@${name}`)) {
        this.#note(`Attributtet ${name} på ${record.name} er ikke med i ${this.plan.number} for ${this.plan.year}, men kom i en senere versjon`, { ...at, field: name });
        continue;
      }
      if (!field) {
        this.#problem("ERROR", "struktur", `Ukjent attributt ${safe(name)} på ${record.name}: ${this.plan.number} for ${this.plan.year} har ikke dette attributtet.`, { ...at, field: safe(name), found: `${safe(name)}="${printable(name, value)}"` });
        continue;
      }
      occurrence[name] = value;
      this.#checkValue(record, check!, value, at);
    }
    for (const { field, name } of info.mandatoryAttributes) {
      const path = field.path!;
      if (!(name in attributes)) {
        if (info.program?.get(path)?.mandatory === false) {
          this.#note(`${record.name} mangler attributtet ${field.name}, som ${this.plan.number} for ${this.plan.year} krever, men en senere versjon ikke krever`, { ...at, field: field.name, expected: `attributtet ${path.slice(1)}` });
          continue;
        }
        this.#problem("ERROR", "struktur", `${record.name} mangler det obligatoriske attributtet ${field.name}.`, { ...at, field: field.name, expected: `attributtet ${path.slice(1)}` });
      }
    }
    return occurrence;
  }

  #checkValue(record: FileRecord, check: FieldCheck, value: string, at: Where): void {
    const { field, codes, valid } = check;
    if (valid.has(value)) return;
    const fault = valueFault(field, value, codes, false);
    if (!fault) {
      if (valid.size < VALID_KEPT) valid.add(value.length >= 13 ? (value + " ").slice(0, -1) : value);
      return;
    }
    if (fault.kind === "code" || fault.kind === "withdrawn" || fault.kind === "later") {
      const taken = this.#program.get(record.path!)?.get(field.path ?? field.name)?.codes;
      const parts = field.repeats ? value.split(/\s+/).filter(Boolean) : [value];
      if (taken && parts.every((p) => taken.includes(p))) {
        this.#note(`${record.name}/${field.path}: verdien ${FAULT_TEXT[fault.kind]} i ${this.plan.year}`, { ...at, field: field.name, found: `'${printable(field.name, value)}'`, expected: fault.expected });
        return;
      }
    }
    this.#problem("ERROR", "struktur", `${record.name}/${field.path}: verdien ${FAULT_TEXT[fault.kind]}.`, { ...at, field: field.name, found: `'${printable(field.name, value)}'`, expected: fault.expected });
  }

  #text(text: string): void {
    this.#charsWithoutEvent = 0;
    const frame = this.#stack.at(-1);
    if (frame?.textField && frame.textField.text.length < MAX_TEXT) frame.textField.text += text.slice(0, MAX_TEXT - frame.textField.text.length);
  }

  #close(): void {
    this.#charsWithoutEvent = 0;
    if (this.stopped) return;
    const frame = this.#stack.pop();
    if (!frame || frame.ignored) return;
    const parent = this.#stack.at(-1);
    if (frame.textField) {
      const { field, owner, text } = frame.textField;
      owner.occurrence![field.name] = text;
      this.#checkValue(owner.record!, this.#info.get(owner.record!)!.texts.get(field.path!)!, text, { line: frame.line, path: frame.path });
      return;
    }
    const record = frame.record!;
    const occurrence = frame.occurrence!;
    this.#checkChildren(frame);
    if (!parent) {
      this.#rootOccurrence = occurrence;
      return;
    }
    const parentRecord = parent.record!;
    if (parentRecord === this.#root) {
      // A child of the root: checked now with its subtree, kept only for the whole-file controls.
      const repeats = maxOf(record.occurs) > 1;
      if (!repeats) {
        this.#context[record.id] = occurrence;
        for (const [name, value] of Object.entries(occurrence)) if (typeof value === "string") this.portal[name.toLowerCase()] ??= value;
        this.#shared = undefined;
        this.#controls.forget();
      }
      this.#checkSubtree(record, occurrence, {});
      // Once too large, what is kept is no longer counted: nothing is kept.
      if (this.#wantsWholeFile && !this.#tooLarge) {
        this.#kept += this.#count(occurrence);
        this.#keptChildren++;
        if (!this.#tooLarge && (this.#kept > WHOLE_FILE_OCCURRENCES || this.#keptChildren > WHOLE_FILE_CHILDREN)) {
          this.#tooLarge = true;
          // Let go of what was kept: from here each child is checked and dropped.
          for (const child of this.#children.get(this.#root.id) ?? []) if (maxOf(child.occurs) > 1) delete parent.occurrence![child.name];
        }
      }
      if (!this.#tooLarge && (this.#wantsWholeFile || !repeats)) this.#attach(parent.occurrence!, record, occurrence);
      return;
    }
    this.#attach(parent.occurrence!, record, occurrence);
  }

  #count(occurrence: Occurrence): number {
    let n = 1;
    for (const v of Object.values(occurrence)) {
      if (Array.isArray(v)) for (const o of v) n += this.#count(o as Occurrence);
      else if (v && typeof v === "object") n += this.#count(v as Occurrence);
    }
    return n;
  }

  #attach(into: Occurrence, record: FileRecord, occurrence: Occurrence): void {
    if (maxOf(record.occurs) > 1) ((into[record.name] ??= []) as Occurrence[]).push(occurrence);
    else into[record.name] = occurrence;
  }

  /** Each child record occurs as often as `occurs` says; mandatory text fields are there. */
  #checkChildren(frame: Frame): void {
    const record = frame.record!;
    for (const child of this.#children.get(record.id) ?? []) {
      const count = frame.children?.get(child.name) ?? 0;
      const min = minOf(child.occurs);
      const max = maxOf(child.occurs);
      if (count < min) this.#problem("ERROR", "struktur", `${record.name} skal ha ${min === 1 ? "et" : `minst ${min}`} ${child.name}-element, men har ${count}.`, { line: frame.line, path: frame.path, field: child.name, found: String(count), expected: `${child.occurs}` });
      else if (count > max) this.#problem("ERROR", "struktur", `${record.name} kan ha høyst ${max} ${child.name}-element, men har ${count}.`, { line: frame.line, path: frame.path, field: child.name, found: String(count), expected: `${child.occurs}` });
    }
    for (const field of record.fields) {
      if (!field.mandatory || field.path?.startsWith("@") || this.#byPath.has(`${record.path}/${field.path}`)) continue;
      if (frame.children?.get(field.path ?? field.name)) continue;
      if (this.#program.get(record.path!)?.get(field.path ?? field.name)?.mandatory === false) this.#note(`${record.name} mangler elementet ${field.name}, som ${this.plan.number} for ${this.plan.year} krever, men en senere versjon ikke krever`, { line: frame.line, path: frame.path, field: field.name });
      else this.#problem("ERROR", "struktur", `${record.name} mangler det obligatoriske elementet ${field.name}.`, { line: frame.line, path: frame.path, field: field.name });
    }
  }

  /** The identity rules and the controls of a record occurrence and everything below it. */
  #checkSubtree(record: FileRecord, occurrence: Occurrence, ancestors: Record<string, Occurrence>): void {
    const where = this.#where.get(occurrence)!;
    this.#where.delete(occurrence);
    let recordId = journalOf(occurrence);
    for (const name in ancestors) recordId ??= journalOf(ancestors[name]);
    const at: Partial<Problem> = { line: where.line, path: where.path, ...(recordId !== undefined ? { recordId: printable(undefined, recordId) } : {}) };
    for (const rule of record.constraints ?? []) {
      if (rule.kind === "keyref") continue;
      const selected = occurrence[rule.selector];
      // One occurrence or none has nothing to repeat.
      if (!Array.isArray(selected) || selected.length < 2) continue;
      const seen = new Map<string, number>();
      for (const node of selected) {
        const key = rule.fields.map((f) => String((node as Occurrence)[f.replace(/^@/, "")] ?? "")).join("|");
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      for (const [key, n] of seen) if (n > 1) this.#problem("ERROR", rule.name, `${rule.fields.join(", ")} må være unik for hver ${rule.selector} innenfor samme ${record.name}: «${safe(key)}» forekommer ${n} ganger.`, { ...at, field: rule.fields.join(", "), found: safe(key) });
    }
    const scope: Record<string, Occurrence> = Object.assign({}, ancestors);
    scope[record.id] = occurrence;
    const controls = this.#controls.byScope.get(record.id);
    if (controls?.length) {
      const context = this.#input(scope);
      for (const control of controls) this.#controls.run(control, context, occurrence, at);
    }
    for (const child of this.#children.get(record.id) ?? []) {
      const value = occurrence[child.name];
      for (const o of Array.isArray(value) ? value : value ? [value] : []) this.#checkSubtree(child, o as Occurrence, scope);
    }
  }

  /**
   * The CEL variables for record occurrences: the version's lookups, the portal's values, the file's
   * single records (`contextFor` of them all), the occurrences on top of those they share, which
   * are made once (and again when they change) rather than copied for every occurrence.
   */
  #input(scope: Record<string, unknown>): Record<string, unknown> {
    // `contextFor` sets `rapporteringsar` over the input's: a record of that id (there is none) is given as before.
    if ("rapporteringsar" in scope) return contextFor(this.plan.version, this.plan.year, { ...this.portal, ...this.#context, ...scope }, this.plan.variables);
    const shared = (this.#shared ??= contextFor(this.plan.version, this.plan.year, { ...this.portal, ...this.#context }, this.plan.variables));
    const context = Object.create(shared) as Record<string, unknown>;
    for (const name in scope) context[name] = scope[name];
    return context;
  }

  /**
   * What the year's version does not allow but SSB's current description does (`plan.program`): SSB's
   * program reports nothing, so neither does the verdict; the note says what the registry dates.
   */
  #note(what: string, at: Partial<Problem>): void {
    const program = this.plan.program!;
    this.#problem("INFO", "struktur", `${what}. SSBs kontrollprogram godtar det: det kontrollerer filer for alle år mot sin gjeldende filbeskrivelse (som ${this.plan.number} fra ${program.versionYear}).`, at);
  }

  #problem(severity: Problem["severity"], control: string, message: string, at: Partial<Problem>): void {
    this.problems.add({ severity, control, message, ...at });
  }
}

const journalOf = (o: Occurrence) => (typeof o.Journalnummer === "string" ? o.Journalnummer : undefined);
