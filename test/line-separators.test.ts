import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSearchRecords, writeSearchRecords } from "../src/lib/search/records-file.ts";
import type { SearchRecord } from "../src/lib/search/records.ts";
import { buildSite } from "./build-site.ts";
import { fixtureWith, tempDir } from "./helpers.ts";

// U+2028 and U+2029 come with text pasted from word processors and PDFs. JSON leaves them raw, and
// line readers (readline, JavaScript's own line terminators) split on them: a file of JSON lines
// read that way breaks in the middle of a string.
const LS = "\u2028";
const PS = "\u2029";
const label = `Rød${LS}og${PS}hvit`;

describe("labels with LINE SEPARATOR and PARAGRAPH SEPARATOR", () => {
  it("pass through the search records file unchanged, one record per line", async () => {
    const file = join(tempDir("records"), "records.jsonl");
    const records = [
      { url: "/a/", content: label, meta: { title: label }, filters: {} },
      { url: "/b/", content: `${PS}${LS}`, meta: { title: "b" }, filters: {} },
    ] as unknown as SearchRecord[];
    expect(await writeSearchRecords(records, file)).toBe(2);
    // Written escaped, so that no line reader of any kind sees a line end inside a record.
    expect(readFileSync(file, "utf8")).not.toMatch(/[\u2028\u2029]/);
    const read: SearchRecord[] = [];
    for await (const r of readSearchRecords(file)) read.push(r);
    expect(read).toEqual(records);
  });

  it("read a records file that holds them raw (as written before they were escaped)", async () => {
    const file = join(tempDir("records"), "records.jsonl");
    writeFileSync(file, `${JSON.stringify({ url: "/a/", content: label })}\n${JSON.stringify({ url: "/b/", content: "x" })}\n`);
    const read: unknown[] = [];
    for await (const r of readSearchRecords(file)) read.push(r);
    expect(read).toEqual([{ url: "/a/", content: label }, { url: "/b/", content: "x" }]);
  });

  it("validate and build, and the label is on the codelist page and in the JSON export", () => {
    const dir = fixtureWith();
    const version = join(dir, "codelists/farger/2022.yaml");
    writeFileSync(version, readFileSync(version, "utf8").replace('name: { nb: "Rød" }', `name: { nb: ${JSON.stringify(label)} }`));
    expect(readFileSync(version, "utf8")).toContain(label);
    const dist = buildSite(dir);
    const exported = JSON.parse(readFileSync(join(dist, "api/v1/codelists/farger/2022.json"), "utf8"));
    expect(JSON.stringify(exported)).toContain(JSON.stringify(label).slice(1, -1));
    const page = readFileSync(join(dist, "kodelister/farger/2022/index.html"), "utf8");
    expect(page).toMatch(/Rød(?:\u2028|&#x2028;|&#8232;)og(?:\u2029|&#x2029;|&#8233;)hvit/i);
  }, 300_000);
});
