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

let t = performance.now();
const { files } = generateCorpus(content, scale);
const corpusMs = performance.now() - t;
console.log(`corpus: ${files} files in ${s(corpusMs)}`);

t = performance.now();
const loaded = await loadContent(content);
const loadMs = performance.now() - t;
const registryHeap = heapMB();
console.log(`load: ${s(loadMs)}, heap after GC ${registryHeap} MB`);

t = performance.now();
const validated = await validateContent(content);
const validateMs = performance.now() - t;
const validateRss = rssMB();
console.log(`load + validate: ${s(validateMs)} (${validated.errors} errors, ${validated.warnings} warnings), peak RSS so far ${validateRss} MB`);

const { registry } = loaded;
t = performance.now();
let changes = 0;
for (const to of registry.reportingYears.slice(1)) changes += diffRegistry(registry, to - 1, to).changes.length;
const diffMs = performance.now() - t;
const diffHeap = heapMB();
console.log(`diff of all neighbouring years: ${s(diffMs)}, ${changes} changes, heap after GC ${diffHeap} MB`);

const rows = [
  ["corpus", `${files} files (${SCALES[scale].codelists} codelists, ${SCALES[scale].forms} forms, ${SCALES[scale].indicators} indicators, ${SCALES[scale].proposals} proposals, ${SCALES[scale].meetings} meetings), written in ${s(corpusMs)}`],
  ["load (parse, schemas, registry)", s(loadMs)],
  ["load + every validation rule", s(validateMs)],
  ["diff, all neighbouring years", `${s(diffMs)} (${changes} changes)`],
  ["heap after GC: the registry / with the neighbouring diffs", `${registryHeap} MB / ${diffHeap} MB`],
  ["peak RSS of the process", `${rssMB()} MB`],
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
