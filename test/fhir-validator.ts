/**
 * A small offline FHIR R5 validator for the registry's FHIR exports, built only from the standard's
 * own artefacts (the `hl7.fhir.r5.core` package):
 *
 * - the R5 JSON Schema (`openapi/fhir.schema.json`), checked with Ajv;
 * - the elements and cardinalities of the StructureDefinitions (the schema has `additionalProperties:
 *   false` but requires nothing beyond `resourceType`);
 * - every invariant (`ElementDefinition.constraint`) of the resource's StructureDefinition, of its
 *   base definitions (DomainResource, Resource) and of every datatype met in the instance (and their
 *   bases: Element, DataType, PrimitiveType …), each FHIRPath expression evaluated with fhirpath.js
 *   and its R5 model in the context of every node of the instance at the constraint's element.
 *
 * The StructureDefinitions and the schema are loaded once per process.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fhirpath from "fhirpath";
import r5model from "fhirpath/fhir-context/r5";
import { Ajv, type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);
const PACKAGE = dirname(require.resolve("hl7.fhir.r5.core/package.json"));

interface Constraint {
  key: string;
  severity: "error" | "warning";
  human: string;
  expression?: string;
  extension?: { url: string; valueBoolean?: boolean }[];
}
interface ElementDefinition {
  path: string;
  min?: number;
  max?: string;
  type?: { code: string }[];
  contentReference?: string;
  constraint?: Constraint[];
}
interface StructureDefinition {
  type: string;
  kind: string;
  baseDefinition?: string;
  snapshot: { element: ElementDefinition[] };
}

export interface InvariantIssue {
  key: string;
  severity: "error" | "warning";
  bestPractice: boolean;
  human: string;
  expression: string;
  /** FHIRPath of the node the constraint failed on, e.g. `ConceptMap.group[0].element[1].target[0]`. */
  location: string;
  /** Set when the expression could not be evaluated (counted as a failure). */
  exception?: string;
}

export interface FhirValidation {
  /** Ajv's errors against the R5 JSON Schema. */
  schemaErrors: string[];
  /** Against the StructureDefinitions: unknown properties and cardinality (min/max). */
  structureErrors: string[];
  issues: InvariantIssue[];
  errors: InvariantIssue[];
  warnings: InvariantIssue[];
  /** Number of (constraint, node) evaluations made. */
  evaluations: number;
  /** The distinct constraint keys evaluated at least once. */
  keys: Set<string>;
}

// ---- StructureDefinitions --------------------------------------------------------------------

const definitions = new Map<string, StructureDefinition>();
function structureDefinition(type: string): StructureDefinition {
  let sd = definitions.get(type);
  if (!sd) {
    sd = JSON.parse(readFileSync(join(PACKAGE, `StructureDefinition-${type}.json`), "utf8")) as StructureDefinition;
    definitions.set(type, sd);
  }
  return sd;
}

interface TypeModel {
  /** Element definitions by path, the paths of the type itself (`CodeSystem.concept`, `Identifier.value`). */
  elements: Map<string, ElementDefinition>;
  /** Constraints by path: the type's own plus those of its base definitions (paths re-rooted on the type). */
  constraints: Map<string, Constraint[]>;
  /** Child element definitions by parent path. */
  children: Map<string, ElementDefinition[]>;
}

const models = new Map<string, TypeModel>();
/** A type's elements and every constraint that applies to them, along the baseDefinition chain. */
function typeModel(type: string): TypeModel {
  const cached = models.get(type);
  if (cached) return cached;
  const sd = structureDefinition(type);
  const elements = new Map(sd.snapshot.element.map((e) => [e.path, e]));
  const children = new Map<string, ElementDefinition[]>();
  for (const e of sd.snapshot.element) {
    const parent = e.path.slice(0, e.path.lastIndexOf("."));
    if (e.path.includes(".")) children.set(parent, [...(children.get(parent) ?? []), e]);
  }
  const constraints = new Map<string, Constraint[]>();
  const add = (path: string, list: Constraint[] = []) => {
    const have = constraints.get(path) ?? [];
    for (const c of list) if (!have.some((h) => h.key === c.key)) have.push(c);
    constraints.set(path, have);
  };
  for (const e of sd.snapshot.element) add(e.path, e.constraint);
  // Base definitions: their root constraints (dom-*, ele-1 …) and those of inherited elements.
  for (let base = sd.baseDefinition; base; ) {
    const name = base.slice(base.lastIndexOf("/") + 1);
    const bsd = structureDefinition(name);
    for (const e of bsd.snapshot.element) add(type + e.path.slice(name.length), e.constraint);
    base = bsd.baseDefinition;
  }
  const model = { elements, constraints, children };
  models.set(type, model);
  return model;
}

// ---- Invariants ------------------------------------------------------------------------------

/** Whether a FHIR type is a primitive, as its R5 StructureDefinition says. */
function isPrimitiveType(name: string): boolean {
  try {
    return structureDefinition(name).kind === "primitive-type";
  } catch {
    return false;
  }
}

type Node = { data?: unknown; getTypeInfo?: () => { namespace?: string; name: string } };
/**
 * FHIRPath `hasValue()`: a single FHIR primitive with a value. fhirpath.js 5.2.2 keeps its own list of
 * primitives, which lacks `xhtml` (R5: StructureDefinition-xhtml has kind primitive-type), so ele-1
 * would fail on every `Narrative.div`; here the R5 StructureDefinitions decide what is a primitive.
 */
function hasValue(coll: unknown[]): boolean {
  if (coll.length !== 1) return false;
  const node = coll[0] as Node | null;
  if (node === null || node === undefined) return false;
  if (typeof node !== "object" || typeof node.getTypeInfo !== "function") return true; // a System value
  const info = node.getTypeInfo();
  if (node.data === null || node.data === undefined) return false;
  return info.namespace === "System" || isPrimitiveType(info.name);
}
const userInvocationTable = { hasValue: { fn: hasValue, arity: { 0: [] }, internalStructures: true } };

type Compiled = (context: unknown, env: Record<string, unknown>) => unknown[];
const compiled = new Map<string, Compiled>();
/** A compiled FHIRPath expression; `nodes` keeps fhirpath.js's typed nodes to use as later contexts. */
function compile(expression: string, nodes = false): Compiled {
  const cacheKey = `${nodes}:${expression}`;
  let fn = compiled.get(cacheKey);
  if (!fn) {
    // dom-3 calls trace(); its output is not wanted here.
    const f = fhirpath.compile(expression, r5model as never, { traceFn: () => {}, userInvocationTable, ...(nodes && { resolveInternalTypes: false }) } as never);
    fn = (context, env) => f(context as never, env as never) as unknown[];
    compiled.set(cacheKey, fn);
  }
  return fn;
}

const isBestPractice = (c: Constraint) => c.extension?.some((x) => x.url.endsWith("/elementdefinition-bestpractice") && x.valueBoolean === true) ?? false;
const FHIRPATH_SYSTEM = "http://hl7.org/fhirpath/System.";
const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Evaluates every applicable invariant at every node of a resource instance. */
export function checkInvariants(resource: Record<string, unknown>): { issues: InvariantIssue[]; evaluations: number; keys: Set<string>; structure: string[] } {
  const issues: InvariantIssue[] = [];
  const keys = new Set<string>();
  /** Unknown properties and cardinality breaches (the JSON Schema checks neither minimums nor every maximum). */
  const structure: string[] = [];
  let evaluations = 0;
  const env = { resource, rootResource: resource };

  /** Each constraint once per node, with the node (a fhirpath.js node, or the resource) as its context. */
  const evaluate = (node: unknown, location: string, constraints: Constraint[], done: Set<string>) => {
    for (const c of constraints) {
      if (done.has(c.key) || !c.expression) continue;
      done.add(c.key);
      keys.add(c.key);
      evaluations++;
      const issue = { key: c.key, severity: c.severity, bestPractice: isBestPractice(c), human: c.human, expression: c.expression, location };
      try {
        const result = compile(c.expression)(node, env);
        // As the HL7 validator reads a FHIRPath result as a boolean: empty is false, a single boolean is itself.
        const ok = result.length > 0 && !(result.length === 1 && result[0] === false);
        if (!ok) issues.push(issue);
      } catch (e) {
        issues.push({ ...issue, severity: "error", exception: (e as Error).message });
      }
    }
  };

  /** Checks `node` (JSON `value`, at `location`) as element `path` of `type`, then its children. */
  const walk = (node: unknown, value: unknown, type: string, path: string, location: string, done = new Set<string>()) => {
    const model = typeModel(type);
    evaluate(node, location, model.constraints.get(path) ?? [], done);
    if (value === null || typeof value !== "object") return; // a primitive: no children in JSON here
    const object = value as Record<string, unknown>;
    const seen = new Set(["resourceType"]);
    for (const child of model.children.get(path) ?? []) {
      const name = child.path.slice(path.length + 1);
      const types = child.type?.map((t) => t.code) ?? [];
      const candidates = name.endsWith("[x]") ? types.map((t) => [name.slice(0, -3) + capitalised(t), t] as const) : [[name, types[0]] as const];
      const fpName = name.endsWith("[x]") ? name.slice(0, -3) : name;
      const count = candidates.reduce((n, [key]) => {
        const length = (v: unknown) => (v === undefined ? 0 : Array.isArray(v) ? v.length : 1);
        return n + Math.max(length(object[key]), length(object[`_${key}`]));
      }, 0);
      if (count < (child.min ?? 0)) structure.push(`${location}.${fpName}: required (min ${child.min}), missing`);
      if (child.max !== undefined && child.max !== "*" && count > Number(child.max)) structure.push(`${location}.${fpName}: at most ${child.max}, found ${count}`);
      for (const [key, code] of candidates) {
        seen.add(key).add(`_${key}`);
        if (!(key in object)) continue;
        const items = Array.isArray(object[key]) ? (object[key] as unknown[]) : [object[key]];
        // The child nodes as fhirpath.js types them; names in backticks (some are keywords: Narrative.div).
        const nodes = compile(`\`${fpName}\``, true)(node, env);
        if (nodes.length !== items.length) {
          issues.push({ key: "navigation", severity: "error", bestPractice: false, human: `${items.length} JSON value(s) but ${nodes.length} FHIRPath node(s)`, expression: fpName, location: `${location}.${key}` });
          continue;
        }
        items.forEach((item, i) => {
          const at = `${location}.${fpName}[${i}]`;
          const childNode = nodes[i];
          const own = new Set<string>();
          if (child.contentReference) {
            // A recursive element (CodeSystem.concept.concept): the referenced element's rules.
            evaluate(childNode, at, model.constraints.get(child.path) ?? [], own);
            walk(childNode, item, type, child.contentReference.slice(1), at, own);
          } else if (code === "BackboneElement" || code === "Element" || (model.children.get(child.path)?.length ?? 0) > 0) {
            walk(childNode, item, type, child.path, at, own);
          } else if (code === "Resource" && item && typeof item === "object") {
            const t = String((item as Record<string, unknown>).resourceType);
            walk(childNode, item, t, t, at, own);
          } else if (code && !code.startsWith(FHIRPATH_SYSTEM)) {
            // A datatype: the element's own constraints, then the datatype's from its root down.
            evaluate(childNode, at, model.constraints.get(child.path) ?? [], own);
            walk(childNode, item, code, code, at, own);
          }
        });
      }
    }
    for (const key of Object.keys(object)) if (!seen.has(key)) structure.push(`${location}.${key}: not an element of ${type === path ? type : path}`);
  };

  const type = String(resource.resourceType);
  walk(resource, resource, type, type, type);
  return { issues, evaluations, keys, structure };
}

// ---- JSON Schema -----------------------------------------------------------------------------

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();
function schemaValidator(resourceType: string): ValidateFunction {
  let v = validators.get(resourceType);
  if (v) return v;
  if (!ajv) {
    // The R5 schema is draft-06 with an OpenAPI-style `discriminator` Ajv does not need; strict off for it.
    // Its `decimal` pattern has a stray `}` (`[0-9]{1,9}}`), a syntax error only in Unicode mode, so
    // patterns are compiled without the `u` flag (the pattern applies to strings only; decimals are numbers).
    ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
    // Its draft-04 style top-level `id` is not a draft-06 keyword; the schema is registered by key instead.
    const { id: _id, ...schema } = JSON.parse(readFileSync(join(PACKAGE, "openapi", "fhir.schema.json"), "utf8"));
    ajv.addSchema(schema, "fhir");
  }
  v = ajv.getSchema(`fhir#/definitions/${resourceType}`);
  if (!v) throw new Error(`no schema for resourceType ${resourceType}`);
  validators.set(resourceType, v);
  return v;
}

export function checkSchema(resource: Record<string, unknown>): string[] {
  const validate = schemaValidator(String(resource.resourceType));
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params && Object.keys(e.params).length ? " " + JSON.stringify(e.params) : ""}`);
}

/** Schema and invariants of one FHIR R5 resource (a deep copy is checked: fhirpath.js annotates its input). */
export function validateFhir(resource: unknown): FhirValidation {
  const copy = structuredClone(resource) as Record<string, unknown>;
  const schemaErrors = checkSchema(copy);
  const { issues, evaluations, keys, structure } = checkInvariants(copy);
  return { schemaErrors, structureErrors: structure, issues, errors: issues.filter((i) => i.severity === "error"), warnings: issues.filter((i) => i.severity === "warning"), evaluations, keys };
}

/** One line per problem, for assertion messages. */
export const formatIssue = (i: InvariantIssue) => `${i.severity} ${i.key} at ${i.location}: ${i.human}${i.exception ? ` (could not evaluate: ${i.exception})` : ""}`;
