/**
 * The build benchmark: npm run bench -- --scale small|kostra|10x [--skip-floor] [--skip-dev]
 * Generates the corpus, builds it with the real build (validation, pages, exports, search index),
 * builds the floor (as many trivial Astro pages of the same total size, indexed by pagefind) and
 * writes the numbers into docs/performance.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus, SCALES, type Scale } from "./corpus.ts";
import { validateContent } from "../src/lib/validate/index.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import { diffRegistry } from "../src/lib/diff/index.ts";
import { startDevServer, timeUntilShown } from "./dev-server.ts";
import { sampleTreeMemory } from "./memory-sampler.ts";

const REPO = new URL("..", import.meta.url).pathname;
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const node = existsSync(join(REPO, "node_modules/node/bin/node")) ? join(REPO, "node_modules/node/bin/node") : process.execPath;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

const { values } = parseArgs({ options: { scale: { type: "string", default: "small" }, "skip-floor": { type: "boolean", default: false }, "skip-dev": { type: "boolean", default: false }, dir: { type: "string", default: "/tmp/kostra-bench" } } });
const scale = values.scale as Scale;
if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);
const base = join(values.dir!, scale);
const content = join(base, "content");
const out = join(base, "dist");
const timings = join(base, "timings.jsonl");
// The last run's folder (150,000 files at kostra) is moved aside now and removed when this run
// ends. Removed here, it slowed the build timed next by a tenth: this machine's file system has no
// journal, and ext4 then passes over every inode freed in the last minute when it makes a file
// (the kernel's `recently_deleted`), while the floor, built minutes later, paid nothing.
const previous = `${base}.old-${process.pid}`;
if (existsSync(base)) renameSync(base, previous);
process.on("exit", () => {
  for (const name of readdirSync(values.dir!)) if (name.startsWith(`${scale}.old-`)) rmSync(join(values.dir!, name), { recursive: true, force: true });
});
mkdirSync(base, { recursive: true });

let t = performance.now();
const { files: corpusFiles } = generateCorpus(content, scale);
const corpusMs = performance.now() - t;
console.log(`corpus: ${corpusFiles} files in ${s(corpusMs)}`);
// Each timed build starts with nothing waiting to be written to disk: the floor ran after our build
// had written gigabytes, and their write-back slowed it by up to a third from one run to the next.
const flushDisk = () => spawnSync("sync");
flushDisk();

t = performance.now();
const buildStartedAt = Date.now();
const tree = { sampler: undefined as ReturnType<typeof sampleTreeMemory> | undefined };
const build = await new Promise<{ status: number | null; stderr: string }>((done) => {
  const child = spawn(node, [join(REPO, "bin/kostra.js"), "build", "--content", content, "--out", out], { env: { ...process.env, KOSTRA_TIMINGS: timings, KOSTRA_CONTENT_DIR: "", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim() }, stdio: ["ignore", "ignore", "pipe"] });
  tree.sampler = sampleTreeMemory(child.pid!);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-10000)));
  child.on("exit", (status) => done({ status, stderr }));
});
const treePeak = tree.sampler!.stop();
const buildMs = performance.now() - t;
const phases = existsSync(timings) ? readFileSync(timings, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { phase: string; ms: number; at: number; pid: number; maxRssMB: number; liveMB?: number; rssMB: number; heapTotalMB: number; externalMB: number }) : [];
const phase = (p: string) => phases.find((x) => x.phase === p)?.ms ?? 0;
const corpusRow = ["corpus", `${corpusFiles} files (${SCALES[scale].codelists} codelists, ${SCALES[scale].forms} forms, ${SCALES[scale].indicators} indicators, ${SCALES[scale].proposals} proposals, ${SCALES[scale].meetings} meetings)`];
const memoryRows = () => [
  ["memory in use after each phase (heap after GC)", phases.map((p) => `${p.phase} ${p.liveMB ?? "?"} MB`).join(", ")],
  ["resident after each phase: RSS = V8 heap + the rest (native, buffers)", phases.map((p) => `${p.phase} ${p.rssMB} = ${p.heapTotalMB} + ${p.rssMB - p.heapTotalMB} MB`).join(", ")],
  ["peak memory of each step's Node process", phases.filter((p, i) => phases.findIndex((q) => q.pid === p.pid) === i).map((p) => `${phases.filter((q) => q.pid === p.pid).map((q) => q.phase).join(" + ")} ${Math.max(...phases.filter((q) => q.pid === p.pid).map((q) => q.maxRssMB))} MB`).join(", ")],
  ["peak memory, all processes of the build together (sampled every 0.2 s)", `${treePeak.peakMB} MB, during ${phases.find((p) => p.at >= treePeak.at)?.phase ?? "the last step"}: ${treePeak.processes.filter((p) => p.rssMB >= 10).map((p) => `${p.command} ${p.rssMB} MB`).join(", ")}`],
];

/** Prints the results and writes them into their section of docs/performance.md. */
function record(rows: string[][], note = "") {
  const table = ["| measure | value |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
  console.log(table);
  const date = new Date().toISOString().slice(0, 10);
  const flags = process.argv.slice(2).filter((a) => a.startsWith("--skip")).join(" ");
  const heap = process.env.NODE_OPTIONS?.match(/--max-old-space-size=\d+/)?.[0];
  const command = `${heap ? `NODE_OPTIONS=${heap} ` : ""}npm run bench -- --scale ${scale}${flags ? ` ${flags}` : ""}`;
  const section = `<!-- bench:${scale}:start -->\n### ${scale}\n\n\`${command}\`, ${date}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim()}.${note}\n\n${table}\n<!-- bench:${scale}:end -->`;
  const docPath = join(REPO, "docs/performance.md");
  const doc = readFileSync(docPath, "utf8");
  const re = new RegExp(`<!-- bench:${scale}:start -->[\\s\\S]*?<!-- bench:${scale}:end -->`);
  writeFileSync(docPath, re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`);
  console.log(`wrote the ${scale} results to docs/performance.md`);
}

if (build.status !== 0) {
  // What did finish is recorded with the failure: at 10x the question is where the build stops.
  const done = new Set(phases.map((p) => p.phase));
  const failedStep = !done.has("validate") ? "validation" : !done.has("search-records") ? "search records" : !done.has("pages") ? "pages" : !done.has("exports") ? "exports" : !done.has("search") ? "search index" : "last check of the built site";
  const lines = build.stderr.trim().split("\n").filter((l) => l.trim());
  const reason = (lines.filter((l) => l.startsWith("kostra build:")).at(-1) ?? lines.at(-1) ?? "").replace(/\|/g, "\\|").slice(0, 400);
  // The table keeps one line; the build's own account (which files, never a number) goes to the console.
  process.stderr.write(`${lines.slice(-30).join("\n")}\n`);
  record([
    corpusRow,
    ["full build (wall)", `**failed** after ${s(buildMs)}, in the ${failedStep} step (exit status ${build.status}): ${reason || "no message"}`],
    ...phases.map((p) => [`– ${p.phase}`, s(p.ms)]),
    ...memoryRows(),
  ]);
  process.exit(1);
}
// The build's three stretches, from when each phase ended: the first step (validation, search
// records); Astro, with the API beside it where both fit in memory, else the records' index; the
// search indexes, with the API (or the rest of it) beside them.
const ended = (p: string) => phases.find((x) => x.phase === p)?.at ?? buildStartedAt;
const firstMs = ended("search-records") - buildStartedAt;
const recordsBesidePages = ended("search-records-index") - phase("search-records-index") < ended("pages") - 1000;
const pagesMs = (recordsBesidePages ? Math.max(ended("pages"), ended("search-records-index")) : ended("pages")) - ended("search-records");
const lastMs = buildMs - firstMs - pagesMs;

const all = walk(out);
const html = all.filter((f) => f.endsWith(".html"));
const bytes = all.reduce((n, f) => n + statSync(f).size, 0);
const htmlBytes = html.reduce((n, f) => n + statSync(f).size, 0);
const largest = html.map((f) => ({ f: relative(out, f), size: statSync(f).size })).sort((a, b) => b.size - a.size)[0];
const templates: Record<string, string> = { codelist: "kodelister", form: "skjema", indicator: "indikatorer", search: "sok", changes: "endringer" };
const jsPerTemplate = Object.fromEntries(
  Object.entries(templates).map(([name, dir]) => {
    const page = html.find((f) => relative(out, f).startsWith(`${dir}/`) && relative(out, f).split("/").length >= 3) ?? html.find((f) => relative(out, f).startsWith(dir));
    const srcs = page ? [...readFileSync(page, "utf8").matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]) : [];
    return [name, srcs.reduce((n, src) => n + statSync(join(out, src)).size, 0)];
  }),
);

t = performance.now();
await validateContent(content);
const loadMs = performance.now() - t;
// A registry of its own: validation has already memoised the neighbouring change sets of its registry.
const { registry } = await loadContent(content);
t = performance.now();
let changes = 0;
for (const to of registry.reportingYears.slice(1)) changes += diffRegistry(registry, to - 1, to).changes.length;
const diffMs = performance.now() - t;

// The dev server: start, then an edit of a codelist version file until its page shows it (median of 3).
async function timeDevServer() {
  const editable = [...registry.codelists.values()].find((e) => e.versions.length > 1)!;
  const editedYear = editable.versions.at(-1)!.year;
  const dev = await startDevServer(content, 4399);
  const devPage = `${dev.url}/kodelister/${editable.meta.id}/${editedYear}/`;
  let t = performance.now();
  await fetch(devPage);
  const firstPageMs = performance.now() - t;
  const editedFile = join(content, "codelists", editable.meta.id, `${editedYear}.yaml`);
  const original = readFileSync(editedFile, "utf8");
  const reflectMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const label = `Redigert etikett ${i}`;
    writeFileSync(editedFile, original.replace(/nb: "[^"]*"/, `nb: "${label}"`));
    reflectMs.push(await timeUntilShown(devPage, label));
  }
  writeFileSync(editedFile, original);
  await dev.stop();
  return { startMs: dev.startMs, firstPageMs, reflectMs, medianMs: [...reflectMs].sort((a, b) => a - b)[1] };
}
const devTimes = values["skip-dev"] ? undefined : await timeDevServer();

let floorMs = 0;
if (!values["skip-floor"]) {
  // The floor: the same number of pages and bytes from a trivial template, indexed by pagefind.
  const floor = join(REPO, "bench", ".floor");
  rmSync(floor, { recursive: true, force: true });
  mkdirSync(join(floor, "src/pages"), { recursive: true });
  const size = Math.round(htmlBytes / html.length);
  writeFileSync(join(floor, "astro.config.mjs"), `export default { outDir: ${JSON.stringify(join(base, "floor-dist"))} };\n`);
  writeFileSync(join(floor, "src/pages/[n].astro"), `---\nexport function getStaticPaths() { return Array.from({ length: ${html.length} }, (_, i) => ({ params: { n: String(i) } })); }\nconst { n } = Astro.params;\nconst text = ("Side " + n + " barn unge tiltak fosterhjem institusjon melding ").repeat(${Math.ceil(size / 60)}).slice(0, ${size});\n---\n<html lang="nb"><head><title>Side {n}</title></head><body><main><h1>Side {n}</h1><p>{text}</p></main></body></html>\n`);
  flushDisk();
  t = performance.now();
  const astro = spawnSync(node, [join(REPO, "node_modules/astro/bin/astro.mjs"), "build", "--root", floor], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (astro.status !== 0) throw new Error(`floor build failed: ${astro.stderr.slice(-2000)}`);
  const index = spawnSync(node, [join(REPO, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", join(base, "floor-dist")], { encoding: "utf8" });
  if (index.status !== 0) throw new Error(`floor index failed: ${index.stderr.slice(-2000)}`);
  floorMs = performance.now() - t;
  rmSync(floor, { recursive: true, force: true });
}

const rows = [
  corpusRow,
  ["full build (wall)", s(buildMs)],
  ["– first step: validation, then the search records (Astro starts beside it where both fit in memory)", `${s(firstMs)} (${s(phase("validate"))} + ${s(phase("search-records"))})`],
  ["– pages (Astro) ‖ the API where both fit in memory, else the records' search index", `${s(pagesMs)}${recordsBesidePages ? ` (the records' index ${s(phase("search-records-index"))} beside)` : ""}`],
  ["– the search indexes ‖ the API (all of it: from the search records' end where the first step goes on to it, else from its own load)", `${s(lastMs)} (${recordsBesidePages ? "" : `records ${s(phase("search-records-index"))} ‖ `}pages ${s(phase("search"))} ‖ ${s(phase("exports"))})`],
  ["pages", `${html.length} (${(html.length / (buildMs / 1000)).toFixed(0)} pages/s over the whole build)`],
  ["files", `${all.length} (${(all.length / (buildMs / 1000)).toFixed(0)} files/s)`],
  ["output", `${mb(bytes)} (HTML ${mb(htmlBytes)})`],
  ["largest page", `${mb(largest.size)}: /${largest.f}`],
  ["JavaScript per template", Object.entries(jsPerTemplate).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KiB`).join(", ")],
  ...memoryRows(),
  ["load + validate in process", s(loadMs)],
  ["diff, all neighbouring years", `${s(diffMs)} (${changes} changes)`],
  ...(devTimes
    ? [
        ["dev server: start, first codelist page", `${s(devTimes.startMs)}, ${s(devTimes.firstPageMs)}`],
        ["dev server: edited codelist file shown on its page", `${Math.round(devTimes.medianMs)} ms (median of 3 edits; ${devTimes.reflectMs.map(Math.round).join(", ")} ms)`],
      ]
    : []),
  ...(floorMs ? [["floor (same pages and bytes, trivial template, pagefind)", s(floorMs)], ["ratio to the floor", `${(buildMs / floorMs).toFixed(2)}×`]] : []),
];
record(rows);
