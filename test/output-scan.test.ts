/**
 * The last line of defence: before `kostra build` publishes, every file of the built site is read
 * for personal data as its consumers would read it — a page's text as a reader sees it, every part
 * of a spreadsheet, the search index unpacked, every file name — and a hit stops the build.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { fixtureWith, tempDir } from "./helpers.ts";
import { makeNationalId } from "./national-ids.ts";
import { scanStep } from "../src/lib/build/scan-step.ts";
import { ALLOWED_HASHES_FILE, writeAllowedHashes } from "../src/lib/guard/allowed-hashes.ts";
import { exportsStep } from "../src/lib/build/exports-step.ts";
import { writeExports } from "../src/lib/export/write.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import { API_HOLDS_PERSONAL_DATA } from "../src/lib/guard/output-check.ts";
import { readerText } from "../src/lib/guard/reader-text.ts";

const id = makeNationalId("150385");
const [head, tail] = [id.slice(0, 6), id.slice(6)];

/** A built site of the given files, and a staging folder with the allowed numbers' hashes. */
function site(files: Record<string, string | Uint8Array>, allowed: string[] = []) {
  const dist = tempDir("scan-dist");
  const staging = tempDir("scan-staging");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  }
  return { dist, staging, ready: writeAllowedHashes(staging, allowed) };
}

let stderr: string;
beforeEach(() => {
  stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

async function scan(files: Record<string, string | Uint8Array>, allowed: string[] = []): Promise<number> {
  const s = site(files, allowed);
  await s.ready;
  return scanStep(s.dist, s.staging);
}

const CLEAN_PAGE = `<!doctype html><html><body><h1>Tiltak 2023</h1><p>Kode 1.1, 1.2 og 4.5 &amp; tabell 12279; år 2018 2019 2020 2021 2022.</p></body></html>`;

describe("the scan of the built site before it is published", () => {
  it("passes a clean site, and says nothing", async () => {
    expect(await scan({ "index.html": CLEAN_PAGE, "api/v1/codelists/a/2023.json": '{"codes":[{"code":"1.1"}]}' })).toBe(0);
    expect(stderr).toBe("");
  });

  it("reads a SHA-256 checksum as a checksum, not as the number a digit run in it may spell", async () => {
    // At KOSTRA scale the API's 55,000 checksums (index.json, the catalogue) hold such runs by chance.
    const digest = `ab${id}${"c".repeat(64 - 2 - id.length)}`;
    expect(await scan({ "api/v1/index.json": `{"sha256":"${digest}"}`, "api/v1/catalog.ttl": `spdx:checksumValue "${digest}" .` })).toBe(0);
    // The same digits one character longer are no checksum, and are read.
    expect(await scan({ "api/v1/index.json": `{"sha256":"${digest}c"}` })).toBe(1);
  });

  const hostile: Record<string, Record<string, string | Uint8Array>> = {
    "a page whose text joins a link and the text after it": { "moter/m1/index.html": `<p>Saken gjaldt <a href="/x">${head}</a>${tail}.</p>` },
    "a page with emphasis across a line break": { "index.html": `<p><strong>${head}</strong>\n<strong>${tail}</strong></p>` },
    "a JSON export": { "api/v1/codelists/a/2023.json": `{"name":"${head} ${tail}"}` },
    "a spreadsheet's shared strings": { "api/v1/codelists/a/2023.xlsx": zipSync({ "xl/sharedStrings.xml": new TextEncoder().encode(`<sst><si><t>${id}</t></si></sst>`) }) },
    "the search index, packed": { "pagefind/fragment/x.pf_fragment": gzipSync(Buffer.from(`pagefind_dcd{"url":"/x/","content":"Saken","meta":{"title":"Saken ${id}"}}`)) },
    "the search index's words": { "pagefind/index/x.pf_index": gzipSync(Buffer.from(`\u0000${id}\u0001`)) },
    "a folder name": { [`api/klass/v1/classifications/${id}/index.json`]: "{}" },
  };
  for (const [name, files] of Object.entries(hostile)) {
    it(`stops at ${name}, naming the file and never the number`, async () => {
      expect(await scan(files)).toBe(1);
      expect(stderr).toContain("the built site holds something that looks like a national identity number");
      expect(stderr.replace(/\D/g, "")).not.toContain(id);
    });
  }

  it("checks the API as its step writes it: every path it writes, the bytes of every file not a link to one checked, a spreadsheet's parts", async () => {
    const out = tempDir("api-written");
    const { registry } = await loadContent(fixtureWith());
    const told = new Map<string, string | Uint8Array | undefined>();
    const partsTold = new Map<string, readonly { name: string; data: string | Uint8Array }[]>();
    await writeExports(registry, out, "https://kostra-registeret.example", (path, content, parts) => {
      told.set(path, content);
      if (parts) partsTold.set(path, parts);
    });
    const onDisk = (readdirSync(join(out, "api"), { recursive: true, encoding: "utf8" }) as string[]).map((p) => `api/${p}`).filter((p) => statSync(join(out, p)).isFile());
    expect([...told.keys()].sort()).toEqual(onDisk.sort());
    const checked = new Set<bigint>();
    for (const [path, content] of told) if (content !== undefined) {
      expect(Buffer.compare(readFileSync(join(out, path)), Buffer.from(content)), path).toBe(0);
      checked.add(statSync(join(out, path), { bigint: true }).ino);
    }
    // The rest are hard links to files whose bytes were checked.
    for (const [path, content] of told) if (content === undefined) expect(checked.has(statSync(join(out, path), { bigint: true }).ino), path).toBe(true);
    expect([...told.values()].filter((c) => c === undefined).length).toBeGreaterThan(0);
    // A spreadsheet is checked in the parts it was zipped from: unpacked from the file, they are the same, each of them.
    const spreadsheets = [...told].filter(([path, content]) => path.endsWith(".xlsx") && content !== undefined);
    expect(spreadsheets.length).toBeGreaterThan(0);
    expect([...partsTold.keys()].sort()).toEqual(spreadsheets.map(([path]) => path).sort());
    for (const [path, parts] of partsTold) {
      const unpacked = Object.entries(unzipSync(readFileSync(join(out, path)))).map(([name, data]) => [name, Buffer.from(data).toString("utf8")]);
      expect(parts.map(({ name, data }) => [name, typeof data === "string" ? data : Buffer.from(data).toString("utf8")]), path).toEqual(unpacked);
    }
  });

  it("stops the API's step at a number in what it writes (text and spreadsheet alike), naming the files and never the number", async () => {
    // The step loads the content without checks (validation ran before it): as if edited in between.
    const content = fixtureWith();
    const file = join(content, "codelists", "farger", "2022.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Himmelblå", `Himmelblå ${head} ${tail}`));
    const staging = tempDir("api-staging");
    await writeAllowedHashes(staging, []);
    expect(await exportsStep(content, staging)).toBe(API_HOLDS_PERSONAL_DATA);
    expect(stderr).toContain("the built site holds something that looks like a national identity number");
    expect(stderr).toMatch(/api\/v1\/codelists\/farger\/2022\.json: the file/);
    expect(stderr).toMatch(/api\/v1\/codelists\/farger\/2022\.xlsx: spreadsheet part /);
    expect(stderr.replace(/\D/g, "")).not.toContain(id);
    // Allowed on the record, the same content passes.
    stderr = "";
    const allowing = tempDir("api-staging");
    await writeAllowedHashes(allowing, [id]);
    expect(await exportsStep(content, allowing)).toBe(0);
    expect(stderr).toBe("");
  });

  it("stops at the search records the index was made from", async () => {
    const s = site({ "index.html": CLEAN_PAGE });
    await s.ready;
    writeFileSync(join(s.staging, "search-records.jsonl"), `{"url":"/kodelister/a/2023/","title":"Saken ${head} ${tail}"}\n`);
    expect(await scanStep(s.dist, s.staging)).toBe(1);
    expect(stderr).toContain("the search index's records");
  });

  it("reads no number across the cells of a page's text in the search index (the page itself is read with its boundaries)", async () => {
    const fragment = gzipSync(Buffer.from(`pagefind_dcd{"url":"/aar/","content":"${[...Array(40)].map((_, i) => `${2000 + i} ${300 + i} ${i % 7}`).join(" ")}"}`));
    expect(await scan({ "pagefind/fragment/y.pf_fragment": fragment })).toBe(0);
  });

  it("lets a number recorded as not personal through, knowing only its hash", async () => {
    expect(await scan({ "index.html": `<p>Konto ${id}</p>` }, [id])).toBe(0);
    const s = site({}, [id]);
    await s.ready;
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(join(s.staging, ALLOWED_HASHES_FILE), "utf8")).not.toContain(id);
  });

  it("reads a page as a reader does: inline elements run on, block elements part, scripts and comments are gone", () => {
    expect(readerText(`<p>a<a href="/x">1</a>2<em>3</em></p><p>4</p><!-- 5 --><script>6</script>`)).toBe("<a123<<4<||");
  });

  it("finds a page's reader text with one replacement, as the tag-by-tag reading did (which wrote «|» where it now writes «<»)", () => {
    const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"]);
    const tagByTag = (html: string) =>
      html
        .replace(/<!--[\s\S]*?-->/g, "|")
        .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "|")
        .replace(/<\/?([A-Za-z][\w-]*)\b[^>]*>/g, (_, name: string) => (INLINE.has(name.toLowerCase()) ? "" : "|"));
    const pieces = ["<p>", "</p>", '<a href="/x">', "</a>", "<A>", "<SPAN class=x>", "<span-x>", "<a->", "<a-b>", "<b", "<", ">", "-", "</", "<!--", "-->", "<script>", "</script>", "<style x>", "</STYLE >", "<td>", "<wbr/>", "<abbr-->", "1", "23", " ", "\n", "x", "|", "&amp;"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const html = parts.join("");
        const [before, now] = [tagByTag(html), readerText(html)];
        expect(now.length).toBe(before.length);
        for (let i = 0; i < now.length; i++) if (now[i] !== before[i]) expect([before[i], now[i]]).toEqual(["|", "<"]);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads no number across table cells, list items or paragraphs", async () => {
    const cells = `<table><tr><td>${head.slice(0, 3)}</td><td>${head.slice(3)}</td><td>${tail}</td></tr></table><ul><li>${head}</li><li>${tail}</li></ul><p>${head}</p><p>${tail}</p>`;
    expect(await scan({ "arbeidsgrupper/wg/rapport/2021/index.html": cells })).toBe(0);
  });
});
