import type { CodelistEntry, Version } from "../model/registry.ts";
import type { CodelistVersion } from "../schema/index.ts";

/** The agency that maintains the lists in SDMX terms. */
export const SDMX_AGENCY = "KOSTRA";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** SDMX ids allow letters, digits, _ and -; codes like "2.3" become "2_3" with the original kept as an annotation. */
export const sdmxId = (code: string) => code.replace(/[^A-Za-z0-9_@$-]/g, "_");
const sdmxVersion = (v: Version<CodelistVersion>) => `${v.year}.0`;

/** A codelist version as an SDMX-ML 2.1 Structure message. */
export function codelistToSdmxMl(entry: CodelistEntry, version: Version<CodelistVersion>, prepared: string): string {
  const { meta } = entry;
  const names = (n: { nb: string; nn?: string; en?: string }) =>
    (["nb", "nn", "en"] as const).filter((l) => n[l]).map((l) => `<com:Name xml:lang="${l}">${xml(n[l]!)}</com:Name>`).join("");
  const codes = version.data.codes
    .map((c) => {
      const annotation = sdmxId(c.code) !== c.code ? `<com:Annotations><com:Annotation><com:AnnotationTitle>${xml(c.code)}</com:AnnotationTitle><com:AnnotationType>KOSTRA_CODE</com:AnnotationType></com:Annotation></com:Annotations>` : "";
      const parent = c.parent !== undefined ? `<str:Parent><Ref id="${xml(sdmxId(c.parent))}"/></str:Parent>` : "";
      const description = c.notes ? `<com:Description xml:lang="nb">${xml(c.notes)}</com:Description>` : "";
      return `<str:Code id="${xml(sdmxId(c.code))}" urn="urn:sdmx:org.sdmx.infomodel.codelist.Code=${SDMX_AGENCY}:${xml(sdmxId(meta.id))}(${sdmxVersion(version)}).${xml(sdmxId(c.code))}">${annotation}${names(c.name)}${description}${parent}</str:Code>`;
    })
    .join("\n        ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<mes:Structure xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" xmlns:str="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure" xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
  <mes:Header>
    <mes:ID>${xml(sdmxId(meta.id))}_${version.year}</mes:ID>
    <mes:Test>false</mes:Test>
    <mes:Prepared>${prepared}</mes:Prepared>
    <mes:Sender id="${SDMX_AGENCY}"/>
  </mes:Header>
  <mes:Structures>
    <str:Codelists>
      <str:Codelist id="${xml(sdmxId(meta.id))}" agencyID="${SDMX_AGENCY}" version="${sdmxVersion(version)}" isFinal="true" urn="urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${SDMX_AGENCY}:${xml(sdmxId(meta.id))}(${sdmxVersion(version)})">
        ${names(meta.name)}
        ${codes}
      </str:Codelist>
    </str:Codelists>
  </mes:Structures>
</mes:Structure>
`;
}

/** The same codelist version as an SDMX-JSON structure message. */
export function codelistToSdmxJson(entry: CodelistEntry, version: Version<CodelistVersion>, prepared: string) {
  const { meta } = entry;
  const names = (n: { nb: string; nn?: string; en?: string }) => Object.fromEntries((["nb", "nn", "en"] as const).filter((l) => n[l]).map((l) => [l, n[l]!]));
  return {
    meta: { id: `${sdmxId(meta.id)}_${version.year}`, test: false, prepared, sender: { id: SDMX_AGENCY }, contentLanguages: ["nb"] },
    data: {
      codelists: [
        {
          id: sdmxId(meta.id),
          agencyID: SDMX_AGENCY,
          version: sdmxVersion(version),
          isFinal: true,
          urn: `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${SDMX_AGENCY}:${sdmxId(meta.id)}(${sdmxVersion(version)})`,
          name: meta.name.nb,
          names: names(meta.name),
          codes: version.data.codes.map((c) => ({
            id: sdmxId(c.code),
            name: c.name.nb,
            names: names(c.name),
            ...(c.notes && { description: c.notes, descriptions: { nb: c.notes } }),
            ...(c.parent !== undefined && { parent: sdmxId(c.parent) }),
            ...(sdmxId(c.code) !== c.code && { annotations: [{ title: c.code, type: "KOSTRA_CODE" }] }),
          })),
        },
      ],
    },
  };
}
