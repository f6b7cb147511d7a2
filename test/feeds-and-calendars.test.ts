import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT, resolveContentRoot } from "../src/lib/load/content-root.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import type { IndexExport } from "../src/lib/export/shapes.ts";
import { sha256 } from "../src/lib/export/published-hashes.ts";
import { escapeText, foldLine, writeICalendar } from "../src/lib/export/icalendar.ts";
import { CalendarEvent } from "../src/lib/schema/index.ts";
import { cycleOf, cycleYears, EVENT_KIND_NB } from "../src/lib/cycle/calendar.ts";
import { cycleToICalendar } from "../src/lib/export/cycle-calendar.ts";

/*
 * The feeds and calendars judged by the standards' own rules, as a validator and a calendar
 * program read them: each checker below returns the problems it finds, and each rule has a broken
 * string that must fail it, so a checker that passes everything cannot go unnoticed.
 */

const SITE = "https://kostra-registeret.example";
let registry: Registry;
let feeds: { path: string; content: string }[];
let index: IndexExport;

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  const text = (content: string | Uint8Array) => (typeof content === "string" ? content : Buffer.from(content).toString("utf8"));
  const files = [...exportFiles(registry, SITE)];
  feeds = files.filter((f) => f.format === "atom").map((f) => ({ path: f.path, content: text(f.content) }));
  index = JSON.parse(text(files.at(-1)!.content));
});

// ---------------------------------------------------------------------------------------------
// Atom (RFC 4287)

const ATOM = "http://www.w3.org/2005/Atom";
const REPEATABLE = new Set(["entry", "link", "author", "id", "title", "updated", "content", "name"]);
const atomParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (name) => REPEATABLE.has(name) });

type XmlElement = Record<string, unknown>;
const textOf = (v: unknown): string => (typeof v === "string" ? v : v && typeof v === "object" && "#text" in v ? String((v as XmlElement)["#text"]) : "");
const all = (element: XmlElement, name: string) => (element[name] ?? []) as unknown[];

/** RFC 3339 date-time as RFC 4287 §3.3 narrows it (upper-case T and Z), and a real date. */
const RFC3339 = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const isRfc3339 = (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(s.slice(0, 10));

/** An absolute IRI (RFC 3987): a scheme, then no white space; http(s) ones must parse as URLs. */
function isAbsoluteIri(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(s)) return false;
  if (!/^https?:/i.test(s)) return true;
  try {
    return Boolean(new URL(s).host);
  } catch {
    return false;
  }
}

/** What RFC 4287 requires of a feed document that a validator (feedvalidator.org) checks. */
function atomProblems(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const feed = atomParser.parse(xml).feed as XmlElement | undefined;
  if (!feed || typeof feed !== "object") return ["the root element is not atom:feed"];
  const problems: string[] = [];
  if (feed["@_xmlns"] !== ATOM) problems.push(`atom:feed is not in the Atom namespace (${String(feed["@_xmlns"])})`);

  const exactlyOne = (element: XmlElement, name: string, where: string) => {
    const found = all(element, name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} atom:${name}; must have exactly one`);
    return textOf(found[0]).trim();
  };
  const dated = (element: XmlElement, where: string) => {
    const updated = exactlyOne(element, "updated", where);
    if (updated && !isRfc3339(updated)) problems.push(`${where}: atom:updated «${updated}» is not an RFC 3339 date-time`);
    return updated;
  };
  const identified = (element: XmlElement, where: string) => {
    const id = exactlyOne(element, "id", where);
    if (id && !isAbsoluteIri(id)) problems.push(`${where}: atom:id «${id}» is not an absolute IRI`);
    return id;
  };
  const authors = (element: XmlElement, where: string) => {
    const found = all(element, "author") as XmlElement[];
    for (const a of found) {
      if (all(a, "name").length !== 1 || !textOf(all(a, "name")[0]).trim()) problems.push(`${where}: atom:author needs exactly one non-empty atom:name (RFC 4287 §3.2)`);
      if (a.uri !== undefined && !isAbsoluteIri(textOf(a.uri))) problems.push(`${where}: atom:author's atom:uri is not an IRI`);
    }
    return found.length;
  };
  const links = (element: XmlElement, where: string) => {
    const found = all(element, "link") as XmlElement[];
    for (const l of found) if (typeof l["@_href"] !== "string" || !l["@_href"]) problems.push(`${where}: atom:link without href`);
    // RFC 4287 §4.2.7.2: a link without rel is rel="alternate".
    const alternates = found.filter((l) => (l["@_rel"] ?? "alternate") === "alternate").map((l) => `${String(l["@_type"] ?? "")}|${String(l["@_hreflang"] ?? "")}`);
    if (new Set(alternates).size !== alternates.length) problems.push(`${where}: more than one atom:link rel="alternate" with the same type and hreflang`);
    return { self: found.some((l) => l["@_rel"] === "self"), alternate: alternates.length > 0 };
  };

  identified(feed, "feed");
  exactlyOne(feed, "title", "feed");
  dated(feed, "feed");
  if (!links(feed, "feed").self) problems.push(`feed has no atom:link rel="self"`);
  const feedAuthors = authors(feed, "feed");

  const entries = all(feed, "entry") as XmlElement[];
  const seen = new Set<string>();
  let entriesWithAuthor = 0;
  entries.forEach((e, i) => {
    const where = `entry ${i + 1}`;
    const id = identified(e, where);
    exactlyOne(e, "title", where);
    const updated = dated(e, where);
    if (!links(e, where).alternate && !all(e, "content").length) problems.push(`${where} has neither atom:content nor atom:link rel="alternate" (RFC 4287 §4.1.1)`);
    if (authors(e, where)) entriesWithAuthor++;
    if (seen.has(`${id} ${updated}`)) problems.push(`${where} repeats the atom:id ${id} with the same atom:updated`);
    seen.add(`${id} ${updated}`);
  });
  // RFC 4287 §4.1.1: one or more atom:author on the feed unless every entry has one. A feed without
  // entries is held to the feed rule, as feed validators do (the exception is empty otherwise).
  if (!feedAuthors && (!entries.length || entriesWithAuthor < entries.length)) problems.push("no atom:author: the feed has none and not every entry has one (RFC 4287 §4.1.1)");
  return problems;
}

describe("Atom feeds (RFC 4287)", () => {
  it("has one feed for the registry, one per working group and one per codelist of the bundled content", () => {
    expect(feeds.map((f) => f.path).sort()).toEqual(
      ["feeds/endringer.atom", ...[...registry.workingGroups.keys()].map((id) => `feeds/arbeidsgrupper/${id}.atom`), ...[...registry.codelists.keys()].map((id) => `feeds/kodelister/${id}.atom`)].sort(),
    );
    expect(feeds.length).toBe(19);
  });

  it("writes every feed as well-formed XML that satisfies RFC 4287", () => {
    for (const f of feeds) expect(atomProblems(f.content), f.path).toEqual([]);
  });

  it("gives every feed an author: the working group for its own feed, else the registry; never a person", () => {
    const feedAuthor = (xml: string) => textOf(all((atomParser.parse(xml).feed.author as XmlElement[])[0], "name")[0]);
    for (const f of feeds) {
      const group = /^feeds\/arbeidsgrupper\/(.+)\.atom$/.exec(f.path)?.[1];
      expect(feedAuthor(f.content), f.path).toBe(group ? registry.workingGroups.get(group)!.name.nb : "KOSTRA-registeret");
    }
    // A proposal in the site feed names the working group that owns it.
    const site = atomParser.parse(feeds.find((f) => f.path === "feeds/endringer.atom")!.content).feed;
    const proposal = (site.entry as XmlElement[]).find((e) => textOf(all(e, "title")[0]).startsWith("Endringsforslag: "))!;
    const owner = registry.workingGroups.get([...registry.proposals.values()].find((p) => textOf(all(proposal, "id")[0]).includes(`/endringsforslag/${p.data.id}/`))!.data.workingGroup)!;
    expect(textOf(all((proposal.author as XmlElement[])[0], "name")[0])).toBe(owner.name.nb);
  });

  describe("the checker fails a feed that breaks a rule", () => {
    const good = () => feeds.find((f) => f.path === "feeds/endringer.atom")!.content;

    it("passes the unbroken feed", () => {
      expect(atomProblems(good())).toEqual([]);
    });

    it("fails a feed with its authors removed", () => {
      const broken = good().replace(/\s*<author>[\s\S]*?<\/author>/g, "");
      expect(broken).not.toContain("<author>");
      expect(atomProblems(broken)).toContainEqual(expect.stringMatching(/no atom:author/));
    });

    it("fails a feed with only the feed's author removed, when an entry has none of its own", () => {
      const broken = good().replace(/<author>[\s\S]*?<\/author>/, "");
      expect(atomProblems(broken)).toContainEqual(expect.stringMatching(/no atom:author/));
    });

    it("fails XML that is not well-formed", () => {
      expect(atomProblems(good().replace("</feed>", ""))).toContainEqual(expect.stringMatching(/not well-formed/));
    });

    it("fails a feed without id, title or updated", () => {
      for (const element of ["id", "title", "updated"]) {
        const broken = good().replace(new RegExp(`\\n    <${element}[^>]*>[^<]*</${element}>`), "");
        expect(atomProblems(broken), element).toContainEqual(`feed has 0 atom:${element}; must have exactly one`);
      }
    });

    it("fails a feed without its self link", () => {
      expect(atomProblems(good().replace(/<link rel="self"[^>]*\/>/, ""))).toContain(`feed has no atom:link rel="self"`);
    });

    it("fails an entry without id, title or updated", () => {
      for (const element of ["id", "title", "updated"]) {
        const broken = good().replace(new RegExp(`(<entry>[\\s\\S]*?)\\n        <${element}[^>]*>[^<]*</${element}>`), "$1");
        expect(atomProblems(broken), element).toContainEqual(`entry 1 has 0 atom:${element}; must have exactly one`);
      }
    });

    it("fails an entry with neither an alternate link nor content", () => {
      const broken = good().replace(/(<entry>[\s\S]*?)<link [^>]*\/>/, "$1");
      expect(atomProblems(broken)).toContainEqual(expect.stringMatching(/^entry 1 has neither atom:content nor atom:link/));
      expect(atomProblems(good().replace(/(<entry>[\s\S]*?)<link /, '$1<link rel="related" '))).toContainEqual(expect.stringMatching(/^entry 1 has neither/));
    });

    it("fails ids that are not absolute IRIs and dates that are not RFC 3339", () => {
      expect(atomProblems(good().replace(/<id>https:\/\/kostra-registeret\.example\/api/, "<id>/api"))).toContainEqual(expect.stringMatching(/^feed: atom:id «\/api.*» is not an absolute IRI/));
      expect(atomProblems(good().replace(/(<entry>[\s\S]*?<id>)https:\/\/kostra-registeret\.example/, "$1"))).toContainEqual(expect.stringMatching(/^entry 1: atom:id .* is not an absolute IRI/));
      for (const bad of ["2024-01-01", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-01t00:00:00z"]) {
        expect(atomProblems(good().replace(/<updated>[^<]*<\/updated>/, `<updated>${bad}</updated>`)), bad).toContainEqual(`feed: atom:updated «${bad}» is not an RFC 3339 date-time`);
      }
      expect(atomProblems(good().replace(/<updated>[^<]*<\/updated>/, "<updated>2024-02-29T10:00:00.5+01:00</updated>"))).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545)

/** dur-value of RFC 5545 §3.3.6: P1D, PT1H, P1DT2H, P2W, -PT15M; never P1DT (a T with no time after it). */
const DUR_TIME = String.raw`T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)`;
const DUR_VALUE = new RegExp(String.raw`^[+-]?P(?:\d+D(?:${DUR_TIME})?|${DUR_TIME}|\d+W)$`);
/** Properties whose value is a duration; X-PUBLISHED-TTL by the convention that invented it. */
const DURATION_PROPERTIES = new Set(["DURATION", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"]);
/** TEXT properties that hold a single value, where an unescaped `,` or `;` is an error (§3.3.11). */
const SINGLE_TEXT = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "UID", "NAME", "X-WR-CALNAME"]);

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Block {
  name: string;
  lines: ContentLine[];
  children: Block[];
}

const CONTENT_LINE = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/s;

/** The RFC 5545 rules a consumer trips over, checked on the bytes: returns the problems found. */
function icalProblems(input: string | Uint8Array): string[] {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input);
  const problems: string[] = [];

  // §3.1: lines end in CRLF, nothing else.
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && bytes[i - 1] !== 0x0d) {
      problems.push(`a line ends in a bare LF at byte ${i} (lines must end in CRLF)`);
      break;
    }
    if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) {
      problems.push(`a bare CR at byte ${i} (lines must end in CRLF)`);
      break;
    }
  }
  if (bytes.length < 2 || bytes[bytes.length - 2] !== 0x0d || bytes[bytes.length - 1] !== 0x0a) problems.push("the last line does not end in CRLF");

  // Physical lines: at most 75 octets, each valid UTF-8 on its own (folding never splits a character),
  // and a line that is not a content line is a continuation starting with a space.
  const physical: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf("\r\n", start);
    if (end < 0) end = bytes.length;
    physical.push(bytes.subarray(start, end));
    start = end + 2;
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const unfolded: string[] = [];
  physical.forEach((line, i) => {
    if (line.length > 75) problems.push(`line ${i + 1} is ${line.length} octets long (at most 75)`);
    let text: string;
    try {
      text = decoder.decode(line);
    } catch {
      problems.push(`line ${i + 1} is not valid UTF-8 on its own (a character split by folding)`);
      text = line.toString("utf8");
    }
    if (text.startsWith(" ") && unfolded.length) {
      unfolded[unfolded.length - 1] += text.slice(1);
    } else if (text.startsWith("\t")) {
      // RFC 5545 also allows HTAB; our files fold with a space, as the brief for them says.
      problems.push(`line ${i + 1} is a continuation starting with a tab, not a space`);
      if (unfolded.length) unfolded[unfolded.length - 1] += text.slice(1);
    } else if (/^[A-Za-z0-9-]+[;:]/.test(text)) {
      unfolded.push(text);
    } else {
      problems.push(`line ${i + 1} is neither a content line nor a continuation starting with a space: «${text.slice(0, 30)}»`);
    }
  });

  // Content lines into components.
  const root: Block = { name: "", lines: [], children: [] };
  const stack = [root];
  for (const raw of unfolded) {
    const m = CONTENT_LINE.exec(raw);
    if (!m) {
      problems.push(`not a content line: «${raw.slice(0, 40)}»`);
      continue;
    }
    const params: Record<string, string> = {};
    for (const p of m[2].match(/;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*/g) ?? []) {
      const [k, ...v] = p.slice(1).split("=");
      params[k.toUpperCase()] = v.join("=");
    }
    const line = { name: m[1].toUpperCase(), params, value: m[3] };
    if (line.name === "BEGIN") {
      const block = { name: line.value.toUpperCase(), lines: [], children: [] };
      stack.at(-1)!.children.push(block);
      stack.push(block);
    } else if (line.name === "END") {
      if (stack.length < 2 || stack.at(-1)!.name !== line.value.toUpperCase()) problems.push(`END:${line.value} does not close ${stack.at(-1)!.name || "anything"}`);
      else stack.pop();
    } else {
      stack.at(-1)!.lines.push(line);
    }
  }
  if (stack.length > 1) problems.push(`${stack.at(-1)!.name} is not closed`);
  const calendar = root.children.find((b) => b.name === "VCALENDAR");
  if (!calendar) return [...problems, "no VCALENDAR"];

  const walk = (b: Block): Block[] => [b, ...b.children.flatMap(walk)];
  const events = calendar.children.filter((b) => b.name === "VEVENT");
  const timezones = new Set(calendar.children.filter((b) => b.name === "VTIMEZONE").map((b) => b.lines.find((l) => l.name === "TZID")?.value));

  for (const block of walk(calendar)) {
    for (const l of block.lines) {
      // §3.3.6: the form of a duration.
      if ((DURATION_PROPERTIES.has(l.name) || l.params.VALUE === "DURATION") && !DUR_VALUE.test(l.value)) problems.push(`${l.name}:${l.value} is not an RFC 5545 duration`);
      // §3.3.11: TEXT escapes.
      if (SINGLE_TEXT.has(l.name)) {
        const unescaped = l.value.replace(/\\[\\;,nN]/g, "");
        if (/\\/.test(unescaped)) problems.push(`${l.name} has a backslash that escapes nothing: «${l.value.slice(0, 40)}»`);
        if (/[;,]/.test(unescaped)) problems.push(`${l.name} has an unescaped , or ;: «${l.value.slice(0, 40)}»`);
      }
      // §3.2.19: a TZID names a VTIMEZONE of the file.
      if (l.params.TZID !== undefined && !timezones.has(l.params.TZID)) problems.push(`${l.name} refers to TZID=${l.params.TZID}, which has no VTIMEZONE in the file`);
    }
  }

  // RFC 5546 §1.4, §3.2.1: METHOD makes the file an iTIP message, and PUBLISH (like every method) needs an ORGANIZER.
  if (calendar.lines.some((l) => l.name === "METHOD")) {
    for (const e of events) if (!e.lines.some((l) => l.name === "ORGANIZER")) problems.push(`METHOD without ORGANIZER in the event ${e.lines.find((l) => l.name === "UID")?.value ?? "(no UID)"}`);
  }

  for (const e of events) {
    const uid = e.lines.find((l) => l.name === "UID")?.value ?? "(no UID)";
    const count = (name: string) => e.lines.filter((l) => l.name === name).length;
    for (const name of ["UID", "DTSTAMP", "DTSTART"]) if (count(name) !== 1) problems.push(`event ${uid} has ${count(name)} ${name}; must have exactly one`);
    const stamp = e.lines.find((l) => l.name === "DTSTAMP");
    if (stamp && !/^\d{8}T\d{6}Z$/.test(stamp.value)) problems.push(`event ${uid}: DTSTAMP ${stamp.value} is not a UTC date-time`);
    if (count("DTEND") && count("DURATION")) problems.push(`event ${uid} has both DTEND and DURATION`);
    const start = e.lines.find((l) => l.name === "DTSTART");
    const end = e.lines.find((l) => l.name === "DTEND");
    if (start && end) {
      // §3.8.2.2: DTEND has DTSTART's value type, and is later.
      const form = (l: ContentLine) => (/^\d{8}$/.test(l.value) ? "DATE" : /^\d{8}T\d{6}Z?$/.test(l.value) ? "DATE-TIME" : "?");
      if (form(start) === "?" || form(end) === "?") problems.push(`event ${uid}: DTSTART or DTEND is not a date or date-time`);
      else if (form(start) !== form(end) || (start.params.TZID ?? "") !== (end.params.TZID ?? "") || start.value.endsWith("Z") !== end.value.endsWith("Z")) problems.push(`event ${uid}: DTEND is not of DTSTART's type and time zone`);
      else if (end.value <= start.value) problems.push(`event ${uid}: DTEND ${end.value} is not after DTSTART ${start.value}`);
      if ((form(start) === "DATE") !== (start.params.VALUE === "DATE")) problems.push(`event ${uid}: a date DTSTART needs VALUE=DATE`);
    }
  }
  return problems;
}

/** Each dated step of the cycle as a calendar program shows it (ical.js): a timed event where the content gives a time, else a whole day. */
function timeProblems(ics: string, expected: ReturnType<typeof cycleOf>): string[] {
  const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const problems: string[] = [];
  for (const e of expected) {
    const summary = `${EVENT_KIND_NB[e.kind]}: ${e.title}`;
    const event = vevents.find((v) => v.summary === summary && v.startDate.toString().startsWith(e.date));
    if (!event) {
      problems.push(`no event «${summary}» on ${e.date}`);
      continue;
    }
    const at = (t: ICAL.Time) => `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
    if (!e.time) {
      if (!event.startDate.isDate || !event.endDate.isDate) problems.push(`«${summary}» has no time in the content but is not a whole-day event`);
      continue;
    }
    if (event.startDate.isDate) problems.push(`«${summary}» is given at ${e.time.start} in the content but written as a whole-day event`);
    else {
      const zone = event.component.getFirstProperty("dtstart")!.getParameter("tzid");
      if (at(event.startDate) !== e.time.start || zone !== "Europe/Oslo") problems.push(`«${summary}» starts at ${at(event.startDate)} (${String(zone)}), not ${e.time.start} Europe/Oslo`);
      if (e.time.end && (event.endDate.isDate || at(event.endDate) !== e.time.end)) problems.push(`«${summary}» ends at ${at(event.endDate)}, not ${e.time.end}`);
    }
  }
  return problems;
}

/** The UTC instant of a local time in Norway, by the tz database Node carries (independent of our VTIMEZONE). */
function osloToUtc(date: string, time: string): number {
  const local = Date.parse(`${date}T${time}:00Z`);
  const offset = (ms: number) => {
    const name = new Intl.DateTimeFormat("en", { timeZone: "Europe/Oslo", timeZoneName: "longOffset" }).formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")!.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  return local - offset(local - offset(local));
}

describe("iCalendar (RFC 5545)", () => {
  const calendars = () => cycleYears(registry).map((year) => ({ year, ics: cycleToICalendar(registry, year, SITE) }));

  it("writes every calendar of the bundled content so that ical.js reads every event", () => {
    expect(calendars().map((c) => c.year)).toEqual([2008, 2009, 2012, 2013, 2022, 2023]);
    for (const { year, ics } of calendars()) {
      const calendar = new ICAL.Component(ICAL.parse(ics));
      expect(calendar.name).toBe("vcalendar");
      const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      expect(events.length, String(year)).toBe(cycleOf(registry, year).length);
      for (const e of events) {
        expect(e.uid).toMatch(/@kostra-registeret$/);
        expect(e.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
        expect(e.endDate.compare(e.startDate), e.uid).toBe(1);
        expect(e.component.hasProperty("duration")).toBe(false);
      }
    }
  });

  it("passes the RFC 5545 checks, with timed events where the source gives a time", () => {
    for (const { year, ics } of calendars()) {
      expect(icalProblems(ics), String(year)).toEqual([]);
      expect(timeProblems(ics, cycleOf(registry, year)), String(year)).toEqual([]);
      expect(ics).not.toMatch(/^METHOD:/m);
    }
    // The one time of day the sources give: the sosialtjenesten meeting of 27 May 2013, «kl. 10-14».
    expect(cycleOf(registry, 2013).filter((e) => e.time)).toEqual([expect.objectContaining({ date: "2013-05-27", time: { start: "10:00", end: "14:00" } })]);
    const ics = cycleToICalendar(registry, 2013, SITE);
    expect(ics).toContain("DTSTART;TZID=Europe/Oslo:20130527T100000\r\n");
    expect(ics).toContain("DTEND;TZID=Europe/Oslo:20130527T140000\r\n");
  });

  it("takes a time of day only in the form HH:MM, ending after it starts", () => {
    const event = (time: unknown) => CalendarEvent.safeParse({ date: "2013-05-27", time, kind: "meeting", title: "Møte", source: "seeds/003_84659cdb50d76774.txt — 8" }).success;
    expect(event({ start: "10:00", end: "14:00" })).toBe(true);
    expect(event({ start: "10:00" })).toBe(true);
    for (const bad of [{ start: "14:00", end: "10:00" }, { start: "10:00", end: "10:00" }, { start: "10" }, { start: "24:00" }, { start: "9:00" }, { end: "14:00" }, { start: "10:00", zone: "UTC" }]) expect(event(bad), JSON.stringify(bad)).toBe(false);
  });

  it("puts a timed event at the right instant by its own VTIMEZONE, as the tz database has it", () => {
    const calendar = new ICAL.Component(ICAL.parse(cycleToICalendar(registry, 2013, SITE)));
    for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    try {
      const meeting = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)).find((e) => !e.startDate.isDate)!;
      expect(meeting.startDate.toJSDate().toISOString()).toBe("2013-05-27T08:00:00.000Z");
      expect(meeting.startDate.toUnixTime() * 1000).toBe(osloToUtc("2013-05-27", "10:00"));
      expect(meeting.endDate.toUnixTime() * 1000).toBe(osloToUtc("2013-05-27", "14:00"));
      // Winter time, and either side of the 1996 change of the end of summer time.
      for (const [date, time] of [["2013-01-15", "10:00"], ["1995-10-15", "12:00"], ["1996-10-15", "12:00"], ["2030-03-31", "12:00"]]) {
        const one = writeICalendar({ prodId: "-//test//NO", name: "t", stamp: "20000101T000000Z", events: [{ uid: "x", date, time: { start: time }, summary: "x" }] });
        const event = new ICAL.Event(new ICAL.Component(ICAL.parse(one)).getFirstSubcomponent("vevent")!);
        expect(event.startDate.toUnixTime() * 1000, date).toBe(osloToUtc(date, time));
      }
    } finally {
      ICAL.TimezoneService.remove("Europe/Oslo");
    }
  });

  it("is the same bytes every time, with a fixed DTSTAMP and stable UIDs", () => {
    const ics = cycleToICalendar(registry, 2022, SITE);
    expect(cycleToICalendar(registry, 2022, SITE)).toBe(ics);
    expect(ics.match(/^DTSTAMP:[^\r]*/gm)).toEqual(Array(3).fill("DTSTAMP:20220101T000000Z"));
    // The UIDs the ics package wrote, kept so that subscribers do not see every event twice.
    expect(ics.replace(/\r\n /g, "")).toContain("\r\nUID:2023-02-15-reporting-deadline-frist-for-innrapportering-av-filuttrekk-@kostra-registeret\r\n");
  });

  it("escapes TEXT and folds at 75 octets so that ical.js reads back exactly what was written", () => {
    const summary = 'Frist; «kl. 10, 12» \\ sti C:\\mappe\nny linje\r\nog CRLF, ' + "æøå".repeat(40) + " 😀".repeat(30);
    const ics = writeICalendar({ prodId: "-//test//NO", name: "Kalender, prøve; 1", stamp: "20000101T000000Z", events: [{ uid: "u,1;2@x", date: "2024-02-28", summary, description: summary, categories: ["A, B", "C"] }] });
    expect(icalProblems(ics)).toEqual([]);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    const expected = summary.replace(/\r\n/g, "\n");
    expect(event.summary).toBe(expected);
    expect(event.description).toBe(expected);
    expect(event.uid).toBe("u,1;2@x");
    // ical.js leaves properties it does not know (NAME, X-WR-CALNAME) as written: they are TEXT, escaped.
    expect(ics).toContain("\r\nX-WR-CALNAME:Kalender\\, prøve\\; 1\r\n");
    expect(event.component.getFirstProperty("categories")!.getValues()).toEqual(["A, B", "C"]);
    expect(event.endDate.toString()).toBe("2024-02-29");
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    for (const line of ["ø".repeat(100), "a" + "😀".repeat(40), "x".repeat(200)]) {
      const folded = foldLine(line);
      for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, "")).toBe(line);
    }
    expect(foldLine("y".repeat(75))).toBe("y".repeat(75));
  });

  describe("each check fails a calendar that breaks its rule", () => {
    const good = () => cycleToICalendar(registry, 2013, SITE);

    it("passes the unbroken calendar, which has folded lines and a timed event", () => {
      expect(good()).toMatch(/\r\n [^\r]/);
      expect(icalProblems(good())).toEqual([]);
    });

    it("fails a line longer than 75 octets, also one of 75 characters or fewer", () => {
      expect(icalProblems(good().replace(/\r\n /g, ""))).toContainEqual(expect.stringMatching(/octets long \(at most 75\)$/));
      // Folded at 75 characters, as the ics package did: «ø» is two octets.
      const byCharacters = good().replace("END:VCALENDAR", `X-NOTE:${"ø".repeat(60)}\r\nEND:VCALENDAR`);
      expect(icalProblems(byCharacters)).toContainEqual(expect.stringMatching(/is 127 octets long/));
    });

    it("fails line breaks other than CRLF", () => {
      expect(icalProblems(good().replace(/\r\n/g, "\n"))).toContainEqual(expect.stringMatching(/bare LF/));
      expect(icalProblems(good().replace("VERSION:2.0\r\n", "VERSION:2.0\n"))).toContainEqual(expect.stringMatching(/bare LF/));
      expect(icalProblems(good().replace("VERSION:2.0\r\n", "VERSION:2.0\r"))).toContainEqual(expect.stringMatching(/bare CR/));
      expect(icalProblems(good().slice(0, -2))).toContain("the last line does not end in CRLF");
    });

    it("fails a continuation line that does not start with a space, or that splits a character", () => {
      expect(icalProblems(good().replace(/\r\n /g, "\r\n\t"))).toContainEqual(expect.stringMatching(/continuation starting with a tab/));
      expect(icalProblems(good().replace(/\r\n (?=\S)/, "\r\n"))).toContainEqual(expect.stringMatching(/neither a content line nor a continuation/));
      const split = Buffer.concat([Buffer.from(`BEGIN:VCALENDAR\r\nX-NOTE:${"a".repeat(67)}`), Buffer.from("ø").subarray(0, 1), Buffer.from("\r\n "), Buffer.from("ø").subarray(1), Buffer.from("\r\nEND:VCALENDAR\r\n")]);
      expect(icalProblems(split)).toContainEqual(expect.stringMatching(/not valid UTF-8 on its own/));
    });

    it("fails a DURATION of the invalid form P1DT, and knows the valid forms", () => {
      const withDuration = (d: string) => good().replace("DTEND;VALUE=DATE:20130302\r\n", `DURATION:${d}\r\n`);
      expect(icalProblems(withDuration("P1DT"))).toContain("DURATION:P1DT is not an RFC 5545 duration");
      expect(icalProblems(withDuration("P1D"))).toEqual([]);
      for (const valid of ["P1D", "PT1H", "P1DT2H", "PT1H30M", "PT15M", "PT30S", "P2W", "-PT15M", "+P1D", "P1DT1H1M1S"]) expect(DUR_VALUE.test(valid), valid).toBe(true);
      for (const invalid of ["P1DT", "P", "PT", "P1H", "P1W2D", "PT1H1S", "1D", "P1.5D", "P1Y"]) expect(DUR_VALUE.test(invalid), invalid).toBe(false);
      expect(icalProblems(good().replace("X-PUBLISHED-TTL:PT1H", "X-PUBLISHED-TTL:P1DT"))).toContain("X-PUBLISHED-TTL:P1DT is not an RFC 5545 duration");
    });

    it("fails DTEND not after DTSTART", () => {
      expect(icalProblems(good().replace("DTEND;VALUE=DATE:20130302", "DTEND;VALUE=DATE:20130301"))).toContainEqual(expect.stringMatching(/DTEND 20130301 is not after DTSTART 20130301/));
      expect(icalProblems(good().replace("DTEND;TZID=Europe/Oslo:20130527T140000", "DTEND;TZID=Europe/Oslo:20130527T090000"))).toContainEqual(expect.stringMatching(/is not after DTSTART/));
      expect(icalProblems(good().replace("DTEND;VALUE=DATE:20130302", "DTEND:20130302T000000"))).toContainEqual(expect.stringMatching(/not of DTSTART's type/));
    });

    it("fails an event without UID or DTSTAMP", () => {
      expect(icalProblems(good().replace(/UID:2013-04-22[^\r]*\r\n/, ""))).toContainEqual("event (no UID) has 0 UID; must have exactly one");
      expect(icalProblems(good().replace("DTSTAMP:20130101T000000Z\r\n", ""))).toContainEqual(expect.stringMatching(/has 0 DTSTAMP/));
      expect(icalProblems(good().replace("DTSTAMP:20130101T000000Z\r\n", "DTSTAMP:20130101T000000\r\n"))).toContainEqual(expect.stringMatching(/is not a UTC date-time/));
    });

    it("fails METHOD without ORGANIZER, and passes it with one in every event", () => {
      const withMethod = good().replace("VERSION:2.0\r\n", "VERSION:2.0\r\nMETHOD:PUBLISH\r\n");
      expect(icalProblems(withMethod)).toContainEqual(expect.stringMatching(/^METHOD without ORGANIZER/));
      expect(icalProblems(withMethod.replace(/BEGIN:VEVENT\r\n/g, "BEGIN:VEVENT\r\nORGANIZER:mailto:kalender@example.org\r\n"))).toEqual([]);
    });

    it("fails a TZID without its VTIMEZONE, and unescaped TEXT", () => {
      expect(icalProblems(good().replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, ""))).toContainEqual(expect.stringMatching(/TZID=Europe\/Oslo, which has no VTIMEZONE/));
      expect(icalProblems(good().replace("sosialtjenesten\\, kl. 10-14", "sosialtjenesten, kl. 10-14"))).toContainEqual(expect.stringMatching(/^SUMMARY has an unescaped , or ;/));
      expect(icalProblems(good().replace("sosialtjenesten\\, kl. 10-14", "sosialtjenesten\\x kl. 10-14"))).toContainEqual(expect.stringMatching(/backslash that escapes nothing/));
    });

    it("fails a meeting with a time in its source written as a whole-day event", () => {
      const allDay = good().replace("DTSTART;TZID=Europe/Oslo:20130527T100000", "DTSTART;VALUE=DATE:20130527").replace("DTEND;TZID=Europe/Oslo:20130527T140000", "DTEND;VALUE=DATE:20130528");
      expect(icalProblems(allDay)).toEqual([]);
      expect(timeProblems(allDay, cycleOf(registry, 2013))).toEqual(["«Møte: Møte i arbeidsgruppen for sosialtjenesten, kl. 10-14» is given at 10:00 in the content but written as a whole-day event"]);
      const wrongHour = good().replace("DTSTART;TZID=Europe/Oslo:20130527T100000", "DTSTART;TZID=Europe/Oslo:20130527T110000");
      expect(timeProblems(wrongHour, cycleOf(registry, 2013))).toContainEqual(expect.stringMatching(/starts at 11:00/));
    });

    it("fails what the ics package wrote", () => {
      // One event of /kalender/2013.ics as the ics package wrote it before this writer.
      const old = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "PRODID:kostra-registeret/kalender", "METHOD:PUBLISH", "X-WR-CALNAME:KOSTRA rapporteringsår 2013", "X-PUBLISHED-TTL:PT1H",
        "BEGIN:VEVENT", "UID:2013-03-01-proposal-deadline-nsker-om-st-rre-endringer-i-skjema-melde@k", "\tostra-registeret",
        "SUMMARY:Frist for endringsforslag: Ønsker om større endringer i skjema meld", "\tes SSB",
        "DTSTAMP:20130101T000000Z", "DTSTART;VALUE=DATE:20130301", "DESCRIPTION:KOSTRA arbeidsgruppe for sosialtjenesten", "CATEGORIES:Frist for endringsforslag", "DURATION:P1DT", "END:VEVENT", "END:VCALENDAR", "",
      ].join("\r\n");
      const problems = icalProblems(old);
      expect(problems).toContainEqual(expect.stringMatching(/^line 11 is 77 octets long/));
      expect(problems).toContain("DURATION:P1DT is not an RFC 5545 duration");
      expect(problems).toContainEqual(expect.stringMatching(/^METHOD without ORGANIZER/));
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The calendars in index.json, with one maker of their bytes

describe("calendars in index.json", () => {
  it("lists each /kalender/<year>.ics as format icalendar with the SHA-256 of the bytes the site serves", async () => {
    const listed = index.resources.filter((r) => r.kind === "calendar");
    expect(listed.map((r) => r.id)).toEqual(cycleYears(registry).map(String));
    // As in `kostra build`, whose page phase loads the content it validated a moment ago without checking it again.
    process.env.KOSTRA_VALIDATED = resolveContentRoot();
    const { GET } = await import("../src/pages/kalender/[year].ics.ts");
    for (const r of listed) {
      const year = Number(r.id);
      expect(r.files).toEqual([{ url: `/kalender/${year}.ics`, format: "icalendar", sha256: sha256(cycleToICalendar(registry, year, SITE)), year }]);
      // The page makes the same bytes (the site's default address here, as in the export step).
      const response = await GET({ props: { year } } as unknown as Parameters<typeof GET>[0]);
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(sha256(await response.text()), String(year)).toBe(r.files[0].sha256);
    }
  });
});
