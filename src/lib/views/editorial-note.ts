import { SOURCE_DOCUMENTS } from "../sources/documents.ts";
import { urls } from "../site/urls.ts";

/** A piece of an editorial note: running text, a path in a file written readably, or a source named by its title. */
export type NotePart = { text: string } | { path: string } | { source: string; href: string };

/** An editorial note as a page shows it: after the content, collapsed under `heading`. */
export interface EditorialNoteView {
  heading: string;
  parts: NotePart[];
}

/** The heading of every editorial note: what the registry says about its sources and where it departs from them. */
export const EDITORIAL_NOTE_HEADING = "Om kildene og avvik";

/**
 * The content format's and the XML Schema's words in plain Norwegian. A note is written by the
 * editors in their own words (`note:` in the content); a reader does not know `xs:enumeration`.
 */
const PLAIN: [RegExp, string][] = [
  [/\bXSD-(versjon\w*)/g, "$1 av XML-skjemaet"],
  [/\bXSD-en\b/g, "XML-skjemaet"],
  [/\bXSD\b/g, "XML-skjemaet"],
  [/\bxs:enumeration\b/g, "listen over tillatte verdier"],
  [/\bxs:documentation\b/g, "beskrivelsen"],
  [/\bxs:list\b/g, "en liste av verdier"],
  [/\bxs:unique\b/g, "et krav om unike verdier"],
  [/\bselectable: false\b/g, "kan ikke velges"],
  [/\brepeats: true\b/g, "kan gjentas"],
  [/\bscope barnevern\b/g, "hele filen som omfang"],
  [/\bunit er ikke satt\b/g, "måleenheten er ikke satt"],
  [/\busedIn følger\b/g, "bruken av listen følger"],
  [/\bparent er satt\b/g, "overordnet kode er satt"],
  [/\bJSON-appinfo\b/g, "tilleggsopplysningene i skjemaet"],
];

/** A path in a file («Tiltak/Kategori/@Presisering», «/Barnevern/Individ»), not «og/eller» or «A/B». */
const isPath = (s: string) => s.includes("@") || s.startsWith("/") || s.split("/").every((p) => /^\p{Lu}.*\p{Ll}/u.test(p));

const title = new Map(SOURCE_DOCUMENTS.map((d) => [d.id, d.title]));

/**
 * A note split into text, paths and sources: «Tiltak/Kategori/@Presisering» becomes the path
 * «Tiltak › Kategori › Presisering», «@Presisering» the attribute «Presisering», and «kilde 002» the
 * source's title, linked to its page.
 */
export function editorialNote(note: string): EditorialNoteView {
  let text = note;
  for (const [from, to] of PLAIN) text = text.replace(from, to);
  const parts: NotePart[] = [];
  const token = /(\/?(?:[\p{L}\d_]+\/)+@?[\p{L}\d_]+)|(?<![\p{L}{])@([\p{L}][\p{L}\d_]*)|\b([Kk])ilde (\d{3})\b/gu;
  let at = 0;
  for (const m of text.matchAll(token)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    if (m[1] && !isPath(m[1])) parts.push({ text: m[0] });
    else if (m[1]) parts.push({ path: m[1].replace(/^\//, "").replace(/@/g, "").split("/").join(" › ") });
    else if (m[2]) parts.push({ text: `attributtet ${m[2]}` });
    else if (title.has(m[4])) parts.push({ text: `${m[3]}ilden ` }, { source: `«${title.get(m[4])}»`, href: urls.source(m[4]) });
    else parts.push({ text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return { heading: EDITORIAL_NOTE_HEADING, parts };
}
