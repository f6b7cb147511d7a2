/**
 * A small RDF graph with a deterministic Turtle and JSON-LD writer, for the DCAT catalogue and the
 * XKOS classifications. No blank nodes: every resource has an IRI, so two runs over the same content
 * give the same bytes and the same triples. Subjects, predicates and objects are written in the order
 * they were added (the registry's order), with `rdf:type` first; a triple added twice is written once.
 */

export type Term = { iri: string } | { value: string; lang?: string; datatype?: string };

export const NS = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  owl: "http://www.w3.org/2002/07/owl#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  xkos: "http://rdf-vocabulary.ddialliance.org/xkos#",
  xkosno: "https://data.norge.no/vocabulary/xkosno#",
  uneskos: "http://purl.org/umu/uneskos#",
  schema: "http://schema.org/",
} as const;

export type Prefix = keyof typeof NS;

/** `dct:title` → `http://purl.org/dc/terms/title`. */
export const expand = (curie: `${Prefix}:${string}`): string => {
  const i = curie.indexOf(":");
  return NS[curie.slice(0, i) as Prefix] + curie.slice(i + 1);
};

/** Characters an IRIREF may not hold (Turtle 1.1, [18]); percent-encoded so Turtle and JSON-LD carry the same IRI. */
const IRI_UNSAFE = /[\u0000-\u0020<>"{}|^`\\]/;
const normaliseIri = (s: string) => (IRI_UNSAFE.test(s) ? s.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => encodeURIComponent(c)) : s);

export const iri = (s: string): Term => ({ iri: normaliseIri(s) });
export const lit = (value: string, lang?: string): Term => (lang ? { value, lang } : { value });
export const typed = (value: string, datatype: `${Prefix}:${string}`): Term => ({ value, datatype: expand(datatype) });
/** The languages of a LocalizedText, bokmål first. */
export const langs = (text: { nb: string; nn?: string; en?: string }): Term[] => (["nb", "nn", "en"] as const).filter((l) => text[l]).map((l) => lit(text[l]!, l));

const RDF_TYPE = expand("rdf:type");
/**
 * Local parts written as prefixed names: letters, digits, underscores and hyphens, and dots between
 * them (Turtle 1.1's PN_LOCAL, a JSON-LD compact IRI alike), so that codes such as «1.34» are
 * prefixed names under a file's own prefix (`toTurtle`). Anything else (percent signs, a dot at the
 * end, an empty part) is written as a full IRI.
 */
const SAFE_LOCAL = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

/** Predicates as written by callers → full IRIs: a handful of strings, each parsed once. */
const predicates = new Map<string, string>();
const predicateIri = (p: string): string => {
  let full = predicates.get(p);
  if (full === undefined) {
    full = /^[a-z]+:[^/]/.test(p) && p.split(":")[0] in NS ? expand(p as `${Prefix}:${string}`) : normaliseIri(p);
    if (predicates.size < 1000) predicates.set(p, full);
  }
  return full;
};

export class Graph {
  readonly #subjects = new Map<string, Map<string, Map<string, Term>>>();
  /** The subject of the last `add` and its properties: calls for one subject come in a row. */
  #last: { s: string; props: Map<string, Map<string, Term>> } | undefined;

  /** Adds `s p o` for each object; `p` as a prefixed name or a full IRI. */
  add(s: string, p: `${Prefix}:${string}` | string, ...objects: Term[]): this {
    const predicate = predicateIri(p);
    let props: Map<string, Map<string, Term>> | undefined;
    if (this.#last?.s === s) props = this.#last.props;
    else {
      const subject = normaliseIri(s);
      props = this.#subjects.get(subject);
      if (!props) this.#subjects.set(subject, (props = new Map()));
      this.#last = { s, props };
    }
    let values = props.get(predicate);
    if (!values) {
      values = new Map();
      // rdf:type first, whenever it is added.
      if (predicate === RDF_TYPE && props.size) {
        const rest = [...props];
        props.clear();
        props.set(predicate, values);
        for (const [k, v] of rest) props.set(k, v);
      } else props.set(predicate, values);
    }
    for (const o of objects) values.set(termKey(o), o);
    return this;
  }

  /** `s a C1, C2`. */
  type(s: string, ...classes: `${Prefix}:${string}`[]): this {
    return this.add(s, "rdf:type", ...classes.map((c) => iri(expand(c))));
  }

  has(s: string): boolean {
    return this.#subjects.has(normaliseIri(s));
  }

  /** Every triple as [subject, predicate, object], in writing order. */
  *triples(): Generator<[string, string, Term]> {
    for (const [s, props] of this.#subjects) for (const [p, values] of props) for (const o of values.values()) yield [s, p, o];
  }

  get size(): number {
    let n = 0;
    for (const props of this.#subjects.values()) for (const values of props.values()) n += values.size;
    return n;
  }

  /**
   * Turtle 1.1: one block per subject, prefixed names where the local part is plainly safe. Appended
   * to one string (V8 keeps the appends as a rope, flattened once when the file is encoded), each
   * IRI's name made once: it runs for each of about 2,000 codelist versions at KOSTRA scale, up to a
   * few MB of Turtle each (docs/performance.md, "The API's formats"). `own`: prefixes of this file
   * alone, as name and namespace (a version's codes).
   */
  toTurtle(prefixes: readonly Prefix[], own: readonly (readonly [string, string])[] = []): string {
    const ns = [...prefixes.map((p) => [p, NS[p]] as const), ...own];
    // Keyed by the graph's own strings, whose hashes V8 already holds from the maps above.
    const names = new Map<string, string>();
    const name = (u: string) => {
      let n = names.get(u);
      if (n === undefined) {
        n = `<${u}>`;
        for (const [p, base] of ns) {
          if (u.startsWith(base) && SAFE_LOCAL.test(u.slice(base.length))) {
            n = `${p}:${u.slice(base.length)}`;
            break;
          }
        }
        names.set(u, n);
      }
      return n;
    };
    let out = "";
    for (const [p, base] of ns) out += `@prefix ${p}: <${base}> .\n`;
    for (const [s, props] of this.#subjects) {
      out += "\n" + name(s) + "\n    ";
      let firstProp = true;
      for (const [p, values] of props) {
        if (!firstProp) out += " ;\n    ";
        firstProp = false;
        out += (p === RDF_TYPE ? "a" : name(p)) + " ";
        let firstValue = true;
        for (const o of values.values()) {
          if (!firstValue) out += " ,\n        ";
          firstValue = false;
          if ("iri" in o) out += name(o.iri);
          else {
            out += '"' + escapeString(o.value) + '"';
            if (o.lang) out += "@" + o.lang;
            else if (o.datatype) out += "^^" + name(o.datatype);
          }
        }
      }
      out += " .\n";
    }
    return out;
  }

  /**
   * JSON-LD 1.1 in a compact form any processor reads: a context of prefixes only, one node object
   * per subject in `@graph`, keys and types as prefixed names (full IRIs where no prefix fits), every
   * value an array of `{"@id"}` or `{"@value"[, "@language" | "@type"]}`. It expands to exactly the
   * triples of the Turtle (test/dcat.test.ts checks this).
   */
  toJsonLd(prefixes: readonly Prefix[]): string {
    const ns = prefixes.map((p) => [p, NS[p]] as const);
    const compact = (u: string) => {
      for (const [p, base] of ns) if (u.startsWith(base) && SAFE_LOCAL.test(u.slice(base.length))) return `${p}:${u.slice(base.length)}`;
      return u;
    };
    const nodes: string[] = [];
    for (const [s, props] of this.#subjects) {
      const node: Record<string, unknown> = { "@id": s };
      for (const [p, values] of props) {
        const list = [...values.values()];
        if (p === RDF_TYPE && list.every((o) => "iri" in o)) node["@type"] = list.map((o) => compact((o as { iri: string }).iri));
        else node[compact(p)] = list.map((o) => ("iri" in o ? { "@id": o.iri } : { "@value": o.value, ...(o.lang ? { "@language": o.lang } : o.datatype ? { "@type": compact(o.datatype) } : {}) }));
      }
      nodes.push("    " + JSON.stringify(node, null, 2).replace(/\n/g, "\n    "));
    }
    const context = JSON.stringify(Object.fromEntries(ns), null, 2).replace(/\n/g, "\n  ");
    return `{\n  "@context": ${context},\n  "@graph": [\n${nodes.join(",\n")}\n  ]\n}\n`;
  }
}

/** A key that tells two terms apart, for de-duplication. */
function termKey(o: Term): string {
  // An IRI is its own key (never starting with a quote, which normaliseIri encodes): no string made.
  return "iri" in o ? o.iri : `"${o.value}"@${o.lang ?? ""}^^${o.datatype ?? ""}`;
}

/** A Turtle STRING_LITERAL_QUOTE body: backslash, quote and control characters escaped (Turtle 1.1, [22], ECHAR, UCHAR). */
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f]/;
export function escapeString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case "\\": return "\\\\";
      case '"': return '\\"';
      case "\n": return "\\n";
      case "\r": return "\\r";
      case "\t": return "\\t";
      case "\b": return "\\b";
      case "\f": return "\\f";
      default: return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    }
  });
}
