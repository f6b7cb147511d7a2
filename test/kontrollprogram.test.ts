import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
import { formToKontrollprogramYaml } from "../src/lib/export/kontrollprogram.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { importFileDescriptions } from "../src/lib/kontrollprogram/import.ts";
import { checkPlannedFiles } from "../src/lib/validate/planned-files.ts";
import { parseFileDescription } from "../src/lib/kontrollprogram/parse.ts";
import { recordLayoutRows } from "../src/lib/views/form.ts";
import { REFERENCE_FILES, REPO, tempDir } from "./helpers.ts";
import { makeNationalId } from "./national-ids.ts";

const REFERENCE = join(REFERENCE_FILES, "kontrollprogram");
const DESCRIPTIONS = readdirSync(REFERENCE).filter((f) => /^file_description_.*\.yaml$/.test(f)).sort();
const read = (file: string) => readFileSync(join(REFERENCE, file), "utf8");

const kostra = (args: string[]) =>
  spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });

/** A content root holding only the working groups the imported forms name. */
function emptyRoot(): string {
  const root = tempDir("kontrollprogram");
  mkdirSync(join(root, "content", "working-groups"), { recursive: true });
  for (const g of ["familievern", "regnskap"]) cpSync(join(REPO, "content", "working-groups", `${g}.yaml`), join(root, "content", "working-groups", `${g}.yaml`));
  return root;
}

describe("kostra import kontrollprogram → export: SSB's file descriptions round trip", () => {
  let root: string;
  let registry: Registry;
  let familievern: ReturnType<typeof kostra>;
  beforeAll(async () => {
    root = emptyRoot();
    familievern = kostra(["import", "kontrollprogram", "--content", root, "--working-group", "familievern", ...DESCRIPTIONS.filter((f) => f !== "file_description_Regnskap.yaml").map((f) => join(REFERENCE, f))]);
    kostra(["import", "kontrollprogram", "--content", root, "--working-group", "regnskap", join(REFERENCE, "file_description_Regnskap.yaml")]);
    // As in the registry: the accounts' description is of 2025 alone.
    writeFileSync(join(root, "content", "forms", "regnskap", "2025.yaml"), readFileSync(join(root, "content", "forms", "regnskap", "2025.yaml"), "utf8") + "validTo: 2025\n");
    const loaded = await loadContent(root);
    expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
    registry = loaded.registry;
  }, 120_000);

  it("finds the reference files (4 forms × 3 years and Regnskap)", () => {
    expect(DESCRIPTIONS).toHaveLength(13);
  });

  it("prints each file it wrote, citing its source", () => {
    expect(familievern.status).toBe(0);
    expect(familievern.stdout).toContain("kostra import: content/forms/55f/2025.yaml (55F Meklingssaker i familieverntjenesten 2025: 121 fields, 58 codes)");
    expect(familievern.stdout).toContain("kostra import: content/forms/55f/form.yaml");
    expect(readFileSync(join(root, "content", "forms", "55f", "2025.yaml"), "utf8")).toContain('source: "reference/kontrollprogram/file_description_55F_2025.yaml"');
  });

  it.each(DESCRIPTIONS)("%s: the export equals SSB's file byte for byte", (file) => {
    const original = read(file);
    const d = parseFileDescription(original, file).description!;
    const form = registry.forms.get(d.id ? d.id.toLowerCase() : "regnskap")!;
    const exported = formToKontrollprogramYaml(registry, form, d.reportingYear, versionAt(form, d.reportingYear)!.data);
    expect(jsYaml.load(exported)).toEqual(jsYaml.load(original));
    expect(exported).toBe(original);
  });

  it("the registry's content is what the import makes (the editors add notes, validTo, lookups and controls)", () => {
    const importedKeys = (v: Record<string, unknown>) => ({ title: v.title, description: v.description, records: v.records });
    const load = (base: string, id: string, f: string) => jsYaml.load(readFileSync(join(base, "content", "forms", id, f), "utf8")) as Record<string, unknown>;
    for (const id of ["52af", "52bf", "53f", "55f", "regnskap"]) {
      const form = (base: string) => readFileSync(join(base, "content", "forms", id, "form.yaml"), "utf8");
      if (id !== "regnskap") expect(form(REPO), `${id}/form.yaml`).toBe(form(root));
      for (const f of readdirSync(join(REPO, "content", "forms", id)).filter((f) => f !== "form.yaml")) {
        const [ours, imported] = [load(REPO, id, f), load(root, id, f)];
        expect(importedKeys(ours), `${id}/${f}`).toEqual(importedKeys(imported));
        expect([ours.source].flat()[0], `${id}/${f}`).toBe(imported.source);
      }
    }
    expect(load(REPO, "regnskap", "2025.yaml").validTo).toBe(2025);
  });

  it("the API lists and serves every year of every fixed-width extract as forms/<id>/<year>.kontrollprogram.yaml", () => {
    const files = new Map<string, string>();
    let index = "";
    for (const f of exportFiles(registry, "https://kostra-registeret.example")) {
      if (f.path.endsWith(".kontrollprogram.yaml")) files.set(f.path, String(f.content));
      if (f.path === "index.json") index = String(f.content);
    }
    expect([...files.keys()].sort()).toEqual(
      ["52af", "52bf", "53f", "55f"].flatMap((id) => [2024, 2025, 2026].map((y) => `forms/${id}/${y}.kontrollprogram.yaml`)).concat("forms/regnskap/2025.kontrollprogram.yaml").sort(),
    );
    expect(files.get("forms/55f/2026.kontrollprogram.yaml")).toBe(read("file_description_55F_2026.yaml"));
    const listed = (JSON.parse(index) as { resources: { kind: string; id: string; files: { url: string; format: string }[] }[] }).resources.find((r) => r.kind === "form" && r.id === "55f")!.files;
    expect(listed).toContainEqual(expect.objectContaining({ url: "/api/v1/forms/55f/2025.kontrollprogram.yaml", format: "kontrollprogram-yaml" }));
  });
});

describe("kostra import kontrollprogram: what it refuses and what it keeps", () => {
  it("reports bad input with file:line:column and writes nothing", () => {
    const root = emptyRoot();
    const bad = join(tempDir("bad"), "file_description_X_2025.yaml");
    writeFileSync(bad, read("file_description_53F_2025.yaml").replace('  size: 2\n  dataType: "STRING_TYPE"', '  size: 2\n  dataType: "TEXT_TYPE"'));
    const run = kostra(["import", "kontrollprogram", "--content", root, "--working-group", "familievern", bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/file_description_X_2025\.yaml:\d+:\d+: error: fields\.0\.dataType: /);
    expect(run.stderr).toContain("nothing written");
    expect(existsSync(join(root, "content", "forms"))).toBe(false);
  });

  it("refuses a description holding a national identity number, never printing it, and writes nothing", () => {
    // A fødselsnummer with valid check digits, made here (as in test/personal-data.test.ts) so that none is committed.
    const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const sum = (d: number[], w: number[]) => d.reduce((s, x, i) => s + x * w[i], 0);
    let id = "";
    for (let n = 123; !id; n++) {
      const d = [...`150385${n}`].map(Number);
      const k1 = (11 - (sum(d, W1) % 11)) % 11;
      const k2 = (11 - (sum([...d, k1], W2) % 11)) % 11;
      if (k1 <= 9 && k2 <= 9) id = [...d, k1, k2].join("");
    }
    const root = emptyRoot();
    const file = join(tempDir("pii"), "file_description_53F_2025.yaml");
    writeFileSync(file, read("file_description_53F_2025.yaml").replace('description: "Fylkesnummer"', `description: "Fylkesnummer ${id}"`));
    const run = kostra(["import", "kontrollprogram", "--content", root, "--working-group", "familievern", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/file_description_53F_2025\.yaml:\d+:\d+: error: something that looks like a national identity number/);
    expect(run.stdout + run.stderr).not.toContain(id);
    expect(existsSync(join(root, "content", "forms"))).toBe(false);
  });

  it("needs --working-group for a new form", async () => {
    const result = await importFileDescriptions(emptyRoot(), [join(REFERENCE, "file_description_53F_2025.yaml")], { check: checkPlannedFiles });
    expect(result.written).toEqual([]);
    expect(result.findings[0].message).toContain("the form 53f is new");
  });

  it("writes no file for a year that is as the version in force before it", async () => {
    const root = emptyRoot();
    const dir = tempDir("same");
    const again = join(dir, "file_description_53F_2025.yaml");
    // 2025 as 2024 in everything the version holds (2024's description text).
    writeFileSync(again, read("file_description_53F_2024.yaml").replace("reportingYear: 2024", "reportingYear: 2025"));
    const result = await importFileDescriptions(root, [join(REFERENCE, "file_description_53F_2024.yaml"), again], { workingGroup: "familievern", check: checkPlannedFiles });
    expect(result.findings).toEqual([]);
    expect(result.written).toContain("content/forms/53f/2025.yaml: not written, 2025 is as the version in force before it");
    expect(existsSync(join(root, "content", "forms", "53f", "2025.yaml"))).toBe(false);
  });

  it("keeps an existing year file's note and controls when importing again", async () => {
    const root = emptyRoot();
    const file = join(REFERENCE, "file_description_52BF_2025.yaml");
    expect((await importFileDescriptions(root, [file], { workingGroup: "familievern", check: checkPlannedFiles })).findings).toEqual([]);
    const path = join(root, "content", "forms", "52bf", "2025.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/^source: .*$/m, 'source: ["reference/kontrollprogram/specs_familievern_52BF_gruppeskjema_2025.md"]') + 'note: "Redaktørens merknad."\ncontrols: []\n');
    expect((await importFileDescriptions(root, [file], { check: checkPlannedFiles })).findings).toEqual([]);
    const data = jsYaml.load(readFileSync(path, "utf8")) as Record<string, unknown>;
    expect(data.source).toEqual(["reference/kontrollprogram/file_description_52BF_2025.yaml", "reference/kontrollprogram/specs_familievern_52BF_gruppeskjema_2025.md"]);
    expect(data.note).toBe("Redaktørens merknad.");
    expect(data.controls).toEqual([]);
    expect((data.records as unknown[]).length).toBe(1);
  });
});

describe("kostra import kontrollprogram is bounded and checked like validate: a clear error within seconds, nothing written", () => {
  /** The import of `file` into a fresh root; every run must end within seconds (a hang is killed at 20 s). */
  const importing = (file: string, workingGroup = "familievern") => {
    const root = emptyRoot();
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "import", "kontrollprogram", "--content", root, "--working-group", workingGroup, file], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 20_000 });
    expect(run.signal, "the import hung and was killed").toBeNull();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("nothing written");
    expect(existsSync(join(root, "content", "forms"))).toBe(false);
    return run;
  };
  /** SSB's 53F 2025 with `edit` applied, in a folder of its own, named `name`. */
  const edited = (edit: ((text: string) => string) | undefined, name = "file_description_53F_2025.yaml") => {
    const file = join(tempDir("kontrollprogram-input"), name);
    const text = read("file_description_53F_2025.yaml");
    if (edit) expect(edit(text)).not.toBe(text);
    writeFileSync(file, edit ? edit(text) : text);
    return file;
  };

  it("refuses a FIFO without waiting for a writer", () => {
    const file = join(tempDir("fifo"), "file_description_53F_2025.yaml");
    expect(spawnSync("mkfifo", [file]).status).toBe(0);
    expect(importing(file).stderr).toContain(`${file}:1:1: error: not a regular file: a FIFO (named pipe) (expected a regular file`);
  });

  it("refuses /dev/zero without reading it", () => {
    expect(importing("/dev/zero").stderr).toContain("/dev/zero:1:1: error: not a regular file: a character device");
  });

  it("refuses a file larger than validate reads (a sparse 1.5 GB file), without reading it", () => {
    const file = join(tempDir("big"), "file_description_53F_2025.yaml");
    writeFileSync(file, read("file_description_53F_2025.yaml"));
    truncateSync(file, 1.5 * 2 ** 30);
    expect(importing(file).stderr).toMatch(/:1:1: error: file is too large \(1610612736 bytes\) \(expected at most 5242880 bytes/);
  });

  it("refuses an id of only non-ASCII letters, which gives no folder name, at the id's line and column", () => {
    const run = importing(edited((t) => t.replace('id: "53F"', 'id: "ÆØÅ"')));
    expect(run.stderr).toMatch(/file_description_53F_2025\.yaml:2:5: error: id: id "ÆØÅ" gives no form id \(expected .*letters a–z or digits/);
  });

  it("refuses an empty id with a title that gives no form id either", () => {
    const run = importing(edited((t) => t.replace('id: "53F"', 'id: ""').replace('title: "53F Utadrettet virksomhet i familieverntjenesten"', 'title: "ÆØÅ"').replace(/Filbeskrivelse for 53F Utadrettet virksomhet i familieverntjenesten/, "Filbeskrivelse")));
    expect(run.stderr).toMatch(/file_description_53F_2025\.yaml:2:5: error: id: id "" and title "ÆØÅ" give no form id/);
    expect(run.stderr).toMatch(/expected .*letters a–z or digits/);
  });

  it("refuses a file name holding a national identity number (copied into source:), never printing it", () => {
    const id = makeNationalId("150385");
    const file = edited(undefined, `file_description_53F_2025_${id}.yaml`);
    const run = importing(file);
    expect(run.stderr).toMatch(/:1:1: error: the file name looks like it holds a national identity number/);
    expect(run.stdout + run.stderr).not.toContain(id);
  });

  it("refuses duplicate field names, as validate would, at the input's line and column", () => {
    const run = importing(edited((t) => t.replace('- name: "KONTORNR"', '- name: "FYLKE_NR"')));
    const line = read("file_description_53F_2025.yaml").split("\n").findIndex((l) => l === '- name: "KONTORNR"') + 1;
    expect(run.stderr).toContain(`file_description_53F_2025.yaml:${line}:9: error: fields.1.name: duplicate field name "FYLKE_NR" (expected each field name once)`);
  });

  it("refuses overlapping positions, as validate would, at the input's line and column", () => {
    const text = read("file_description_53F_2025.yaml");
    const second = text.indexOf('- name: "KONTORNR"');
    const run = importing(edited((t) => t.slice(0, second) + t.slice(second).replace("  from: 3\n", "  from: 2\n")));
    const line = text.slice(0, second).split("\n").length + 2;
    expect(run.stderr).toContain(`file_description_53F_2025.yaml:${line}:9: error: fields.1.from: position 2 overlaps the field before, which ends at 2`);
  });

  it("refuses an unknown working group for a new form", () => {
    const run = importing(join(REFERENCE, "file_description_53F_2025.yaml"), "finnes-ikke");
    expect(run.stderr).toMatch(/file_description_53F_2025\.yaml:1:1: error: .*unknown working group "finnes-ikke"/);
  });
});

describe("the record layout of /skjema/55f/2025/ (recordLayoutRows)", () => {
  it("shows each field's positions, SSB data type, date pattern, codes (folded when long) and KLASS link", async () => {
    const { registry } = await loadContent(REPO, { validated: true });
    const form = registry.forms.get("55f")!;
    const record = versionAt(form, 2025)!.data.records![0];
    const rows = recordLayoutRows(registry, record, 2025, (id, y) => `/kodelister/${id}/${y}/`);
    const fylke = rows.find((r) => r.name === "FYLKE_NR")!;
    expect(fylke).toMatchObject({ positions: "1–2", length: 2, type: "tekst (STRING_TYPE), kode", mandatory: true, description: "Fylkesnummer", codesFolded: true, classification: { url: "https://www.ssb.no/klass/klassifikasjoner/104", label: "KLASS 104" } });
    expect(fylke.codes).toHaveLength(16);
    expect(fylke.codes[0]).toEqual({ code: "03", label: "Oslo" });
    const dated = versionAt(registry.forms.get("52af")!, 2025)!.data.records![0];
    const date = recordLayoutRows(registry, dated, 2025, (id, y) => `/kodelister/${id}/${y}/`).find((r) => r.datePattern !== undefined)!;
    expect(date).toMatchObject({ datePattern: "ddMMyyyy", type: "dato (DATE_TYPE)" });
  });
});
