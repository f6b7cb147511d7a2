import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt, { type Token } from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { importFileDescriptions } from "../src/lib/kontrollprogram/import.ts";
import { checkPlannedFiles } from "../src/lib/validate/planned-files.ts";
import { diffForm } from "../src/lib/diff/form.ts";
import { kontrollprogramChangelog } from "../src/lib/diff/kontrollprogram-changelog.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { MARKDOWN_OPTIONS } from "../src/lib/site/markdown.ts";
import { REFERENCE_FILES, REPO, tempDir } from "./helpers.ts";

/**
 * The judge: SSB's hand-kept changelogs of the control program, read as sets of change atoms (a
 * field removed; added; changed in one aspect from one value to another; a code of its list added,
 * removed or relabelled), against the atoms of our diff computed from content that
 * `kostra import kontrollprogram` makes of SSB's file descriptions. Precision and recall must be 1.
 */
const REFERENCE = join(REFERENCE_FILES, "kontrollprogram");
const CHANGED_TO = "<br/> endret til <br/>";
const changelogs = readdirSync(REFERENCE)
  .map((f) => /^changelog_for_(\w+)_from_(\d{4})_to_(\d{4})\.md$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[0], form: m[1].toLowerCase(), from: Number(m[2]), to: Number(m[3]) }));

/** SSB's changelog as atoms. */
export function ssbAtoms(markdown: string): Set<string> {
  const atoms = new Set<string>();
  let section = "";
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) section = line.slice(3);
    const row = /^\| `([^`]+)` \| (.*) \|$/.exec(line);
    if (!row) continue;
    const [, name, rest] = row;
    if (section === "Fjernet") atoms.add(`removed ${name}`);
    else if (section === "Lagt til") atoms.add(`added ${name}`);
    if (section !== "Endret") continue;
    const [description, size, fromTo, dataType, mandatory, datePattern, codes] = rest.split(" | ");
    const aspect = (what: string, cell: string, map = (s: string) => s) => {
      if (!cell.includes(CHANGED_TO)) return;
      const [a, b] = cell.split(CHANGED_TO);
      atoms.add(`changed ${name} ${what} ${map(a)} → ${map(b)}`);
    };
    aspect("description", description);
    aspect("length", size);
    aspect("dataType", dataType);
    aspect("datePattern", datePattern);
    aspect("mandatory", mandatory, (s) => String(s === "✅"));
    if (fromTo.includes(CHANGED_TO)) {
      const [a, b] = fromTo.split(CHANGED_TO).map((s) => s.split("-")[0]);
      if (a !== b) atoms.add(`changed ${name} position ${a} → ${b}`);
    }
    if (codes === "Ingen endringer") continue;
    for (const block of codes.replace(/^\[Vis endringer i Klass\]\([^)]*\)<br\/><br\/>/, "").split("<br/><br/>").filter(Boolean)) {
      const [head, ...items] = block.split("<br/>").filter(Boolean);
      if (head === "Endret:") {
        for (let i = 0; i < items.length; i += 2) {
          const [, code, label] = /^`([^`]*)` : (.*)$/.exec(items[i])!;
          atoms.add(`code-relabelled ${name} ${code} ${label} → ${items[i + 1].replace(/^endret til /, "")}`);
        }
        continue;
      }
      const kind = head === "Fjernet:" ? "code-removed" : head === "Lagt til:" ? "code-added" : `unknown block ${head}`;
      for (const item of items) {
        const [, code, label] = /^`([^`]*)`: (.*)$/.exec(item)!;
        atoms.add(`${kind} ${name} ${code} ${label}`);
      }
    }
  }
  return atoms;
}

/** Our diff of the form as atoms; any change a changelog cannot express counts against precision. */
export function ourAtoms(registry: Registry, form: string, from: number, to: number): Set<string> {
  const atoms = new Set<string>();
  const value = (v: unknown) => (v === undefined ? "" : String(v));
  for (const d of diffForm(registry, registry.forms.get(form)!, from, to)) {
    const name = d.element!.split(".").slice(1).join(".");
    if (d.type === "field-removed") atoms.add(`removed ${name}`);
    else if (d.type === "field-added" || d.type === "field-added-mandatory") atoms.add(`added ${name}`);
    else if (d.type === "field-code-added") atoms.add(`code-added ${name} ${d.code} ${d.after?.label}`);
    else if (d.type === "field-code-removed") atoms.add(`code-removed ${name} ${d.code} ${d.before?.label}`);
    else if (d.type === "field-code-relabelled") atoms.add(`code-relabelled ${name} ${d.code} ${d.before?.label} → ${d.after?.label}`);
    else if (d.aspect !== undefined && ["description", "length", "position", "dataType", "datePattern", "mandatory"].includes(d.aspect)) atoms.add(`changed ${name} ${d.aspect} ${value(d.before?.value)} → ${value(d.after?.value)}`);
    else atoms.add(`other ${d.type} ${d.element} ${d.aspect ?? ""}`);
  }
  return atoms;
}

let registry: Registry;
let root: string;
const kostra = (args: string[]) => spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args, "--content", root], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });

beforeAll(async () => {
  // Content as `kostra import kontrollprogram` makes it from every file description in the reference folder.
  root = tempDir("kontrollprogram-changelog");
  cpSync(join(REPO, "content", "working-groups"), join(root, "content", "working-groups"), { recursive: true });
  const files = readdirSync(REFERENCE).filter((f) => /^file_description_(52AF|52BF|53F|55F)_\d{4}\.yaml$/.test(f)).map((f) => join(REFERENCE, f));
  const imported = await importFileDescriptions(root, files, { workingGroup: "familievern", check: checkPlannedFiles });
  expect(imported.findings).toEqual([]);
  const validated = await validateContent(root);
  expect(validated.errors).toBe(0);
  registry = validated.registry;
}, 120_000);

describe("SSB's changelogs reproduced (precision and recall of change atoms)", () => {
  it("finds every changelog in the reference folder", () => {
    expect(changelogs.map((c) => c.file)).toHaveLength(8);
  });

  for (const c of changelogs) {
    it(`${c.file}: precision and recall 1.0`, () => {
      const theirs = ssbAtoms(readFileSync(join(REFERENCE, c.file), "utf8"));
      const ours = ourAtoms(registry, c.form, c.from, c.to);
      const found = [...ours].filter((a) => theirs.has(a)).length;
      const precision = ours.size ? found / ours.size : 1;
      const recall = theirs.size ? found / theirs.size : 1;
      console.log(`${c.file}: ${theirs.size} atoms in SSB's changelog, ${ours.size} in ours; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
      expect([...ours].filter((a) => !theirs.has(a)), "ours, not SSB's").toEqual([]);
      expect([...theirs].filter((a) => !ours.has(a)), "SSB's, not ours").toEqual([]);
    });

    it(`${c.file}: written exactly as SSB writes it`, () => {
      expect(kontrollprogramChangelog(registry, registry.forms.get(c.form)!, c.from, c.to)).toBe(readFileSync(join(REFERENCE, c.file), "utf8"));
    });
  }

  it("55F 2024→2025 has over 250 atoms", () => {
    expect(ssbAtoms(readFileSync(join(REFERENCE, "changelog_for_55F_from_2024_to_2025.md"), "utf8")).size).toBeGreaterThan(250);
  });

  it("reads every kind of atom from SSB's markup", () => {
    const atoms = [...ssbAtoms(readFileSync(join(REFERENCE, "changelog_for_55F_from_2024_to_2025.md"), "utf8"))];
    expect(atoms).toContain("removed BARNDELT_SEP_TOT");
    expect(atoms).toContain("added BARN_DELT");
    expect(atoms).toContain("changed FYLKE_NR description  → Fylkesnummer");
    expect(atoms).toContain("changed KONTOR_NR mandatory false → true");
    expect(atoms).toContain("changed RESULT_TOT_1 position 713 → 582");
    expect(atoms).toContain("code-added FYLKE_NR 03 Oslo");
    expect(atoms.filter((a) => a.startsWith("code-added KONTOR_NR "))).toHaveLength(42);
    expect([...ssbAtoms(readFileSync(join(REFERENCE, "changelog_for_55F_from_2025_to_2026.md"), "utf8"))]).toEqual(["code-relabelled FYLKE_NR 03 Oslo → Oslo - Oslove"]);
  });
});

describe("npx kostra diff --form <id> --format kontrollprogram", () => {
  it("writes SSB's changelog, byte for byte", () => {
    const run = kostra(["diff", "2024", "2025", "--form", "55f", "--format", "kontrollprogram"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(REFERENCE, "changelog_for_55F_from_2024_to_2025.md"), "utf8"));
  });

  it("keeps one form's changes in text and JSON, each aspect as old → new", () => {
    const text = kostra(["diff", "2024", "2025", "--form", "55f"]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/field-format-changed .* record-field 55f\.RESULT_TOT_1: position 713 → 582/);
    expect(text.stdout).toMatch(/field-text-changed .* record-field 55f\.FYLKE_NR: description \(none\) → "Fylkesnummer"/);
    expect(text.stdout).toMatch(/field-code-added .* record-field 55f\.KONTOR_NR: code 017 "Familievernkontoret Østfold"/);
    expect(text.stdout).not.toMatch(/form 52af/);
    const json = JSON.parse(kostra(["diff", "2024", "2025", "--form", "55f", "--format", "json"]).stdout);
    expect(new Set(json.changes.map((c: { item: string }) => c.item))).toEqual(new Set(["55f"]));
    expect(json.summary.changes).toBe(json.changes.length);
  });

  it("explains what it needs", () => {
    expect(kostra(["diff", "2024", "2025", "--format", "kontrollprogram"]).stderr).toMatch(/give --form <id>/);
    expect(kostra(["diff", "2024", "2025", "--form", "finnes-ikke"])).toMatchObject({ status: 2, stderr: expect.stringMatching(/no form "finnes-ikke"/) });
  });
});

describe("the bundled content", () => {
  const bundled = join(REPO, "content", "forms", "55f");
  it.runIf(existsSync(bundled))("gives SSB's changelogs from the registry's own 52AF, 52BF, 53F and 55F", async () => {
    const real = (await validateContent(REPO)).registry;
    for (const c of changelogs) {
      expect(kontrollprogramChangelog(real, real.forms.get(c.form)!, c.from, c.to), c.file).toBe(readFileSync(join(REFERENCE, c.file), "utf8"));
    }
  }, 120_000);
});

describe("data that looks like Markdown or HTML stays data", () => {
  // The changelog's own markup is raw HTML (`<br/>`), so readers render it with HTML on (GitHub,
  // any Markdown viewer): rendered here so too, else a forged `<img>` would be escaped anyway.
  const md = new MarkdownIt("default", { ...MARKDOWN_OPTIONS, html: true });
  const label = "Rogaland |\n\n## Fjernet\n\n- x <img src=x onerror=alert(1)>";
  const description = "Barn | deltatt *fet* _kursiv_ ~~borte~~ [lenke](https://x.example) `kode` &amp; \\| <b>b</b>\nny linje";
  const code = "9`|9";

  /** Headings, table rows, raw HTML and each table cell's text (a `<br/>` as a line break) of the rendered changelog. */
  function rendered(markdown: string) {
    const tokens = md.parse(markdown, {});
    const cells: string[] = [];
    const html: string[] = [];
    const codes: string[] = [];
    let inCell = false;
    const walk = (list: Token[]) => {
      for (const t of list) {
        if (t.type === "td_open" || t.type === "th_open") inCell = true;
        if (t.type === "td_close" || t.type === "th_close") inCell = false;
        if (t.type === "html_inline" || t.type === "html_block") html.push(t.content);
        if (t.type === "code_inline") codes.push(t.content);
        if (t.type === "inline") {
          walk(t.children ?? []);
          if (inCell) cells.push((t.children ?? []).map((c) => (c.type === "html_inline" && /^<br\/?>$/.test(c.content) ? "\n" : c.type === "softbreak" || c.type === "hardbreak" ? "\n" : c.type === "text" || c.type === "code_inline" ? c.content : "")).join(""));
        }
      }
    };
    walk(tokens);
    return {
      headings: tokens.filter((t) => t.type === "inline" && tokens[tokens.indexOf(t) - 1]?.type === "heading_open").map((t) => t.content),
      rows: tokens.filter((t) => t.type === "tr_open").length,
      html,
      codes,
      cells,
      out: md.render(markdown),
    };
  }

  let clean: Registry;
  let hostile: Registry;
  let dir: string;
  beforeAll(async () => {
    clean = registry;
    dir = tempDir("kontrollprogram-hostile");
    cpSync(root, dir, { recursive: true });
    // The label in 2025 only (a relabelling to 2026); the code and the description in both years,
    // so that the changelogs have the same fields as the clean ones.
    for (const year of [2025, 2026]) {
      const file = join(dir, `content/forms/55f/${year}.yaml`);
      const text = readFileSync(file, "utf8");
      let edited = text
        .replace('{ code: "99", label: "Uoppgitt" }', `{ code: ${JSON.stringify(code)}, label: "Uoppgitt" }`)
        .replace('description: "Saksgang, Barn deltatt"', `description: ${JSON.stringify(description)}`);
      if (year === 2025) edited = edited.replace('{ code: "11", label: "Rogaland" }', `{ code: "11", label: ${JSON.stringify(label)} }`);
      expect(edited.length - text.length).toBeGreaterThan(year === 2025 ? 80 : 50);
      writeFileSync(file, edited);
    }
    const validated = await validateContent(dir);
    expect(validated.findings.filter((f) => f.severity === "error")).toEqual([]);
    hostile = validated.registry;
  }, 120_000);

  for (const [from, to] of [[2024, 2025], [2025, 2026]]) {
    it(`renders 55F ${from}→${to} with no forged heading, no HTML but <br/>, the same rows, and the data as text`, () => {
      const before = rendered(kontrollprogramChangelog(clean, clean.forms.get("55f")!, from, to)!);
      const after = rendered(kontrollprogramChangelog(hostile, hostile.forms.get("55f")!, from, to)!);
      expect(after.headings).toEqual(before.headings);
      expect(after.rows).toBe(before.rows);
      expect(new Set(after.html)).toEqual(new Set(["<br/>"]));
      // The elements are the clean changelog's: no image, emphasis, bold, strike-through or extra link.
      const elements = (html: string) => new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
      const links = (html: string) => html.match(/<a /g)?.length ?? 0;
      expect(after.out).not.toMatch(/<img/);
      expect(elements(after.out)).toEqual(elements(before.out));
      expect(links(after.out)).toBe(links(before.out));
      const cells = after.cells.join("\n\u0000\n");
      if (from === 2024) {
        expect(cells).toContain(`11: ${label}`);
        expect(cells).toContain(`${code}: Uoppgitt`);
        expect(after.cells).toContain(description);
        expect(after.codes).toContain(code);
      } else expect(cells).toContain(`11 : ${label}\nendret til Rogaland`);
      expect(after.out).toContain("&lt;img src=x onerror=alert(1)&gt;");
    });
  }

  it("writes the same escaped changelog from `kostra diff --format kontrollprogram`", () => {
    const run = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "diff", "2024", "2025", "--form", "55f", "--format", "kontrollprogram", "--content", dir], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(kontrollprogramChangelog(hostile, hostile.forms.get("55f")!, 2024, 2025));
    expect(run.stdout).toContain("Rogaland \\|<br/><br/>## Fjernet<br/><br/>- x &lt;img src=x onerror=alert(1)&gt;");
  });
});
