/**
 * The register of source documents: every document the content cites with `source:`, with what
 * the document itself (or the README of the folder it was copied into) says of its title, author,
 * date and origin. Nothing here is guessed: where a document does not say who wrote it or where it
 * is published, the field is left out and the page says so.
 *
 * Content cites a document by its path below the shared folder (`seeds/001_….txt — 3.1.2 …`); a
 * source here claims the paths it covers (`paths`, exact or, ending in `/`, a folder), and, for a
 * group of files (one XSD per date, one file description per form and year), says how a file's
 * name reads as a section (`fileSection`).
 */
export interface SourceDocument {
  /** The id in `/kilder/<id>/`. */
  id: string;
  /** The document's title, as it names itself where it does. */
  title: string;
  /** Who wrote or publishes it, where the document says. */
  author?: string;
  /** Its date in words, as the document gives it (Norwegian). */
  date?: string;
  /** A year to sort and group by. */
  year?: number;
  /** Where the document is public, where its origin is recorded. */
  url?: string;
  /** What the document is, in one or two Norwegian sentences. */
  description: string;
  /** Paths below the shared folder this source covers: a file, or a folder ending in `/`. */
  paths: string[];
  /** For a group of files: the section a file's name stands for (e.g. «versjon 23.04.2018»). */
  fileSection?: (fileName: string) => string | undefined;
}

const KONTROLLPROGRAM = "https://github.com/statisticsnorway/kostra-kontrollprogram";
/** The commit the files of `reference/kontrollprogram/` were copied from (its README). */
const KONTROLLPROGRAM_COMMIT = "c1f5848696d39adbccb3e35e7a96f14ed43a6c83";

/** `2018-04-23` → `23.04.2018`. */
const norwegianDate = (iso: string) => iso.split("-").reverse().join(".");

/** `Individ_2018-04-23.xsd` → «versjon 23.04.2018». */
const xsdSnapshot = (file: string) => {
  const m = /^Individ_(\d{4}-\d{2}-\d{2})\.xsd$/.exec(file);
  return m ? `versjon ${norwegianDate(m[1])}` : undefined;
};

/** `file_description_52AF_2025.yaml` → «skjema 52AF, 2025»; `…_Regnskap.yaml` → «Regnskap». */
const kontrollprogramFile = (file: string) => {
  let m = /^file_description_([0-9A-Z]+)_(\d{4})\.yaml$/.exec(file);
  if (m) return `skjema ${m[1]}, ${m[2]}`;
  if (file === "file_description_Regnskap.yaml") return "Regnskap (skjema 0A–0Q), 2025";
  m = /^changelog_for_([0-9A-Z]+)_from_(\d{4})_to_(\d{4})\.md$/.exec(file);
  if (m) return `skjema ${m[1]}, ${m[2]} til ${m[3]}`;
  m = /^specs_familievern_([0-9A-Z]+)_.*_(\d{4})\.md$/.exec(file);
  if (m) return `skjema ${m[1]}, ${m[2]}`;
  if (file === "felles_regnskap.md") return "kontroller felles for alle regnskapsfiler";
  if (file === "felles_posisjonsbaserte_filvedlegg.md") return "regler felles for alle posisjonsbaserte filuttrekk";
  m = /^mapping_familievern_region_fylke_kontor_(\d{4})\.yaml$/.exec(file);
  if (m) return m[1];
  return undefined;
};

const SSB = "Statistisk sentralbyrå (SSB)";
const KONTROLLPROGRAM_ORIGIN = `Hentet fra SSBs offentlige kodelager for kontrollprogrammet (kostra-kontrollprogram, MIT-lisens), versjon ${KONTROLLPROGRAM_COMMIT.slice(0, 7)} fra juli 2026.`;

export const SOURCE_DOCUMENTS: readonly SourceDocument[] = [
  {
    id: "000",
    title: "Referat KOSTRA arbeidsgruppemøte 06.05.09",
    author: "KOSTRA arbeidsgruppe for barnevern",
    date: "6. mai 2009",
    year: 2009,
    description: "Referat fra møtet i KOSTRA-arbeidsgruppen for barnevern: mandat, rapportering av personell (skjema 8), status for barnevernsstatistikken, forslag til nye indikatorer, regnskapsfunksjonene 244, 251 og 252, eventuelt og oppfølging.",
    paths: ["seeds/000_2ed11be61883ac3e.txt"],
  },
  {
    id: "001",
    title: "KOSTRA arbeidsgrupperapport for barnevern",
    author: "KOSTRA arbeidsgruppe for barnevern",
    date: "2023 (arbeidsgruppemøte 20. april 2023)",
    year: 2023,
    description: "Arbeidsgruppens årsrapport: forslag om ny variabel i skjema 8, endringer i kodelistene for tiltak og plantyper, endringer i veiledningstekster i artskontoplanen, evaluering av siste rapporteringsrunde, publiserte og avsluttede tabeller i Statistikkbanken og skjema 8 for 2023 med kontroller.",
    paths: ["seeds/001_82c6c90c8b3d8844.txt", "seeds/001"],
  },
  {
    id: "002",
    title: "ASSS indikatordefinisjoner for barnevern",
    author: "ASSS-samarbeidet",
    date: "publisert 22.05.2020, endret 21.08.2023",
    year: 2020,
    description: "Definisjonene av ASSS-indikatorene for barnevern: type, datakilde, beskrivelse, formål, sentrale begrep, utregning (teller, nevner og tabeller i Statistikkbanken), utvalg og fortolkning.",
    paths: ["seeds/002_5f1e3493f1221d43.txt"],
  },
  {
    id: "003",
    title: "Referat fra møte i KOSTRA arbeidsgruppe for sosialtjenesten",
    author: "KOSTRA arbeidsgruppe for sosialtjenesten",
    date: "22. april 2013",
    year: 2013,
    description: "Referat fra arbeidsgruppemøtet: til stede og forfall, status for rapporteringen per skjema, mandat for 2013, forslag til endringer i skjema med frister, oppfølging.",
    paths: ["seeds/003_84659cdb50d76774.txt", "seeds/003"],
  },
  {
    id: "004",
    title: "Tilstandsrapportering for kommunale barnevernstjenester",
    date: "sist faglig oppdatert 22. mai 2024",
    year: 2024,
    description: "Veiledning til kommunenes årlige tilstandsrapport om barnevernet: formål og lovkrav (bvl. § 15-3), oppbygging, hvilke nøkkeltall som kan brukes, taushetsplikt og små tall (tre eller færre vises ikke).",
    paths: ["seeds/004_bf0f9d2bbffb6769.txt"],
  },
  {
    id: "15f-xsd",
    title: "XML-skjema for filuttrekk 15F, individnivå (Individ)",
    author: SSB,
    date: "versjoner fra 23.04.2018 til 02.09.2024",
    year: 2018,
    description: "Skjemaet (XSD) som barnevernets filuttrekk 15F på individnivå skal følge, slik det sto på hver dato det ble endret. Ved hver oppramsing står kodelistens koder og tekster (tiltakskategorier, plantyper, konklusjon av undersøkelser, saksinnhold, melder, lovhjemmel, flytting …). Offentlig materiale fra SSBs kontrollprogram for KOSTRA.",
    paths: ["reference/barnevern-15F/xsd-history/"],
    fileSection: xsdSnapshot,
  },
  {
    id: "15f-avgiver-xsd",
    title: "XML-skjema for filuttrekk 15F, avgiver og rotdokument",
    author: SSB,
    description: "Skjemaene (XSD) for avgiverposten (Avgiver) og rotdokumentet (KostraBarnevern) i filuttrekk 15F, gjeldende versjon. Offentlig materiale fra SSBs kontrollprogram for KOSTRA.",
    paths: ["reference/barnevern-15F/Avgiver.xsd", "reference/barnevern-15F/KostraBarnevern.xsd"],
    fileSection: (file) => (file === "Avgiver.xsd" ? "avgiver" : file === "KostraBarnevern.xsd" ? "rotdokument" : undefined),
  },
  {
    id: "15f-kontroller",
    title: "Kontrollspesifikasjon for filuttrekk 15F",
    author: SSB,
    description: "Kontrollene SSBs kontrollprogram kjører på filuttrekk 15F: hver kontrolls nummer, vilkår, alvorlighet (FEIL stopper innsendingen, ADVARSEL er et varsel) og melding. Offentlig materiale fra SSBs kontrollprogram for KOSTRA.",
    paths: ["reference/barnevern-15F/controls-15F.md"],
  },
  {
    id: "15f-endringshistorikk",
    title: "Endringshistorikk for filuttrekk 15F",
    author: SSB,
    date: "23.04.2018 til 02.09.2024",
    year: 2018,
    description: "Den offentlige endringshistorikken til XML-skjemaet for filuttrekk 15F: hvilken endring som ble gjort på hver dato (for eksempel kode 2.6 lagt til i tiltakskategoriene 25.03.2021, kode 6.5 fjernet 06.04.2022).",
    paths: ["reference/barnevern-15F/README.md"],
  },
  {
    id: "kontrollprogram-filbeskrivelser",
    title: "Filbeskrivelser i SSBs kontrollprogram for KOSTRA",
    author: SSB,
    date: "rapporteringsår 2024–2026",
    year: 2024,
    url: `${KONTROLLPROGRAM}/tree/${KONTROLLPROGRAM_COMMIT}/kravspesifikasjon`,
    description: `Den posisjonsbaserte postbeskrivelsen av et filuttrekk for ett rapporteringsår: hvert felt med navn, beskrivelse, posisjon, lengde, datatype, om det er påkrevd og eventuell kodeliste. Skjema 52AF, 52BF, 53F og 55F for 2024–2026 og Regnskap for 2025. ${KONTROLLPROGRAM_ORIGIN}`,
    paths: ["reference/kontrollprogram/file_description_"],
    fileSection: kontrollprogramFile,
  },
  {
    id: "kontrollprogram-endringslogger",
    title: "Endringslogger i SSBs kontrollprogram for KOSTRA",
    author: SSB,
    date: "2024 til 2026",
    year: 2024,
    url: `${KONTROLLPROGRAM}/tree/${KONTROLLPROGRAM_COMMIT}/kravspesifikasjon`,
    description: `SSBs egen endringslogg mellom to år av et skjema: felt fjernet, lagt til og endret, og endringer i kodelistene per felt. ${KONTROLLPROGRAM_ORIGIN}`,
    paths: ["reference/kontrollprogram/changelog_for_"],
    fileSection: kontrollprogramFile,
  },
  {
    id: "kontrollprogram-kontroller",
    title: "Kontrollspesifikasjoner i SSBs kontrollprogram for KOSTRA",
    author: SSB,
    year: 2025,
    url: `${KONTROLLPROGRAM}/tree/${KONTROLLPROGRAM_COMMIT}/kravspesifikasjon`,
    description: `Kontrollene per skjema, kontrollene felles for alle regnskapsfiler (med alvorlighet og melding) og reglene felles for alle posisjonsbaserte filuttrekk. ${KONTROLLPROGRAM_ORIGIN}`,
    paths: ["reference/kontrollprogram/specs_", "reference/kontrollprogram/felles_"],
    fileSection: kontrollprogramFile,
  },
  {
    id: "kontrollprogram-familievernkontor",
    title: "Familievernets regioner, fylker og kontorer i SSBs kontrollprogram",
    author: SSB,
    date: "2024–2026",
    year: 2024,
    url: `${KONTROLLPROGRAM}/tree/${KONTROLLPROGRAM_COMMIT}/kontroller/src/main/resources`,
    description: `Familievernets regioner, fylker og kontorer per år, ordnet som et hierarki: region, fylke, kontor. ${KONTROLLPROGRAM_ORIGIN}`,
    paths: ["reference/kontrollprogram/mapping_familievern_region_fylke_kontor_"],
    fileSection: kontrollprogramFile,
  },
  {
    id: "kontrollprogram",
    title: "SSBs kontrollprogram for KOSTRA",
    author: SSB,
    url: `${KONTROLLPROGRAM}/tree/${KONTROLLPROGRAM_COMMIT}`,
    description: `Beskrivelsen av hva SSBs kontrollprogram forventer av filene kommunene og familievernkontorene sender inn, år for år. ${KONTROLLPROGRAM_ORIGIN}`,
    paths: ["reference/kontrollprogram/"],
    fileSection: kontrollprogramFile,
  },
];
