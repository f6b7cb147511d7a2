import { createHash } from "node:crypto";
import type { CodelistEntry, Version } from "../model/registry.ts";
import type { Code, CodelistVersion, Correspondence } from "../schema/index.ts";
import { PLACEHOLDER_SITE } from "../site/address.ts";
import { countNb } from "../text/count-nb.ts";

/**
 * The canonical base of the registry's FHIR resources, their identity: `<site>/fhir` on the site's
 * public address (src/lib/site/address.ts), never where a build ran, since R5 says a canonical URL
 * "SHALL remain the same when the code system is stored on different servers". See docs/api.md
 * (FHIR) before changing the address.
 */
export const fhirCanonicalBase = (site: string) => `${site.replace(/\/$/, "")}/fhir`;

/** The canonical base without a setting: on the placeholder, `.example` being reserved (RFC 2606) and owned by no one. */
export const FHIR_CANONICAL_BASE = fhirCanonicalBase(PLACEHOLDER_SITE);

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$/i;

/** Why a base is not fit for canonical URLs (R5 cnl-1 and a stable identity), or undefined when it is. */
export function canonicalBaseProblem(base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http or https URL";
  if (/[|# ?]/.test(base)) return "must not contain |, #, ? or spaces";
  if (base.endsWith("/")) return "must not end with /";
  if (url.username || url.password) return "must not carry credentials";
  if (LOOPBACK.test(url.hostname)) return "must not be a loopback address: a canonical URL must not depend on where the site runs";
  return undefined;
}

function checkedBase(base: string): string {
  const problem = canonicalBaseProblem(base);
  if (problem) throw new Error(`FHIR canonical base ${problem}: ${base}`);
  return base;
}

/** The canonical URL of a codelist's CodeSystem (all versions share it; `version` tells them apart). */
export const codeSystemUrl = (base: string, codelistId: string) => `${base}/CodeSystem/${codelistId}`;

/** A FHIR logical id (`[A-Za-z0-9\-\.]{1,64}`): the readable id where it fits, else shortened with a hash. */
function fhirId(id: string): string {
  return id.length <= 64 ? id : `${id.slice(0, 55)}-${createHash("sha256").update(id).digest("hex").slice(0, 8)}`;
}

/**
 * A computable name (R5 cnl-0: `[A-Z]([A-Za-z0-9_]){1,254}`) from a codelist id and year parts:
 * `tiltak-kategori`, 2023 → `TiltakKategori2023`. Ids are lowercase a–z, digits and hyphens.
 */
function pascalName(id: string, ...parts: (string | number)[]): string {
  const words = id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const name = words.join("") + parts.join("");
  return (/^[A-Z]/.test(name) ? name : `Kodeliste${name}`).slice(0, 255);
}

const XHTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const xhtml = (text: string) => text.replace(/[&<>"]/g, (c) => XHTML_ESCAPES[c]!);
const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${xhtml(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${xhtml(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
/** A narrative generated from the resource's own elements (R5 dom-6; txt-1 and txt-2 hold). */
const narrative = (body: string) => ({ status: "generated", div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` });

/** Norwegian list: «20, 21, 22 og 23». */
const listNb = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} og ${items.at(-1)}`);

/** A short factual sentence about a correspondence, made only from its type, codes and year. */
export function correspondenceComment(c: Correspondence, year: number): string {
  const from = `${c.from.length > 1 ? "Kodene" : "Koden"} ${listNb(c.from)}`;
  const to = listNb(c.to);
  switch (c.type) {
    case "split":
      return `${from} ble delt i ${to} fra ${year}.`;
    case "merged":
      return `${from} ble slått sammen til ${to} fra ${year}.`;
    case "replaced-by":
      return `${from} ble erstattet av ${to} fra ${year}.`;
    case "equivalent":
      return `${from} tilsvarer ${to} fra ${year}.`;
  }
}

type Concept = {
  code: string;
  display: string;
  definition?: string;
  designation?: { language: string; value: string }[];
  property?: { code: string; valueCode?: string; valueBoolean?: boolean; valueInteger?: number }[];
  concept?: Concept[];
};

/** A codelist version as a FHIR R5 CodeSystem, hierarchy nested, status and withdrawal as properties. */
export function codelistToFhirCodeSystem(entry: CodelistEntry, version: Version<CodelistVersion>, canonicalBase = FHIR_CANONICAL_BASE) {
  const { meta } = entry;
  checkedBase(canonicalBase);
  const codes = version.data.codes;
  const byCode = new Map<string, Concept>();
  const roots: Concept[] = [];
  const concept = (c: Code): Concept => {
    const designation = (["nn", "en"] as const).flatMap((language) => (c.name[language] ? [{ language, value: c.name[language] }] : []));
    return {
      code: c.code,
      display: c.name.nb,
      ...(c.notes && { definition: c.notes }),
      ...(designation.length && { designation }),
      property: [
        { code: "status", valueCode: c.status === "deprecated" ? "deprecated" : "active" },
        ...(c.withdrawnFrom !== undefined ? [{ code: "withdrawnFrom", valueInteger: c.withdrawnFrom }] : []),
        ...(c.selectable === false ? [{ code: "notSelectable", valueBoolean: true }] : []),
      ],
    };
  };
  for (const c of codes) byCode.set(c.code, concept(c));
  for (const c of codes) {
    const parent = c.parent !== undefined ? byCode.get(c.parent) : undefined;
    if (parent) (parent.concept ??= []).push(byCode.get(c.code)!);
    else roots.push(byCode.get(c.code)!);
  }
  const hierarchical = codes.some((c) => c.parent !== undefined && byCode.has(c.parent));
  const remark = (c: Code) =>
    [c.status === "deprecated" ? `utgår fra rapporteringsår ${c.withdrawnFrom}` : "", c.selectable === false ? "gruppering, ikke en gyldig verdi" : ""].filter(Boolean).join("; ");
  const text = narrative(
    `<p>${xhtml(`Kodeliste «${meta.name.nb}» i KOSTRA-registeret, versjon ${version.year}: ${countNb(codes.length, "kode")}.`)}</p>` +
      table(
        ["Kode", "Navn", ...(hierarchical ? ["Overordnet"] : []), "Merknad"],
        codes.map((c) => [c.code, c.name.nb, ...(hierarchical ? [c.parent ?? ""] : []), remark(c)]),
      ),
  );
  return {
    resourceType: "CodeSystem",
    id: fhirId(`${meta.id}-${version.year}`),
    language: "nb",
    text,
    url: codeSystemUrl(canonicalBase, meta.id),
    version: String(version.year),
    versionAlgorithmCoding: { system: "http://hl7.org/fhir/version-algorithm", code: "integer", display: "Integer" },
    name: pascalName(meta.id, version.year),
    title: meta.name.nb,
    status: "active",
    experimental: false,
    publisher: "KOSTRA-registeret",
    ...(meta.description && { description: meta.description }),
    caseSensitive: true,
    ...(hierarchical && { hierarchyMeaning: "is-a" }),
    content: "complete",
    count: codes.length,
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

const RELATIONSHIP_NB: Record<Correspondence["type"], string> = { split: "delt", merged: "slått sammen", equivalent: "tilsvarer", "replaced-by": "erstattet" };

/**
 * A version's correspondences from the previous version as a FHIR R5 ConceptMap. Every target
 * carries a comment made from the correspondence (R5 cmd-1 requires one on a broader mapping).
 */
export function correspondencesToFhirConceptMap(entry: CodelistEntry, previous: Version<CodelistVersion>, version: Version<CodelistVersion>, canonicalBase = FHIR_CANONICAL_BASE) {
  const { meta } = entry;
  checkedBase(canonicalBase);
  const system = codeSystemUrl(canonicalBase, meta.id);
  const names = (v: Version<CodelistVersion>) => new Map(v.data.codes.map((c) => [c.code, c.name.nb]));
  const byVersion = new Map([previous, version].map((v) => [v, names(v)]));
  const display = (v: Version<CodelistVersion>, code: string) => byVersion.get(v)!.get(code);
  type Target = { code: string; display?: string; relationship: string; comment: string };
  const elements = new Map<string, { code: string; display?: string; target: Target[] }>();
  const rows: string[][] = [];
  for (const c of version.data.correspondences ?? []) {
    const comment = correspondenceComment(c, version.year);
    for (const from of c.from) {
      const fromDisplay = display(previous, from);
      const el = elements.get(from) ?? { code: from, ...(fromDisplay !== undefined && { display: fromDisplay }), target: [] };
      for (const to of c.to) {
        const toDisplay = display(version, to);
        el.target.push({ code: to, ...(toDisplay !== undefined && { display: toDisplay }), relationship: RELATIONSHIP[c.type], comment });
        rows.push([from, fromDisplay ?? "", to, toDisplay ?? "", RELATIONSHIP_NB[c.type]]);
      }
      elements.set(from, el);
    }
  }
  const title = `${meta.name.nb}: overgang fra ${previous.year} til ${version.year}`;
  const text = narrative(
    `<p>${xhtml(`${title} (KOSTRA-registeret).`)}</p>` + table([`Kode ${previous.year}`, "Navn", `Kode ${version.year}`, "Navn", "Forhold"], rows),
  );
  return {
    resourceType: "ConceptMap",
    id: fhirId(`${meta.id}-${previous.year}-${version.year}`),
    language: "nb",
    text,
    url: `${canonicalBase}/ConceptMap/${meta.id}-${previous.year}-${version.year}`,
    version: String(version.year),
    name: pascalName(meta.id, previous.year, "Til", version.year),
    title,
    status: "active",
    experimental: false,
    publisher: "KOSTRA-registeret",
    group: [{ source: `${system}|${previous.year}`, target: `${system}|${version.year}`, element: [...elements.values()] }],
  };
}
