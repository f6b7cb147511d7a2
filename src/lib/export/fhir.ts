import type { CodelistEntry, Version } from "../registry.ts";
import type { Code, CodelistVersion, Correspondence } from "../schema/index.ts";

type Concept = { code: string; display: string; definition?: string; property?: { code: string; valueCode?: string; valueBoolean?: boolean; valueInteger?: number }[]; concept?: Concept[] };

/** A codelist version as a FHIR R5 CodeSystem, hierarchy nested, status and withdrawal as properties. */
export function codelistToFhirCodeSystem(entry: CodelistEntry, version: Version<CodelistVersion>, baseUrl: string) {
  const { meta } = entry;
  const byCode = new Map<string, Concept>();
  const roots: Concept[] = [];
  const concept = (c: Code): Concept => ({
    code: c.code,
    display: c.name.nb,
    ...(c.notes && { definition: c.notes }),
    property: [
      { code: "status", valueCode: c.status === "deprecated" ? "deprecated" : "active" },
      ...(c.withdrawnFrom !== undefined ? [{ code: "withdrawnFrom", valueInteger: c.withdrawnFrom }] : []),
      ...(c.selectable === false ? [{ code: "notSelectable", valueBoolean: true }] : []),
    ],
  });
  for (const c of version.data.codes) byCode.set(c.code, concept(c));
  for (const c of version.data.codes) {
    const parent = c.parent !== undefined ? byCode.get(c.parent) : undefined;
    if (parent) (parent.concept ??= []).push(byCode.get(c.code)!);
    else roots.push(byCode.get(c.code)!);
  }
  return {
    resourceType: "CodeSystem",
    id: `${meta.id}-${version.year}`,
    url: `${baseUrl}/kodelister/${meta.id}/`,
    version: String(version.year),
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, ch: string) => ch.toUpperCase()).replace(/^(\d)/, "K$1"),
    title: meta.name.nb,
    status: "active",
    experimental: false,
    publisher: "KOSTRA-registeret",
    ...(meta.description && { description: meta.description }),
    caseSensitive: true,
    ...(version.data.codes.some((c) => c.parent !== undefined) && { hierarchyMeaning: "is-a" }),
    content: "complete",
    count: version.data.codes.length,
    property: [
      { code: "status", uri: "http://hl7.org/fhir/concept-properties#status", description: "active or deprecated", type: "code" },
      { code: "withdrawnFrom", description: "First reporting year the code must no longer be used", type: "integer" },
      { code: "notSelectable", uri: "http://hl7.org/fhir/concept-properties#notSelectable", description: "A grouping code, not a valid value", type: "boolean" },
    ],
    concept: roots,
  };
}

const RELATIONSHIP: Record<Correspondence["type"], string> = {
  equivalent: "equivalent",
  split: "source-is-broader-than-target",
  merged: "source-is-narrower-than-target",
  "replaced-by": "related-to",
};

/** A version's correspondences from the previous version as a FHIR R5 ConceptMap. */
export function correspondencesToFhirConceptMap(entry: CodelistEntry, previous: Version<CodelistVersion>, version: Version<CodelistVersion>, baseUrl: string) {
  const { meta } = entry;
  const system = `${baseUrl}/kodelister/${meta.id}/`;
  const elements = new Map<string, { code: string; target: { code: string; relationship: string }[] }>();
  for (const c of version.data.correspondences ?? []) {
    for (const from of c.from) {
      const el = elements.get(from) ?? { code: from, target: [] };
      for (const to of c.to) el.target.push({ code: to, relationship: RELATIONSHIP[c.type] });
      elements.set(from, el);
    }
  }
  return {
    resourceType: "ConceptMap",
    id: `${meta.id}-${previous.year}-${version.year}`,
    url: `${baseUrl}/kodelister/${meta.id}/${version.year}/#overgang`,
    version: String(version.year),
    name: `${meta.id.replace(/-/g, "_")}_${previous.year}_${version.year}`,
    title: `${meta.name.nb}: ${previous.year} → ${version.year}`,
    status: "active",
    experimental: false,
    publisher: "KOSTRA-registeret",
    sourceScopeUri: `${system}${previous.year}/`,
    targetScopeUri: `${system}${version.year}/`,
    group: [{ source: `${system}|${previous.year}`, target: `${system}|${version.year}`, element: [...elements.values()] }],
  };
}
