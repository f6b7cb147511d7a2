import { citeSources, type Citation } from "../sources/cite.ts";

/**
 * «Slik foreslår du en endring»: the guide for a working-group member, in the words of the sources.
 * Every statement about how KOSTRA works cites the minutes or the annual report it comes from; where
 * the sources are silent (who decides in the end, a deadline common to every group), the guide says
 * no more than that. Only the last section, on the two commands, is about the registry itself.
 */

const MANDATE_2009 = "seeds/000_2ed11be61883ac3e.txt — Sak 1. Gjennomgang av mandat";
const INDICATORS_2009 = "seeds/000_2ed11be61883ac3e.txt — Sak 3. Nye indikatorer og mellomregninger";
const ACCOUNTS_2009 = "seeds/000_2ed11be61883ac3e.txt — Sak 4. Regnskapsføring i barnevernet";
const MEMBERS_2023 = "seeds/001_82c6c90c8b3d8844.txt — 1 Innledning, Arbeidsgruppens sammensetning";
const INTRODUCTION_2023 = "seeds/001_82c6c90c8b3d8844.txt — 1 Innledning";
const SUMMARY_2023 = "seeds/001_82c6c90c8b3d8844.txt — 2 Oppsummering og anbefaling";
const ACCOUNT_BACKGROUND_2023 = "seeds/001_82c6c90c8b3d8844.txt — 4.2 Bakgrunn for ønsket endring";
const FORM_CHANGES_2023 = "seeds/001_82c6c90c8b3d8844.txt — 5 Ønskede endringer i skjema/filuttrekk";
const ATTENDEES_2013 = "seeds/003_84659cdb50d76774.txt — Til stede";
const INPUT_2013 = "seeds/003_84659cdb50d76774.txt — sak 4, Innspill til endringer i skjema for kommende år";
const USER_PROBLEMS_2013 = "seeds/003_84659cdb50d76774.txt — sak 5, Status for arbeidet med problemområder hos brukere i sosialtjenesten";
const FUNCTION_243_2013 = "seeds/003_84659cdb50d76774.txt — sak 6, Status for arbeidet med KOSTRA-funksjon 243";
const NEXT_MEETING_2013 = "seeds/003_84659cdb50d76774.txt — sak 8, Fastsettelse av dato for neste møte";

/** One statement of the guide, with the sources it rests on (none for the registry's own commands). */
export interface GuideStatement {
  text: string;
  /** A command shown as code after the text. */
  command?: string;
  source: string[];
  citations: Citation[];
}

export interface GuideSection {
  /** The heading's id, for links into the page. */
  id: string;
  heading: string;
  /** A sentence before the statements. */
  intro?: string;
  /** Statements shown as a list (true) or as paragraphs. */
  list: boolean;
  statements: GuideStatement[];
  /** Subsections (the three grounds of a justification). */
  parts?: { heading: string; statements: GuideStatement[] }[];
}

const say = (text: string, ...source: string[]): GuideStatement => ({ text, source, citations: citeSources(source) });

export interface ProposalGuide {
  title: string;
  lead: string;
  sections: GuideSection[];
  /** Every source the guide cites, once each, in the order first cited. */
  sources: string[];
}

export function proposalGuide(): ProposalGuide {
  const sections: GuideSection[] = [
    {
      id: "hvem",
      heading: "Hvem kan foreslå en endring",
      list: false,
      statements: [
        say("Mandatet for arbeidsgruppene sier at gruppene skal gi forslag om hvilke nøkkeltall og grunnlagsdata som skal publiseres, og at endringer i rapporteringen fra år til år skal begrunnes.", MANDATE_2009),
        say("Forslagene fremmes av arbeidsgruppen. Arbeidsgrupperapporten for barnevern fra 2023 samler gruppens forslag til endringer i publiseringen, i kontoplanen og i skjema.", SUMMARY_2023),
        say("I gruppene sitter blant andre departementer, direktorater, KS, kommuner og SSB; i barnevernsgruppen i 2023 var lederen fra SSB.", MEMBERS_2023, ATTENDEES_2013),
        say("I møtene tar medlemmene opp forslag og ønsker, blant annet departementet, KS og SSB, og et innspill fra Husbanken ble sendt til arbeidsgruppen før møtet.", INDICATORS_2009, INPUT_2013),
        say("Et forslag kan også starte utenfor gruppen: endringene i veiledningstekstene i kontoplanen i 2023 kom etter en henvendelse til SSB fra en ekstern aktør, og ble utarbeidet sammen med representanter fra to kommuner.", ACCOUNT_BACKGROUND_2023),
      ],
    },
    {
      id: "innhold",
      heading: "Hva et forslag må inneholde",
      intro: "Mandatet sier at endringer i rapporteringen fra år til år skal begrunnes i forhold til oppgavebyrde, relevans og sammenliknbarhet over tid. Et forslag bør derfor si hva som skal endres, og begrunne endringen ut fra disse tre.",
      list: false,
      statements: [
        say("I arbeidsgrupperapporten står hver ønsket endring med et eget punkt for forslaget til endring og et for bakgrunnen for ønsket endring. For skjemaendringer står det også hvilke data som finnes fra andre kilder.", FORM_CHANGES_2023, ACCOUNT_BACKGROUND_2023),
      ],
      parts: [
        {
          heading: "Oppgavebyrde",
          statements: [say("Arbeidsgruppene skal ta hensyn til kommunenes oppgavebyrde: rapporteringsomfanget skal begrenses, dobbeltrapportering skal unngås, og gruppene skal vurdere om eksisterende registre kan brukes.", MANDATE_2009), say("SSB har påpekt at endringer i skjema gir mye arbeid i SSB, hos fagprogramleverandørene og i kommunene, og at endringer gir problemer og dårligere kvalitet i starten.", INDICATORS_2009)],
        },
        {
          heading: "Relevans",
          statements: [say("Gruppen spør hvor relevant tallet er for kommunene. Da en ny indikator for unge i alderen 18–22 år med barnevernstiltak ble drøftet i 2009, ble det påpekt at noen kommuner gir hjelp til dem over 18 år gjennom andre etater enn barnevernet, og at tall under 3 prikkes, slik at tallet må prikkes for en rekke små kommuner.", INDICATORS_2009)],
        },
        {
          heading: "Sammenliknbarhet over tid",
          statements: [say("Mandatet nevner sammenliknbarhet over tid som et av de tre punktene en endring skal begrunnes ut fra. Kildene sier ikke mer om hva som kreves.", MANDATE_2009)],
        },
      ],
    },
    {
      id: "naar",
      heading: "Når i året",
      intro: "Kildene gir ingen felles årsplan for alle arbeidsgruppene. De viser dette:",
      list: true,
      statements: [
        say("I arbeidsgruppen for sosialtjenesten foreslo SSB, da referatet fra møtet 19. oktober ble sendt ut, at ønsker om større endringer i skjema måtte meldes til SSB innen 1. mars, og ingen hadde innsigelser. For det som ikke var meldt innen fristen, regnet SSB bare med mindre justeringer av spørsmålene (referat fra april 2013).", INPUT_2013),
        say("I samme gruppe var det enighet om at sakspapirene til neste møte, 27. mai 2013, burde sendes ut senest 15. mai.", NEXT_MEETING_2013),
        say("I 2013 kunne et forslag om å endre et skjema bli fremmet på Samordningsrådsmøtet i september.", USER_PROBLEMS_2013),
        say("Endringer gjelder fra et kommende rapporteringsår: i mars 2013 fikk SSB tilslutning til at en regnskapsfunksjon skulle videreføres uendret for 2014, og et eget arbeidsutvalg skulle se på eventuelle endringer for 2015.", FUNCTION_243_2013),
        say("Barnevernsgruppen holdt ett arbeidsgruppemøte det siste året før rapporten for 2023, 20. april 2023.", INTRODUCTION_2023),
      ],
    },
    {
      id: "behandling",
      heading: "Slik behandler arbeidsgruppen forslaget",
      list: true,
      statements: [
        say("I referatene er forslag sendt til arbeidsgruppen før møtet, som innspill, sakspapir eller notat.", INPUT_2013, ACCOUNTS_2009),
        say("Gruppen drøfter forslaget i møtet. Er saken ikke klar, kan den tas opp igjen på neste møte: i 2013 konkluderte ikke møtet om Husbankens innspill, SSB spurte fagsystemleverandørene, og svaret skulle meldes tilbake til arbeidsgruppen slik at forslaget kunne tas opp på nytt.", INPUT_2013),
        say("Et forslag kan få gruppens tilslutning: i 2013 foreslo SSB i den særskilte arbeidsgruppen for rus og psykisk helse at en regnskapsfunksjon skulle videreføres uendret, og fikk tilslutning.", FUNCTION_243_2013),
        say("Uten støtte blir et forslag neppe fremmet videre: referatet fra 2013 sier at et forslag om å endre et skjema lite sannsynlig ville bli fremmet på Samordningsrådsmøtet dersom det ikke fikk særlig støtte.", USER_PROBLEMS_2013),
        say("Barnevernsgruppen fremmet forslagene sine i arbeidsgrupperapporten for 2023, med en oppsummering og anbefaling først.", SUMMARY_2023),
      ],
    },
    {
      id: "kommandoer",
      heading: "For deg som arbeider i registerets kildekode",
      intro: "En endring i registeret lages på en egen gren, gjennomgås og vedtas før den flettes inn og publiseres. To kommandoer hjelper:",
      list: true,
      statements: [
        { text: "viser hva grenen endrer i registeret før noe flettes inn: hver endring per rapporteringsår, om den bryter for dem som rapporterer og dem som bruker tallene, hvilke endringsforslag som begrunner den, og hvilke endringer ingen forslag begrunner.", command: "npx kostra review", source: [], citations: [] },
        { text: "lager et utkast til endringsforslag med alle endringene grenen gjør i et rapporteringsår for arbeidsgruppens kodelister, skjema og indikatorer, med status «fremmet» og de tre begrunnelsene (oppgavebyrde, relevans og sammenliknbarhet over tid) som arbeidsgruppen fyller ut. Du oppgir en kort id for forslaget, arbeidsgruppen, rapporteringsåret og en tittel.", command: "npx kostra propose", source: [], citations: [] },
      ],
    },
  ];
  const all = sections.flatMap((s) => [...s.statements, ...(s.parts ?? []).flatMap((p) => p.statements)]);
  return {
    title: "Slik foreslår du en endring",
    lead: "For medlemmer av KOSTRA-arbeidsgruppene: hvem som foreslår, hva et forslag må inneholde, når i året og hvordan gruppen behandler det. Alt om arbeidsgruppenes arbeid her bygger på møtereferater og en arbeidsgrupperapport; der de ikke sier noe, gjør heller ikke denne siden det.",
    sections,
    sources: [...new Set(all.flatMap((s) => s.source))],
  };
}
