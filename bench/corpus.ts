/**
 * Writes a synthetic, valid content root at KOSTRA scale, the same for the same seed:
 *   npm run bench:corpus -- --scale small|kostra|10x --out DIR [--seed N]
 * Item counts follow the real registry's expected size: working groups, codelists with 15 reporting
 * years (a new version every 1–4 years, 10 to 2,000 codes, a few with 20,000), forms with fields and
 * controls, indicators, Statbank tables, proposals that justify the changes, and meetings.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

export const SCALES = {
  small: { groups: 5, codelists: 30, forms: 6, indicators: 150, tables: 150, proposals: 450, meetings: 150, bigLists: 1 },
  kostra: { groups: 25, codelists: 300, forms: 60, indicators: 1500, tables: 1500, proposals: 4500, meetings: 1500, bigLists: 3 },
  "10x": { groups: 250, codelists: 3000, forms: 600, indicators: 15000, tables: 15000, proposals: 45000, meetings: 15000, bigLists: 30 },
} as const;
export type Scale = keyof typeof SCALES;

const FIRST_YEAR = 2010;
const LAST_YEAR = 2024;
const WORDS = "barn unge tiltak fosterhjem institusjon melding undersøkelse plan omsorg hjelpetiltak kommune familie foreldre ettervern barnevernstjeneste vedtak opphold samvær tilsyn støttekontakt avlastning veiledning økonomisk hjelp bolig oppfølging skole barnehage helse tannhelse psykisk rus vold overgrep kriminalitet atferd kompetanse stilling ansatte årsverk utgifter funksjon art rapportering statistikk publisering indikator tabell kontroll skjema filuttrekk".split(" ");

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    words(n: number) {
      return Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");
    },
    sentence(min: number, max: number) {
      const s = this.words(this.int(min, max));
      return s[0].toUpperCase() + s.slice(1) + ".";
    },
  };
}

const q = (s: string) => JSON.stringify(s);

export function generateCorpus(out: string, scale: Scale, seed = 1): { files: number } {
  const n = SCALES[scale];
  const r = rng(seed);
  rmSync(out, { recursive: true, force: true });
  let files = 0;
  const write = (path: string, text: string) => {
    mkdirSync(join(out, path, ".."), { recursive: true });
    writeFileSync(join(out, path), text);
    files++;
  };
  const groups = Array.from({ length: n.groups }, (_, i) => `ag-${String(i + 1).padStart(3, "0")}`);
  for (const id of groups) {
    write(`content/working-groups/${id}.yaml`, `id: ${id}\nname: { nb: ${q(`Arbeidsgruppe for ${r.words(2)}`)} }\nserviceArea: ${q(r.words(2))}\nmandate: ${q(r.sentence(20, 60))}\nmembers:\n${Array.from({ length: r.int(4, 10) }, () => `  - { name: ${q(`Person ${r.int(1, 9999)}`)}, organisation: ${q(r.pick(["SSB", "KS", "Bufdir", "KDD", "Oslo kommune"]))}, asOf: ${r.int(2015, 2024)} }`).join("\n")}\nsource: "bench"\n`);
  }

  // Codelists: changes between versions are recorded, so proposals can declare them.
  const changedCodes: { list: string; group: string; year: number; codes: string[] }[] = [];
  for (let i = 0; i < n.codelists; i++) {
    const id = `kl-${String(i + 1).padStart(4, "0")}`;
    const group = r.pick(groups);
    write(`codelists/${id}/codelist.yaml`, `id: ${id}\nname: { nb: ${q(`Kodeliste ${r.words(2)} ${i + 1}`)} }\ndescription: ${q(r.sentence(12, 40))}\nworkingGroup: ${group}\nsource: "bench"\n`);
    const size = i < n.bigLists ? 20_000 : Math.round(Math.exp(r.next() * Math.log(200)) * 10);
    let codes = Array.from({ length: size }, (_, k) => ({ code: `${Math.floor(k / 100) + 1}.${(k % 100) + 1}`, name: r.sentence(2, 8) }));
    let next = 0;
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += r.int(1, 4)) {
      const changed: string[] = [];
      if (year > FIRST_YEAR) {
        codes = codes.flatMap((c) => {
          const x = r.next();
          if (x < 0.02) return (changed.push(c.code), []);
          if (x < 0.07) return (changed.push(c.code), [{ ...c, name: r.sentence(2, 8) }]);
          return [c];
        });
        for (let k = 0; k < Math.max(1, Math.round(size * 0.03)); k++) {
          const code = `${900 + Math.floor(next / 100)}.${(next % 100) + 1}`;
          next++;
          codes.push({ code, name: r.sentence(2, 8) });
          changed.push(code);
        }
        changedCodes.push({ list: id, group, year, codes: changed });
      }
      write(`codelists/${id}/${year}.yaml`, `source: "bench"\ncodes:\n${codes.map((c) => `  - { code: ${q(c.code)}, name: { nb: ${q(c.name)} } }`).join("\n")}\n`);
    }
  }

  // Forms: questionnaires whose controls are CEL expressions with a passing and a failing test.
  for (let i = 0; i < n.forms; i++) {
    const id = `s-${String(i + 1).padStart(3, "0")}`;
    write(`content/forms/${id}/form.yaml`, `id: ${id}\nnumber: ${q(String(i + 100))}\nname: { nb: ${q(`Skjema om ${r.words(3)}`)} }\nkind: questionnaire\nworkingGroup: ${r.pick(groups)}\nsource: "bench"\n`);
    let fields = r.int(20, 300);
    const controls = r.int(10, 200);
    // Labels and severities stay from year to year, with a few changes, as real forms do.
    const labels = Array.from({ length: 400 }, () => r.sentence(3, 12));
    const sectionTitles = Array.from({ length: 20 }, (_, s) => `${s + 1}. ${r.sentence(3, 8)}`);
    const severities = Array.from({ length: controls }, () => r.pick(["ERROR", "ERROR", "WARNING", "INFO"]));
    const texts = Array.from({ length: controls }, () => ({ title: r.sentence(3, 6), condition: r.sentence(8, 20), message: r.sentence(6, 16) }));
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += r.int(1, 4)) {
      fields += r.int(0, 3);
      for (let k = 0; k < 3; k++) labels[r.int(0, fields)] = r.sentence(3, 12);
      severities[r.int(0, controls - 1)] = r.pick(["ERROR", "WARNING"]);
      const sections = Array.from({ length: Math.ceil(fields / 20) }, (_, s) => {
        const ids = Array.from({ length: Math.min(20, fields - s * 20) }, (_, f) => s * 20 + f + 1);
        return `  - id: del-${s + 1}\n    title: ${q(sectionTitles[s])}\n    fields:\n${ids.map((f) => `      - { id: felt-${f}, label: ${q(labels[f])}, type: number, decimals: 1${f % 7 === 0 ? ", mandatory: true" : ""} }`).join("\n")}`;
      });
      const ctrl = Array.from({ length: controls }, (_, c) => {
        const f = (c % Math.min(fields, 100)) + 1;
        return `  - id: k-${c + 1}\n    title: ${q(texts[c].title)}\n    severity: ${severities[c]}\n    condition: ${q(texts[c].condition)}\n    message: ${q(texts[c].message)}\n    appliesTo: [felt-${f}]\n    when: 'field["felt-${f}"] > ${100 + c}.0'\n    tests:\n      - { name: "under grensen", input: { field: { felt-${f}: 1 } }, expect: pass }\n      - { name: "over grensen", input: { field: { felt-${f}: ${1000 + c} } }, expect: fail }`;
      });
      write(`content/forms/${id}/${year}.yaml`, `source: "bench"\nsections:\n${sections.join("\n")}\ncontrols:\n${ctrl.join("\n")}\n`);
    }
  }

  const tables = Array.from({ length: n.tables }, (_, i) => String(10000 + i * Math.floor(89999 / n.tables)).padStart(5, "0"));
  tables.forEach((num, i) => {
    const discontinued = i % 10 === 9;
    write(`content/tables/${num}.yaml`, `number: ${q(num)}\ntitle: ${q(`${r.sentence(4, 12).slice(0, -1)} (K)`)}\nlevel: ${i % 3 ? "K" : "B"}\nyears: { from: ${r.int(2010, 2015)}, to: ${discontinued ? 2020 : 2024} }\nstatus: ${discontinued ? "discontinued" : "active"}\n${discontinued ? `replacedBy: [${q(tables[i - 1])}]\n` : ""}source: "bench"\n`);
  });
  for (let i = 0; i < n.indicators; i++) {
    const id = `ind-${String(i + 1).padStart(5, "0")}`;
    write(`content/indicators/${id}.yaml`, `id: ${id}\nname: ${q(`Andel ${r.words(4)} (prosent)`)}\ntype: ${q(r.pick(["Dekningsgrad", "Prioritering", "Produktivitet/enhetskostnader", "Kvalitet"]))}\nworkingGroup: ${r.pick(groups)}\ndataSource: "KOSTRA/SSB"\ndescription: ${q(r.sentence(15, 40))}\npurpose: ${q(r.sentence(15, 40))}\ncalculation: "Formel: (A/B)*100"\ninterpretation: ${q(r.sentence(40, 120))}\nunit: "prosent"\nversions:\n  - from: ${r.int(2012, 2020)}\n    formula:\n      text: "(A/B)*100"\n      numerator: { label: ${q(r.sentence(5, 10))}, table: ${q(r.pick(tables))}, isCount: true }\n      denominator: { label: ${q(r.sentence(4, 8))}, table: ${q(r.pick(tables))} }\n      multiplier: 100\nsuppression: { maxSuppressedCount: 3 }\nsource: "bench"\n`);
  }

  const meetings = Array.from({ length: n.meetings }, (_, i) => ({ id: `mote-${String(i + 1).padStart(5, "0")}`, group: r.pick(groups), year: r.int(FIRST_YEAR, LAST_YEAR), proposals: [] as string[] }));
  for (let i = 0; i < n.proposals; i++) {
    const id = `forslag-${String(i + 1).padStart(5, "0")}`;
    const c = changedCodes.length ? changedCodes[i % changedCodes.length] : undefined;
    const meeting = meetings.find((m) => m.group === c?.group && m.year === c.year) ?? meetings[i % meetings.length];
    meeting.proposals.push(id);
    // Meetings fall on 1–27 April; a status dated on a meeting day must cite the meeting (validate's rule).
    const date = `${meeting.year}-04-28`;
    const codes = c ? c.codes.slice(0, 40) : [];
    write(`changes/${id}.mdx`, `---\nid: ${id}\ntitle: ${q(r.sentence(4, 10).slice(0, -1))}\nworkingGroup: ${c?.group ?? meeting.group}\ntargetYear: ${c?.year ?? meeting.year}\nhistory:\n  - { status: fremmet, date: ${q(date)}, note: "Fremmet for arbeidsgruppen." }\n  - { status: anbefalt, date: ${q(date)}, note: "Anbefalt i årsrapporten." }\njustification:\n  burden: ${q(r.sentence(10, 30))}\n  relevance: ${q(r.sentence(10, 30))}\nchanges:\n${c && codes.length ? `  - { codelist: ${c.list}, codes: [${codes.map(q).join(", ")}], description: ${q(r.sentence(8, 20))} }` : `  - { table: ${q(r.pick(tables))}, description: ${q(r.sentence(8, 20))} }`}\nsource: "bench"\n---\n\n${r.sentence(40, 120)}\n`);
  }
  meetings.forEach((m, i) => {
    write(`content/meetings/${m.id}.mdx`, `---\nid: ${m.id}\ntitle: ${q(`Møte i arbeidsgruppen ${i + 1}`)}\nworkingGroup: ${m.group}\ndate: ${q(`${m.year}-04-${String((i % 27) + 1).padStart(2, "0")}`)}\nattendees:\n${Array.from({ length: r.int(3, 10) }, () => `  - { name: ${q(`Person ${r.int(1, 9999)}`)}, organisation: "SSB" }`).join("\n")}\nagenda:\n${Array.from({ length: r.int(3, 8) }, (_, k) => `  - number: "${k + 1}"\n    title: ${q(r.sentence(3, 8))}\n    summary: ${q(r.sentence(20, 80))}${k === 0 && m.proposals.length ? `\n    proposals: [${m.proposals.slice(0, 20).join(", ")}]` : ""}${k === 1 ? `\n    actions: [{ id: oppf-${k}, owner: "SSB", what: ${q(r.sentence(6, 14))}, status: open }]` : ""}`).join("\n")}\nsource: "bench"\n---\n\n${r.sentence(30, 90)}\n`);
  });
  return { files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "small" }, out: { type: "string" }, seed: { type: "string", default: "1" } } });
  const scale = values.scale as Scale;
  if (!(scale in SCALES) || !values.out) {
    process.stderr.write("usage: npm run bench:corpus -- --scale small|kostra|10x --out DIR [--seed N]\n");
    process.exit(2);
  }
  const started = performance.now();
  const { files } = generateCorpus(values.out, scale, Number(values.seed));
  process.stdout.write(`bench:corpus: wrote ${files} files (${scale}, seed ${values.seed}) to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
