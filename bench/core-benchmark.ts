/**
 * The core benchmark: npm run bench:core -- --scale small|kostra|10x
 * Generates the corpus and times what every build, page and CLI call rests on, in one process:
 * loading and validating the content, and diffing the whole registry across all neighbouring
 * years. Cheap enough to run at every scale, 10x included, so it gives the core's cost curve; it
 * writes its table into docs/performance.md.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PerformanceObserver } from "node:perf_hooks";
import { generateCorpus, SCALES, type Scale } from "./corpus.ts";
import { validateContent } from "../src/lib/validate/index.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import { diffRegistry } from "../src/lib/diff/index.ts";

const REPO = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({ options: { scale: { type: "string", default: "small" }, dir: { type: "string", default: "/tmp/kostra-bench" } } });
const scale = values.scale as Scale;
if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);
const content = join(values.dir!, `core-${scale}`, "content");
rmSync(join(values.dir!, `core-${scale}`), { recursive: true, force: true });
mkdirSync(content, { recursive: true });
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const heapMB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};

// Time spent in garbage collection, per phase: tells a phase that grows faster than the corpus
// because of its own work from one that grows because the collector has a larger heap to trace.
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ["gc"] });
// The observer hears of collections on a later turn of the event loop: let it, before reading.
const gcSince = async (from: number) => {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return gcMs - from;
};
const withGc = (ms: number, gc: number) => `${s(ms)} (of which GC ${s(gc)})`;

let t = performance.now();
const { files } = generateCorpus(content, scale);
const corpusMs = performance.now() - t;
console.log(`corpus: ${files} files in ${s(corpusMs)}`);

// Validation first, and its registry let go before loading again: at 10x the two together would
// not fit beside each other.
t = performance.now();
let gc0 = gcMs;
let validated: Awaited<ReturnType<typeof validateContent>> | undefined = await validateContent(content);
const validateMs = performance.now() - t;
const validateGc = await gcSince(gc0);
const validateRss = rssMB();
console.log(`load + validate: ${withGc(validateMs, validateGc)} (${validated.errors} errors, ${validated.warnings} warnings), peak RSS so far ${validateRss} MB`);
if (validated.errors) throw new Error(`the generated corpus has ${validated.errors} error(s), first: ${JSON.stringify(validated.findings.find((f) => f.severity === "error"))}`);
validated = undefined;

t = performance.now();
gc0 = gcMs;
const loaded = await loadContent(content);
const loadMs = performance.now() - t;
const loadGc = await gcSince(gc0);
const registryHeap = heapMB();
console.log(`load: ${withGc(loadMs, loadGc)}, heap after GC ${registryHeap} MB`);

const { registry } = loaded;
t = performance.now();
gc0 = gcMs;
let changes = 0;
for (const to of registry.reportingYears.slice(1)) changes += diffRegistry(registry, to - 1, to).changes.length;
const diffMs = performance.now() - t;
const diffGc = await gcSince(gc0);
const diffHeap = heapMB();
console.log(`diff of all neighbouring years: ${withGc(diffMs, diffGc)}, ${changes} changes, heap after GC ${diffHeap} MB`);

const rows = [
  ["corpus", `${files} files (${SCALES[scale].codelists} codelists, ${SCALES[scale].forms} forms, ${SCALES[scale].indicators} indicators, ${SCALES[scale].proposals} proposals, ${SCALES[scale].meetings} meetings), written in ${s(corpusMs)}`],
  ["load (parse, schemas, registry)", withGc(loadMs, loadGc)],
  ["load + every validation rule", withGc(validateMs, validateGc)],
  ["diff, all neighbouring years", `${withGc(diffMs, diffGc)}, ${changes} changes`],
  ["heap after GC: the registry / with the neighbouring diffs", `${registryHeap} MB / ${diffHeap} MB`],
  ["peak RSS of the process (validation's, then the load's)", `${validateRss} MB, then ${rssMB()} MB overall`],
];
const table = ["| measure | value |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
console.log(table);
const date = new Date().toISOString().slice(0, 10);
const section = `<!-- bench:core-${scale}:start -->\n#### core, ${scale}\n\n\`npm run bench:core -- --scale ${scale}\`, ${date}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.\n\n${table}\n<!-- bench:core-${scale}:end -->`;
const docPath = join(REPO, "docs/performance.md");
const doc = readFileSync(docPath, "utf8");
const re = new RegExp(`<!-- bench:core-${scale}:start -->[\\s\\S]*?<!-- bench:core-${scale}:end -->`);
writeFileSync(docPath, re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`);
rmSync(join(values.dir!, `core-${scale}`), { recursive: true, force: true });
