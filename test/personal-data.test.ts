import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { formatFinding, publicFinding } from "../src/lib/guard/print-finding.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { isBankAccount, isNationalId } from "../src/lib/guard/national-id.ts";
import { findNationalIds } from "../src/lib/guard/find-national-ids.ts";
import { redactNationalIds } from "../src/lib/guard/redact.ts";
import { passRedacted } from "../src/lib/build/step-output.ts";
import { PassThrough } from "node:stream";
import { fixtureWith, REPO, tempDir } from "./helpers.ts";
import { makeNationalId } from "./national-ids.ts";

const kostra = (args: string[]) => spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });

const NUMBERS = {
  fødselsnummer: makeNationalId("150385"),
  "D-number": makeNationalId("550385"),
  "H-number": makeNationalId("154385"),
  "2032 format, remainder 1": makeNationalId("150385", 1),
  "2032 format, remainder 3": makeNationalId("010190", 3),
};

/** Ways a number is written by mistake or on purpose; each gives text to put in an MDX body. */
const SPELLINGS: Record<string, (id: string) => string> = {
  plain: (id) => id,
  "dots": (id) => `${id.slice(0, 6)}.${id.slice(6)}`,
  hyphen: (id) => `${id.slice(0, 6)}-${id.slice(6)}`,
  "two spaces": (id) => `${id.slice(0, 6)}  ${id.slice(6)}`,
  "no-break space": (id) => `${id.slice(0, 6)}\u00a0${id.slice(6)}`,
  tab: (id) => `${id.slice(0, 6)}\t${id.slice(6)}`,
  "zero-width space": (id) => `${id.slice(0, 6)}\u200b${id.slice(6)}`,
  "4 2 5": (id) => `${id.slice(0, 4)} ${id.slice(4, 6)} ${id.slice(6)}`,
  "a line break": (id) => `${id.slice(0, 6)}\n${id.slice(6)}`,
  emphasis: (id) => `${id.slice(0, 6)}**${id.slice(6)}**`,
  "HTML entity": (id) => `&#${id.charCodeAt(0)};${id.slice(1)}`,
  "hex entity": (id) => `${id.slice(0, 10)}&#x${id.charCodeAt(10).toString(16)};`,
  "percent-encoded in a link": (id) => `[saken](/sok/?q=%${id.charCodeAt(0).toString(16)}${id.slice(1)})`,
  "full-width digits": (id) => [...id].map((c) => String.fromCharCode(0xff10 + Number(c))).join(""),
  "Arabic-Indic digits": (id) => [...id].map((c) => String.fromCharCode(0x0660 + Number(c))).join(""),
  "Devanagari digits": (id) => [...id].map((c) => String.fromCharCode(0x0966 + Number(c))).join(""),
  "a combining grapheme joiner after each digit": (id) => [...id].map((c) => `${c}\u034f`).join(""),
  "a variation selector after each digit": (id) => [...id].map((c) => `${c}\ufe0e`).join(""),
  "an accent after each digit": (id) => [...id].map((c) => `${c}\u0301`).join(""),
  keycaps: (id) => [...id].map((c) => `${c}\ufe0f\u20e3`).join(""),
  "a hyphen, a line break and deep indentation": (id) => `${id.slice(0, 6)}-\n${" ".repeat(20)}${id.slice(6)}`,
  "a link, then the rest (joined when rendered)": (id) => `[${id.slice(0, 6)}](/x)${id.slice(6)}`,
  "emphasis across a nested list item": (id) => `**${id.slice(0, 6)}**\n    - **${id.slice(6)}**`,
};

/** The number must not be in any output, in any spelling: the digits alone, or anything the guard recognises. */
function expectHidden(output: string, id: string) {
  expect(output.replace(/\D/g, "")).not.toContain(id);
  expect(findNationalIds(output)).toEqual([]);
}

/** Validates and returns the findings as the CLI prints them, text and JSON. */
async function validated(dir: string) {
  const result = await validateContent(dir);
  const text = result.findings.map(formatFinding).join("\n");
  const json = JSON.stringify(result.findings.map(publicFinding));
  return { result, text, json, guard: result.findings.filter((f) => f.message.includes("national identity number")) };
}

const append = (file: string, text: string) => writeFileSync(file, readFileSync(file, "utf8") + text);

describe("the numbers the guard knows", () => {
  it("recognises fødselsnummer, D-, H- and 2032-format numbers, and refuses wrong check digits and dates", () => {
    for (const [kind, id] of Object.entries(NUMBERS)) expect(isNationalId(id), kind).toBe(true);
    const id = NUMBERS.fødselsnummer;
    expect(isNationalId(id.slice(0, 10) + String((Number(id[10]) + 1) % 10))).toBe(false);
    // Remainder 4 and above is no valid first check digit in either format.
    expect(isNationalId(makeNationalId("150385", 4))).toBe(false);
    expect(isNationalId(makeNationalId("320385"))).toBe(false); // no 32nd day
    expect(isNationalId(makeNationalId("151385"))).toBe(false); // no 13th month
  });

  it("raises no false alarm on codes, table numbers, organisation numbers, dates, lists of years or hashes", () => {
    for (const text of ["12238 13939 12275", "958935420", "2023-01-01 31.12.2023", "1.1.1 2.99 050", "12345678901", "00000000000", "01010100100", "2019, 2020, 2021, 2022", "tabell 12275/13939"]) expect(findNationalIds(text), text).toEqual([]);
  });
});

describe("every spelling of a number in an MDX body fails validation without showing the number", () => {
  for (const [spelling, write] of Object.entries(SPELLINGS)) {
    it(spelling, async () => {
      const dir = fixtureWith();
      const id = NUMBERS.fødselsnummer;
      append(join(dir, "content/meetings/m1.mdx"), `\nSaken gjaldt ${write(id)}.\n`);
      const { guard, text, json } = await validated(dir);
      expect(guard).toEqual([expect.objectContaining({ file: "content/meetings/m1.mdx", line: 15, severity: "error" })]);
      expectHidden(text + json, id);
    });
  }
});

describe("numbers in values, keys, names and ids", () => {
  const id = NUMBERS["2032 format, remainder 1"];
  const cases: Record<string, (dir: string) => void> = {
    "a YAML escape in a value": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('"Rød"', `"Rød ${id.slice(0, 10)}\\x3${id[10]}"`)),
    "a YAML unicode escape in a value": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('"Rød"', `"\\u003${id[0]}${id.slice(1)}"`)),
    "a folded YAML line": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('name: { nb: "Rød" }', `name:\n      nb: >-\n        Rød ${id.slice(0, 6)}\n        ${id.slice(6)}`)),
    "a folded YAML line, deeply indented": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('name: { nb: "Rød" }', `name:\n${" ".repeat(40)}nb: >-\n${" ".repeat(42)}Rød ${id.slice(0, 6)}\n${" ".repeat(42)}${id.slice(6)}`)),
    "a YAML hexadecimal number": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('code: "1"', `code: 0x${Number(id).toString(16)}`)),
    "a YAML number with an exponent": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('code: "1"', `code: ${id.slice(0, 9)}.${id.slice(9)}e2`)),
    "a YAML binary number": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('code: "1"', `code: 0b${Number(id).toString(2)}`)),
    "a YAML number with leading zeros": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('code: "1"', `code: 00${id}`)),
    "a binary KLASS number (it becomes a folder of the KLASS API)": (dir) => writeFileSync(join(dir, "codelists/farger/codelist.yaml"), readFileSync(join(dir, "codelists/farger/codelist.yaml"), "utf8") + `klassId: 0b${Number(id).toString(2)}\n`),
    "a folded YAML line after a hyphen, deeply indented": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('name: { nb: "Rød" }', `name:\n      nb: >-\n        Rød ${id.slice(0, 6)}-\n${" ".repeat(20)}${id.slice(6)}`)),
    "an unquoted YAML number": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('code: "1"', `code: ${id}`)),
    "a duplicate code": (dir) => writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('code: "1"', `code: "${id}"`).replace('code: "3"', `code: "${id}"`)),
    "an unknown field (a key)": (dir) => append(join(dir, "content/working-groups/wg.yaml"), `"${id}": x\n`),
    "a value of a file that fails its schema": (dir) => append(join(dir, "content/working-groups/wg.yaml"), `unknown: "${id}"\n`),
    "a value in a list of allowed values (enum)": (dir) => writeFileSync(join(dir, "changes/p1.mdx"), readFileSync(join(dir, "changes/p1.mdx"), "utf8").replace("status: fremmet", `status: "${id}"`)),
    "malformed YAML": (dir) => append(join(dir, "content/working-groups/wg.yaml"), `: : [${id}\n`),
    "a file name and id": (dir) => writeFileSync(join(dir, `changes/${id}.mdx`), readFileSync(join(dir, "changes/p1.mdx"), "utf8").replace(/^id: .*$/m, `id: "${id}"`)),
    "an id that does not match the file name": (dir) => writeFileSync(join(dir, "changes/p1.mdx"), readFileSync(join(dir, "changes/p1.mdx"), "utf8").replace(/^id: .*$/m, `id: "sak-${id}"`)),
    "an unexpected file": (dir) => writeFileSync(join(dir, `changes/sak-${id}.txt`), "notat\n"),
    "a folder name": (dir) => {
      mkdirSync(join(dir, `codelists/${id}`));
      writeFileSync(join(dir, `codelists/${id}/codelist.yaml`), readFileSync(join(dir, "codelists/farger/codelist.yaml"), "utf8"));
    },
  };
  for (const [name, write] of Object.entries(cases)) {
    it(name, async () => {
      const dir = fixtureWith();
      write(dir);
      const { result, guard, text, json } = await validated(dir);
      expect(result.errors).toBeGreaterThan(0);
      expect(guard.length, text).toBeGreaterThan(0);
      expectHidden(text + json, id);
    });
  }

  it("the CLI prints neither the number nor control characters, and the build never starts", () => {
    const dir = fixtureWith();
    writeFileSync(join(dir, `changes/sak-${id}-\u001b[2J.txt`), "notat\n");
    const run = kostra(["validate", "--content", dir]);
    expect(run.status).toBe(1);
    expectHidden(run.stdout + run.stderr, id);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).toContain("[number hidden]-\\u{1b}[2J.txt");
    const json = kostra(["validate", "--content", dir, "--format", "json"]);
    expectHidden(json.stdout + json.stderr, id);
    const out = join(tempDir("site"), "dist");
    const build = kostra(["build", "--content", dir, "--out", out]);
    expect(build.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    expectHidden(build.stdout + build.stderr, id);
  }, 120_000);
});

describe("numbers allowed on the record", () => {
  /** A valid bank account number that the guard takes for a national identity number. */
  const account = NUMBERS["H-number"];

  it("a bank account number the checks mistake for a person's is refused until recorded with a reason", async () => {
    expect(isBankAccount(account)).toBe(true);
    const dir = fixtureWith();
    const written = `${account.slice(0, 4)}.${account.slice(4, 6)}.${account.slice(6)}`;
    append(join(dir, "content/meetings/m1.mdx"), `\nGebyret betales til konto ${written}.\n`);
    expect((await validated(dir)).guard).toHaveLength(1);
    const allowList = join(dir, "content/allowed-numbers.yaml");
    writeFileSync(allowList, `numbers:\n  - number: "${written}"\n    kind: bank-account\n    what: Kontonummeret arbeidsgruppen oppgir for gebyret\n    reason: Et kontonummer til en virksomhet, ikke en persons nummer\n    decision: Kontrollert av sekretariatet\n    date: 2026-11-30\n`);
    const allowed = await validated(dir);
    expect(allowed.result.errors).toBe(0);
    // The record must say why: an entry without a reason allows nothing.
    writeFileSync(allowList, readFileSync(allowList, "utf8").replace(/ {4}reason: .*\n/, ""));
    const unexplained = await validated(dir);
    expect(unexplained.result.findings).toEqual(expect.arrayContaining([expect.objectContaining({ file: "content/allowed-numbers.yaml", message: "missing required field" })]));
    expect(unexplained.guard).toHaveLength(1);
  });
});

describe("clean text", () => {
  const cases: Record<string, string> = { "a control character": "\\x01", "an escape character": "\\e[2J", "a NUL": "\\0", "a lone surrogate": "\\uD800" };
  for (const [name, escape] of Object.entries(cases)) {
    it(`${name} from a YAML escape is a finding at the field`, async () => {
      const dir = fixtureWith();
      writeFileSync(join(dir, "codelists/farger/2022.yaml"), readFileSync(join(dir, "codelists/farger/2022.yaml"), "utf8").replace('"Mørkeblå"', `"Mørke${escape}blå"`));
      const { result } = await validated(dir);
      expect(result.findings).toEqual([expect.objectContaining({ file: "codelists/farger/2022.yaml", line: 10, field: "codes.1.name.nb", message: expect.stringMatching(/holds (the control character|an escape character|a NUL character|a lone surrogate)/) })]);
    });
  }

  it("a control character in an MDX body is a finding at its line and column", async () => {
    const dir = fixtureWith();
    append(join(dir, "content/meetings/m1.mdx"), "\nTekst med \u0007 i.\n");
    const { result } = await validated(dir);
    expect(result.findings).toEqual([expect.objectContaining({ file: "content/meetings/m1.mdx", line: 15, column: 11, message: expect.stringContaining("U+0007") })]);
  });
});

describe("redaction", () => {
  it("hides a number however it is written, and leaves other text alone", () => {
    const id = NUMBERS["D-number"];
    expect(redactNationalIds(`id "${id}" does not match`)).toBe('id "[number hidden]" does not match');
    expect(redactNationalIds(`sak &#${id.charCodeAt(0)};${id.slice(1)} ok`)).toBe("sak [number hidden] ok");
    expect(redactNationalIds("tabell 12275, kode 3.10")).toBe("tabell 12275, kode 3.10");
  });

  it("passes a build step's output on with every number hidden, also one split across chunks", async () => {
    const id = NUMBERS.fødselsnummer;
    const from = new PassThrough();
    const to = new PassThrough();
    let printed = "";
    to.on("data", (d) => (printed += d));
    passRedacted(from, to);
    from.write(`Error: duplicate id "${id.slice(0, 5)}`);
    from.write(`${id.slice(5)}"\n    at render (page.ts:1:1)\nlast line ${id}`);
    from.end();
    await new Promise((done) => setImmediate(done));
    expect(printed).toBe('Error: duplicate id "[number hidden]"\n    at render (page.ts:1:1)\nlast line [number hidden]');
  });

  it("the bundled content raises no alarm", async () => {
    const { guard, result } = await validated(BUNDLED_CONTENT_ROOT);
    expect(guard).toEqual([]);
    expect(result.errors).toBe(0);
  });
});
