import { describe, expect, it } from "vitest";
import { editorialNote, EDITORIAL_NOTE_HEADING } from "../src/lib/views/editorial-note.ts";
import { answers, isQueryWord } from "../src/lib/search/hits.ts";

const plain = (note: string) => editorialNote(note).parts.map((p) => ("text" in p ? p.text : "path" in p ? `[${p.path}]` : `<${p.source}>`)).join("");

describe("an editorial note in the reader's words", () => {
  it("says the XML Schema's and the content format's words in Norwegian", () => {
    expect(EDITORIAL_NOTE_HEADING).toBe("Om kildene og avvik");
    expect(plain("I 2020-12-05 står 2.6 bare i xs:documentation, ikke i xs:enumeration; i årets siste XSD-versjon gjelder 2.6.")).toBe(
      "I 2020-12-05 står 2.6 bare i beskrivelsen, ikke i listen over tillatte verdier; i årets siste versjon av XML-skjemaet gjelder 2.6.",
    );
    expect(plain("ført opp som grupperingskoder (selectable: false) uten kolonet")).toBe("ført opp som grupperingskoder (kan ikke velges) uten kolonet");
    expect(plain("Kontrollen går på tvers av individene i filen og har derfor scope barnevern.")).toBe("Kontrollen går på tvers av individene i filen og har derfor hele filen som omfang.");
  });

  it("writes paths readably and names a source by its title, linked", () => {
    expect(plain("Kravspesifikasjonen skriver Tiltak/Kategori/@Presisering; kilden skriver @Presisering.")).toBe("Kravspesifikasjonen skriver [Tiltak › Kategori › Presisering]; kilden skriver attributtet Presisering.");
    expect(plain("(A/B) og teller/nevner")).toBe("(A/B) og teller/nevner");
    const parts = editorialNote("Kilde 002 oppgir ikke året.").parts;
    expect(parts[0]).toEqual({ text: "Kilden " });
    expect(parts[1]).toEqual({ source: "«ASSS indikatordefinisjoner for barnevern»", href: "/kilder/002/" });
  });
});

describe("a hit matches a real word of the query", () => {
  it("takes a word in another form or inside a compound, never a fragment pagefind shortened the query to", () => {
    expect(isQueryWord("omsorgs-/hjelpetiltak", "hjelpetiltak")).toBe(true);
    expect(isQueryWord("barnevernsdata.", "barnevern")).toBe(true);
    expect(isQueryWord("melding", "meldinger")).toBe(true);
    expect(isQueryWord("(K)", "kvalifiseringsstønad")).toBe(false);
    // A shared stem is not enough: «bygger» is no form of «byggesak» (the rest, «sak», is a word, not an ending).
    expect(isQueryWord("bygger", "byggesak")).toBe(false);
    expect(isQueryWord("meldingen", "meldinger")).toBe(true);
    expect(isQueryWord("kvalifisering", "kvalifiseringsstønad")).toBe(false);
    expect(answers({ title: "Tabell 12276: Barn med tiltak (K)", excerpt: "etter alder <mark>(K)</mark>" }, "kvalifiseringsstønad")).toBe(false);
    expect(answers({ title: "470 Overføring til andre", excerpt: "utover <mark>introduksjonsstønad/kvalifiseringsstønad)</mark>" }, "kvalifiseringsstønad")).toBe(true);
  });
});
