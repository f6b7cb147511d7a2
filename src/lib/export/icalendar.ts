/**
 * A small iCalendar (RFC 5545) writer for the registry's calendars: only what they need, each rule
 * of the standard that a consumer trips over written out here rather than left to a package.
 *
 * - content lines end in CRLF and are folded at 75 octets (not characters), never inside a UTF-8
 *   sequence; a continuation line starts with one space (§3.1);
 * - TEXT values escape `\`, `;`, `,` and line breaks (§3.3.11);
 * - an all-day event is `DTSTART;VALUE=DATE` and `DTEND;VALUE=DATE` of the next day (§3.6.1), never
 *   a DURATION; a timed event is local time in Europe/Oslo (`TZID=Europe/Oslo`), with the
 *   VTIMEZONE that defines it (§3.6.5);
 * - DTSTAMP is given by the caller: no clock, so the same content gives the same bytes.
 *
 * There is no METHOD: the file is a calendar to subscribe to or import, not an iTIP message
 * (RFC 5546), and METHOD:PUBLISH would require an ORGANIZER address that the sources do not give.
 */

/** A time of day, `HH:MM`, 24-hour clock. */
type TimeOfDay = string;

export interface ICalEvent {
  /** Stable across builds and content edits that do not change what the event is. */
  uid: string;
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** Local times in Europe/Oslo; without it the event lasts the whole day. An event without `end` is a point in time. */
  time?: { start: TimeOfDay; end?: TimeOfDay };
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
}

export interface ICalendar {
  /** PRODID (§3.7.3). */
  prodId: string;
  /** Shown by calendar programs as the calendar's name: NAME (RFC 7986) and X-WR-CALNAME. */
  name: string;
  /** DTSTAMP of every event, in UTC (`YYYYMMDDTHHMMSSZ`): fixed by the caller, never the clock. */
  stamp: string;
  events: ICalEvent[];
}

export const TIME_ZONE = "Europe/Oslo";

/**
 * Europe/Oslo as the tz database gives it since 1981: CET, and CEST from the last Sunday of March
 * to the last Sunday of September (1981–1995) or October (since 1996), switching at 01:00 UTC.
 * Earlier years had other rules, so a timed event before 1981 is refused.
 */
const OSLO_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19810329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19810927T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19950924T010000Z",
  "END:STANDARD",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19961027T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];
const FIRST_TIMED_YEAR = 1981;

/** Control characters TEXT cannot hold (§3.3.11: everything but HTAB below U+0020, and DEL): written as U+FFFD. */
const NOT_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** A TEXT value (§3.3.11): `\` `;` `,` escaped, every line break (CRLF, LF or CR) as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(NOT_TEXT, "\uFFFD")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/**
 * A content line folded so that no line is longer than 75 octets of UTF-8 (§3.1): each
 * continuation line starts with a space, which counts towards its 75. Whole code points move to
 * the next line, so a multi-octet character (æ, ø, å: two octets each) is never split.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= 75) return line;
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > 75) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const basicDate = (date: string) => {
  if (!DATE.test(date)) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  return date.replace(/-/g, "");
};
const basicTime = (time: string) => {
  if (!TIME.test(time)) throw new Error(`not a time of day (HH:MM): ${time}`);
  return `${time.replace(":", "")}00`;
};
const nextDay = (date: string) => {
  const [, y, m, d] = DATE.exec(date)!.map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

function eventLines(e: ICalEvent, stamp: string): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`];
  if (e.time) {
    if (Number(e.date.slice(0, 4)) < FIRST_TIMED_YEAR) throw new Error(`the ${TIME_ZONE} time zone is written for ${FIRST_TIMED_YEAR} onwards; ${e.uid} is on ${e.date}`);
    const day = basicDate(e.date);
    lines.push(`DTSTART;TZID=${TIME_ZONE}:${day}T${basicTime(e.time.start)}`);
    if (e.time.end !== undefined) {
      const end = basicTime(e.time.end);
      if (e.time.end <= e.time.start) throw new Error(`${e.uid} ends (${e.time.end}) before it starts (${e.time.start})`);
      lines.push(`DTEND;TZID=${TIME_ZONE}:${day}T${end}`);
    }
  } else {
    lines.push(`DTSTART;VALUE=DATE:${basicDate(e.date)}`, `DTEND;VALUE=DATE:${basicDate(nextDay(e.date))}`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  // A URI value, not TEXT: written as the URL parser gives it (no line breaks, nothing to escape).
  if (e.url) lines.push(`URL:${new URL(e.url).href}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(",")}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The calendar as an iCalendar object: CRLF lines, folded, the time zone included when an event has a time. */
export function writeICalendar(calendar: ICalendar): string {
  if (!/^\d{8}T\d{6}Z$/.test(calendar.stamp)) throw new Error(`DTSTAMP must be UTC (YYYYMMDDTHHMMSSZ): ${calendar.stamp}`);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(calendar.prodId)}`,
    "CALSCALE:GREGORIAN",
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    // How often subscribers fetch it again (Outlook and others read this; RFC 7986's REFRESH-INTERVAL is less known).
    "X-PUBLISHED-TTL:PT1H",
    ...(calendar.events.some((e) => e.time) ? OSLO_VTIMEZONE : []),
    ...calendar.events.flatMap((e) => eventLines(e, calendar.stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
