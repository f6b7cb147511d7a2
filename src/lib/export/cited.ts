import { z } from "zod";
import { SourceRef } from "../schema/common.ts";
import { citeSources, isSourceField } from "../sources/cite.ts";

/**
 * How the JSON exports cite their sources. Content cites a document by its path in the shared source
 * folder (`source: seeds/001_….txt — 3.1.2 Nye variabler`); an export names the document by title,
 * with the place in it and the registry's page about it, so that no internal path leaves the site.
 */
export const CitedSource = z
  .strictObject({
    title: z.string().describe("The source document's title, e.g. «KOSTRA arbeidsgrupperapport for barnevern»."),
    section: z.string().optional().describe("The section, version or other place in the document, where the content names one."),
    url: z.string().optional().describe("The source's page on this site, `/kilder/<id>/`: its author, date, public address and what the registry takes from it."),
  })
  .describe("A source document, cited by title and section.");

export const CitedSources = z.array(CitedSource).min(1).describe("Where the content comes from: the source documents, by title and section, with the page of each.");

export type CitedSource = z.infer<typeof CitedSource>;

/** A `source:` value as an export gives it. */
export const citedSources = (source: string | string[]): CitedSource[] =>
  citeSources(source).map((c) => ({ title: c.title, ...(c.section ? { section: c.section } : {}), ...(c.url ? { url: c.url } : {}) }));

/** A content value with every `source` inside it (an item's, a version's, a code's, a control's) cited by title. */
export function withCitedSources<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withCitedSources) as T;
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSourceField(k, v) ? citedSources(v) : withCitedSources(v);
  }
  return out as T;
}

const isSourceRef = (s: z.ZodType) => {
  const def = s._zod.def as { options?: unknown };
  return s._zod.def === SourceRef._zod.def || (def.options !== undefined && def.options === (SourceRef._zod.def as { options?: unknown }).options);
};

type AnyDef = Record<string, unknown> & { type: string };

/**
 * A content schema as the exports follow it: every `SourceRef` inside replaced by `CitedSources`,
 * everything else (descriptions, refinements) kept. So the published JSON Schemas describe what
 * the exports hold, from the one zod schema of each content kind.
 */
export function citedSchema<S extends z.ZodType>(schema: S): S {
  return rewrite(schema) as S;
}

function rewrite(s: z.ZodType): z.ZodType {
  if (isSourceRef(s)) {
    const described = z.globalRegistry.get(s)?.description;
    // Keep the field's own description where it says more than SourceRef's (e.g. «Where the date comes from.»).
    return described && described !== z.globalRegistry.get(SourceRef)?.description ? CitedSources.describe(described) : CitedSources;
  }
  const def = s._zod.def as AnyDef;
  const again = (next: Partial<AnyDef>) => s.clone({ ...def, ...next } as never, { parent: true });
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      const next: Record<string, z.ZodType> = {};
      let changed = false;
      for (const [k, v] of Object.entries(shape)) {
        next[k] = rewrite(v);
        changed ||= next[k] !== v;
      }
      return changed ? again({ shape: next }) : s;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch": {
      const inner = rewrite(def.innerType as z.ZodType);
      return inner !== def.innerType ? again({ innerType: inner }) : s;
    }
    case "array": {
      const element = rewrite(def.element as z.ZodType);
      return element !== def.element ? again({ element }) : s;
    }
    case "union": {
      const options = (def.options as z.ZodType[]).map(rewrite);
      return options.some((o, i) => o !== (def.options as z.ZodType[])[i]) ? again({ options }) : s;
    }
    case "record": {
      const valueType = rewrite(def.valueType as z.ZodType);
      return valueType !== def.valueType ? again({ valueType }) : s;
    }
    case "pipe": {
      const a = rewrite(def.in as z.ZodType);
      const b = rewrite(def.out as z.ZodType);
      return a !== def.in || b !== def.out ? again({ in: a, out: b }) : s;
    }
    default:
      return s;
  }
}
