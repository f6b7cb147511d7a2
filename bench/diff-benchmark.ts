/**
 * Times the codelist diff on synthetic codelists of growing size, to show it is linear in the
 * number of codes. Run: npm run bench:diff. Results go to docs/performance.md by hand.
 */
import { Registry, type CodelistEntry } from "../src/lib/model/registry.ts";
import type { Code, CodelistVersion } from "../src/lib/schema/index.ts";
import { diffCodelist } from "../src/lib/diff/codelist.ts";
import { trace } from "../src/lib/diff/trace.ts";

const noItems = () => [];

function synthetic(n: number): CodelistEntry {
  const before: Code[] = [];
  for (let i = 0; i < n; i++) before.push({ code: `${Math.floor(i / 100)}.${i % 100}`, name: { nb: `Kategori nummer ${i} for tiltak i barnevernet` }, ...(i % 100 ? { parent: `${Math.floor(i / 100)}.0` } : {}) });
  // Change about a fifth of the codes: 10 % renamed, 5 % removed, 1 % moved, 2 % deprecated, 5 % added, 1 % split.
  const after: Code[] = [];
  const correspondences: NonNullable<CodelistVersion["correspondences"]> = [];
  before.forEach((c, i) => {
    if (i % 20 === 1) return; // removed
    if (i % 100 === 7) {
      correspondences.push({ type: "split", from: [c.code], to: [`${c.code}.a`, `${c.code}.b`] });
      after.push({ code: `${c.code}.a`, name: c.name }, { code: `${c.code}.b`, name: c.name });
      return;
    }
    const next: Code = { ...c };
    if (i % 10 === 3) next.name = { nb: `${c.name.nb} (endret)` };
    if (i % 100 === 5 && c.parent) next.parent = "0.0";
    if (i % 50 === 9) Object.assign(next, { status: "deprecated", withdrawnFrom: 2030 });
    after.push(next);
  });
  for (let i = 0; i < n / 20; i++) after.push({ code: `ny.${i}`, name: { nb: `Ny kategori ${i}` } });
  const meta = { id: "bench", name: { nb: "Bench" }, workingGroup: "wg", source: "bench" };
  return { meta, versions: [{ year: 2022, data: { source: "bench", codes: before } }, { year: 2023, data: { source: "bench", codes: after, correspondences } }] };
}

const registry = (entry: CodelistEntry) =>
  new Registry({ codelists: new Map([["bench", entry]]), forms: new Map(), workingGroups: new Map(), indicators: new Map(), tables: new Map(), meetings: new Map(), proposals: new Map(), reportTemplates: new Map(), calendars: new Map(), published: new Map(), origins: new Map() });

console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
console.log("codes per version | changes | median ms (7 runs) | ms per 1,000 codes");
for (const n of [25_000, 50_000, 100_000, 200_000, 400_000]) {
  const entry = synthetic(n);
  const reg = registry(entry);
  const times: number[] = [];
  let changes = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    changes = trace(reg, 2022, 2023, diffCodelist(reg, entry, 2022, 2023), noItems).changes.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[3];
  console.log(`${n.toLocaleString("en")} | ${changes.toLocaleString("en")} | ${median.toFixed(0)} | ${((median / n) * 1000).toFixed(2)}`);
}
