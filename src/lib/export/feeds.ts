import { countNb } from "../text/count-nb.ts";
import type { Registry } from "../model/registry.ts";
import type { Meeting, Proposal } from "../schema/index.ts";
import { perRegistry } from "../model/per-registry.ts";
import { currentStatus } from "../diff/trace.ts";
import { diffRegistry, codelistHistory } from "../diff/index.ts";

// A status dated by its year alone (the source gives no day) stands at the year's start: Atom needs a timestamp.
const date = (iso: string) => new Date(`${/^\d{4}$/.test(iso) ? `${iso}-01-01` : iso}T00:00:00Z`);
const latest = (p: { history: { date: string }[] }) => p.history.at(-1)!.date;

/**
 * An Atom person construct (RFC 4287 §3.2): who is responsible for a feed or an entry. Always a
 * body the content names (a working group) or the registry itself, never a person guessed at.
 */
interface Author {
  name: string;
  uri?: string;
}

interface Entry {
  title: string;
  id: string;
  link: string;
  date: Date;
  description: string;
  /** Where it differs from the feed's (RFC 4287 §4.2.1: an entry without one has the feed's). */
  author?: Author;
}

/** The author of what the registry itself puts together (change sets, corrections, the site feed). */
const registryAuthor = (siteUrl: string): Author => ({ name: "KOSTRA-registeret", uri: `${siteUrl}/` });

/** Characters XML 1.0 cannot hold at all (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates): written as U+FFFD, so the feed stays well-formed. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlText = (s: string) => s.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");
const xmlAttribute = (s: string) => xmlText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;");
const url = (s: string) => new URL(s).href;

/**
 * An Atom text construct: always `type="text"`, its text XML-escaped. The `feed` package this
 * replaced wrote entry titles and summaries as `type="html"` in CDATA, so a title holding
 * `<script>` was markup to feed readers (and a second `]]>` broke the XML).
 */
const text = (element: string, value: string) => `<${element} type="text">${xmlText(value)}</${element}>`;

const author = ({ name, uri }: Author, indent: string) => [
  `${indent}<author>`,
  `${indent}    <name>${xmlText(name)}</name>`,
  ...(uri ? [`${indent}    <uri>${xmlText(url(uri))}</uri>`] : []),
  `${indent}</author>`,
];

/**
 * An Atom feed whose `updated` is its newest entry, so the same content gives the same bytes.
 * Every text in it is plain text (RFC 4287 §3.1, `type="text"`), never HTML: titles and
 * summaries come from content (proposal titles, corrections) and are shown by feed readers.
 */
function atom(title: string, selfUrl: string, siteUrl: string, feedAuthor: Author, entries: Entry[]): string {
  entries.sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const updated = entries[0]?.date ?? new Date(0);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `    <id>${xmlText(url(`${siteUrl}${selfUrl}`))}</id>`,
    `    ${text("title", title)}`,
    `    <updated>${updated.toISOString()}</updated>`,
    // RFC 4287 §4.1.1: a feed has an author unless every entry has one; entries without their own inherit it.
    ...author(feedAuthor, "    "),
    `    <generator>KOSTRA-registeret</generator>`,
    `    <link rel="alternate" href="${xmlAttribute(url(siteUrl + "/"))}"/>`,
    `    <link rel="self" href="${xmlAttribute(url(`${siteUrl}${selfUrl}`))}"/>`,
    `    ${text("rights", "Innholdet er hentet fra kildedokumentene som er oppgitt på hver side.")}`,
  ];
  for (const e of entries) {
    lines.push(
      `    <entry>`,
      `        ${text("title", e.title)}`,
      `        <id>${xmlText(url(e.id))}</id>`,
      `        <link href="${xmlAttribute(url(e.link))}"/>`,
      `        <updated>${e.date.toISOString()}</updated>`,
    );
    if (e.author) lines.push(...author(e.author, "        "));
    if (e.description) lines.push(`        ${text("summary", e.description)}`);
    lines.push(`    </entry>`);
  }
  lines.push(`</feed>`);
  return lines.join("\n");
}

/**
 * Each working group's proposals and meetings, and its count of changes per year: made once, not
 * by scanning every proposal and every change of every year for each group's feed (groups ×
 * changes, a hundred times more work at ten times the registry).
 */
const byGroup = perRegistry("feeds-by-group", (registry) => {
  const groups = new Map<string, { proposals: Proposal[]; meetings: Meeting[]; changes: Map<number, { count: number; breaking: number }> }>();
  const of = (id: string) => groups.get(id) ?? groups.set(id, { proposals: [], meetings: [], changes: new Map() }).get(id)!;
  for (const { data } of registry.proposals.values()) of(data.workingGroup).proposals.push(data);
  for (const { data } of registry.meetings.values()) of(data.workingGroup).meetings.push(data);
  for (const year of registry.reportingYears.slice(1)) {
    for (const c of diffRegistry(registry, year - 1, year).changes) {
      const counts = of(c.workingGroup).changes;
      const n = counts.get(year) ?? counts.set(year, { count: 0, breaking: 0 }).get(year)!;
      n.count++;
      if (c.sender === "breaking") n.breaking++;
    }
  }
  return groups;
});

/** A working group as the author of its proposals and meetings: the name the content gives it, and its page. */
function groupAuthor(registry: Registry, siteUrl: string, id: string): Author | undefined {
  const group = registry.workingGroups.get(id);
  return group && { name: group.name.nb, uri: `${siteUrl}/arbeidsgrupper/${id}/` };
}

function proposalEntries(registry: Registry, siteUrl: string, group?: string): Entry[] {
  const proposals = group === undefined ? [...registry.proposals.values()].map((p) => p.data) : (byGroup(registry).get(group)?.proposals ?? []);
  return proposals.map((p) => ({
      title: `Endringsforslag: ${p.title} (${currentStatus(p)})`,
      id: `${siteUrl}/endringsforslag/${p.id}/#${latest(p)}`,
      link: `${siteUrl}/endringsforslag/${p.id}/`,
      date: date(latest(p)),
      description: `Status ${currentStatus(p)} ${latest(p)}; gjelder fra rapporteringsår ${p.targetYear}.`,
      author: groupAuthor(registry, siteUrl, p.workingGroup),
    }));
}

/** Change sets are dated 1 January of the year they apply to: the sources give no publication date. */
function changeSetEntries(registry: Registry, siteUrl: string, group?: string): Entry[] {
  return registry.reportingYears.slice(1).flatMap((year) => {
    const { count, breaking } =
      group === undefined
        ? (({ changes }) => ({ count: changes.length, breaking: changes.filter((c) => c.sender === "breaking").length }))(diffRegistry(registry, year - 1, year))
        : (byGroup(registry).get(group)?.changes.get(year) ?? { count: 0, breaking: 0 });
    if (!count) return [];
    return [{ title: `Endringer for rapporteringsår ${year}: ${countNb(count, "endring")}, ${breaking} brytende for avsendere`, id: `${siteUrl}/aar/${year}/`, link: `${siteUrl}/aar/${year}/`, date: date(`${year}-01-01`), description: `${countNb(count, "endring")} fra ${year - 1} til ${year}.` }];
  });
}

/** Corrections of published years, dated when they were made. */
function correctionEntries(registry: Registry, siteUrl: string): Entry[] {
  return [...registry.published.values()].flatMap((lock) =>
    lock.corrections.map((c, i) => ({
      title: `Rettelse i publisert rapporteringsår ${lock.year}: ${c.what}`,
      id: `${siteUrl}/api/v1/published/${lock.year}.json#rettelse-${i + 1}`,
      link: `${siteUrl}/api/v1/published/${lock.year}.json`,
      date: date(c.date),
      description: `${c.why} Vedtak: ${c.decision}. Filer: ${Object.keys(c.files).join(", ")}.`,
    })),
  );
}

export function siteFeed(registry: Registry, siteUrl: string): string {
  return atom("KOSTRA-registeret: endringsforslag og endringer", "/api/v1/feeds/endringer.atom", siteUrl, registryAuthor(siteUrl), [...proposalEntries(registry, siteUrl), ...changeSetEntries(registry, siteUrl), ...correctionEntries(registry, siteUrl)]);
}

export function workingGroupFeed(registry: Registry, id: string, siteUrl: string): string {
  const group = registry.workingGroups.get(id)!;
  const by = groupAuthor(registry, siteUrl, id)!;
  const meetings = (byGroup(registry).get(id)?.meetings ?? []).map((m) => ({ title: `Møte: ${m.title}`, id: `${siteUrl}/moter/${m.id}/`, link: `${siteUrl}/moter/${m.id}/`, date: date(m.date), description: `${countNb(m.agenda.length, "sak")}.`, author: by }));
  // The change sets are the registry's count of the group's changes, not the group's own words.
  const changes = changeSetEntries(registry, siteUrl, id).map((e) => ({ ...e, author: registryAuthor(siteUrl) }));
  return atom(`${group.name.nb}: forslag, møter og endringer`, `/api/v1/feeds/arbeidsgrupper/${id}.atom`, siteUrl, by, [...proposalEntries(registry, siteUrl, id), ...changes, ...meetings]);
}

export function codelistFeed(registry: Registry, id: string, siteUrl: string): string {
  const entry = registry.codelists.get(id)!;
  const entries = codelistHistory(registry, entry).map((h) => ({
    title: `${entry.meta.name.nb} ${h.year}: ${countNb(h.changes.length, "endring")}`,
    id: `${siteUrl}/kodelister/${id}/${h.year}/`,
    link: `${siteUrl}/kodelister/${id}/${h.year}/`,
    date: date(`${h.year}-01-01`),
    description: h.changes.map((c) => `${c.type} ${c.code ?? c.from?.join("+") ?? ""}`.trim()).join(", "),
  }));
  // Its entries are the registry's summaries of each year's changes, as in the site feed.
  return atom(`Kodeliste ${entry.meta.name.nb}`, `/api/v1/feeds/kodelister/${id}.atom`, siteUrl, registryAuthor(siteUrl), entries);
}
