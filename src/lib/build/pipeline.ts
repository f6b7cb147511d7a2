import { spawn, type SpawnOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../load/content-root.ts";
import { removeLeftovers } from "./leftovers.ts";
import { lockOutput, OutputBusy } from "./output-lock.ts";
import { recoverSwap, swapIn } from "./output-swap.ts";
import { refusal } from "./refusals.ts";
import { passRedacted } from "./step-output.ts";
import { partSizes } from "../search/index-parts.ts";
import { joinSearchParts } from "./join-search-parts.ts";
import { contentChangeRefusal, fingerprintsOf } from "./content-unchanged.ts";
import { FINGERPRINTS_ENV } from "../load/fingerprint.ts";
import { contentBytes, fitsBesidePages } from "./overlap.ts";
import { API_YOUNG_GENERATION, FIRST_STEP_THEN_API, PAGES_BESIDE_API, stepFlags } from "./gc-flags.ts";
import { API_HOLDS_PERSONAL_DATA } from "../guard/output-check.ts";
import { placeholderNotice, SITE_ENV, siteAddress, type SiteAddress } from "../site/address.ts";
import { PREPARED } from "./prepared.ts";

/** Astro needs Node ≥ 22.12: the project's pinned Node when installed, else the one running us. */
function projectNode(): string {
  try {
    const pinned = join(dirname(createRequire(import.meta.url).resolve("node/package.json")), "bin", "node");
    if (existsSync(pinned)) return pinned;
  } catch {
    // Not installed (e.g. --omit=dev on a machine with a recent Node).
  }
  return process.execPath;
}

export interface BuildOptions {
  out?: string;
  /** Build even when the content root holds no content file. */
  allowEmpty?: boolean;
  /** Replace the output folder even when it holds files no build made (`refusals.ts`). */
  force?: boolean;
}

/** How a step's process ended: its exit status (1 when a signal ended it) and why, when it was killed. */
interface StepEnd {
  status: number;
  /** " (killed by SIGKILL: …)" when a signal ended it, else "". */
  killed: string;
  /** The check for personal data that failed, where that is why the step failed. */
  check?: string;
}

/** Runs one step in a child process; `told` hears what it sends over a channel of its own (`process.send`). */
export function runStep(command: string, args: string[], { told, ...options }: SpawnOptions & { told?: (message: unknown) => void } = {}): Promise<StepEnd> {
  return new Promise<StepEnd>((done) => {
    const child = spawn(command, [...stepFlags(command), ...args], { stdio: ["inherit", "pipe", "pipe", ...(told ? ["ipc" as const] : [])], ...options });
    if (told) child.on("message", told);
    // Absent where a caller chose other stdio, or the step never started.
    if (child.stdout) passRedacted(child.stdout, process.stdout);
    if (child.stderr) passRedacted(child.stderr, process.stderr);
    // A step stopped through `options.signal` ends with "exit" too; one that never started ends here.
    child.on("error", (e) => {
      if (e.name !== "AbortError") done({ status: 1, killed: ` (the step could not start: ${e.message})` });
    });
    // "close", not "exit": the step's last lines are passed on before the build goes on.
    child.on("close", (code, signal) =>
      done({
        status: code ?? 1,
        // The kernel's out-of-memory killer sends SIGKILL and leaves no message of the step's own.
        killed: signal ? ` (the step was killed by ${signal}${signal === "SIGKILL" ? ": most often the machine running out of memory; see docs/performance.md" : ""})` : "",
      }),
    );
  });
}

/** A step run as two processes side by side, each given its half ("0" or "1"); the first failure, else success. */
async function inHalves(start: (k: string) => Promise<StepEnd>): Promise<StepEnd> {
  const halves = await Promise.all(["0", "1"].map(start));
  return halves.find((h) => h.status !== 0) ?? halves[0];
}

/** Runs `bin/kostra.js` with these arguments as a step, Node given `nodeFlags` after the steps' own. */
const kostraStep = (args: string[], options: Parameters<typeof runStep>[2] = {}, nodeFlags: string[] = []) => runStep(process.execPath, [...nodeFlags, join(BUNDLED_CONTENT_ROOT, "bin", "kostra.js"), ...args], options);

/**
 * Runs steps side by side, each started with a signal that stops it. When one fails, the others
 * are stopped; the failure returned is the first, not the stops it caused.
 */
export async function sideBySide(steps: Record<string, (signal: AbortSignal) => Promise<StepEnd>>): Promise<{ name: string; end: StepEnd } | undefined> {
  const stop = new AbortController();
  let failed: { name: string; end: StepEnd } | undefined;
  await Promise.all(
    Object.entries(steps).map(async ([name, start]) => {
      const end = await start(stop.signal);
      if (end.status !== 0 && !failed) {
        failed = { name, end };
        stop.abort();
      }
    }),
  );
  return failed;
}

/**
 * `kostra build`: validate, build the pages with Astro, write the API, index the site for search.
 * Each step is a process of its own, so that the build's peak memory is that of its largest steps,
 * not their sum. Steps that do not need each other's output run side by side on this machine's two
 * cores, paired so that they fit in memory together: validation beside Astro's start, then the API
 * beside Astro, written by the first step's process from the content it validated (only where the
 * content is small enough for both, see `overlap.ts`), and the rest of it beside the search indexes
 * of the records and the pages (in parts of bounded size), side by side. Where the API does not fit
 * beside Astro, the records' index is built there instead, and the API, a step of its own, beside
 * the pages' index. Nothing is published when
 * validation fails, and a failed step leaves the output folder as it was.
 *
 * Around the steps: an output folder that overlaps the content or holds files no build made, or
 * content with no file, is refused before anything starts (`refusals.ts`); one build at a time
 * writes an output folder (`output-lock.ts`); what killed builds left is recovered or removed
 * first (`output-swap.ts`, `leftovers.ts`), and the complete site is marked as a build's
 * (`output-marker.ts`) and swapped in whole (`output-swap.ts`).
 */
export async function runBuild(root: string, options: BuildOptions = {}): Promise<number> {
  const out = resolve(options.out ?? join(BUNDLED_CONTENT_ROOT, "dist"));
  let refused: string | undefined;
  let site: SiteAddress;
  try {
    // Read now, not by the search steps minutes later: a wrong size should stop the build before it starts.
    partSizes();
    // The site's address, read once and handed to the pages and the API, so that both write the same one.
    site = siteAddress();
    refused = refusal(root, out, options);
  } catch (e) {
    refused = (e as Error).message;
  }
  if (refused) {
    process.stderr.write(`kostra build: ${refused}\n`);
    return 2;
  }
  if (site!.from === "placeholder") process.stdout.write(`kostra build: ${placeholderNotice()}\n`);
  await mkdir(dirname(out), { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockOutput(out);
  } catch (e) {
    if (!(e instanceof OutputBusy)) throw e;
    process.stderr.write(`kostra build: ${e.message}\n`);
    return 1;
  }
  try {
    await recoverSwap(out);
    await removeLeftovers(out, join(BUNDLED_CONTENT_ROOT, ".astro"));
    return await buildSteps(root, out, site!.url);
  } finally {
    await release();
  }
}

/** The steps, into working folders named by this build's pid, and the swap. */
async function buildSteps(root: string, out: string, site: string): Promise<number> {
  // Built beside the output and swapped in only when complete: a failed build never leaves a partial site.
  const partial = `${out}.partial-${process.pid}`;
  const staging = `${out}.staging-${process.pid}`;
  // Where the output is outside Astro's working folder, Astro bundles the pages' code into the
  // working folder's .astro/, which two builds at once (tests, a benchmark beside a build) overwrite
  // under each other. Each build gets a working folder of its own, inside the project so that the
  // bundle still finds node_modules.
  const astroCwd = join(BUNDLED_CONTENT_ROOT, ".astro", `build-${process.pid}`);
  const fail = async (message: string, status: number) => {
    await rm(astroCwd, { recursive: true, force: true });
    await rm(partial, { recursive: true, force: true });
    // A step stopped half-way leaves its scratch folder beside the site (`<partial>.search-pages-<pid>`).
    for (const name of await readdir(dirname(partial)).catch(() => [])) if (name.startsWith(`${basename(partial)}.`)) await rm(join(dirname(partial), name), { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
    process.stderr.write(`kostra build: ${message}\n`);
    return status;
  };
  const astroBin = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin", "astro.mjs");
  // MIMALLOC_PURGE_DELAY=0: the bundler's allocator (mimalloc, in Rolldown) returns freed memory at
  // once instead of keeping it resident through the page phase (about 0.2 GB on the small corpus).
  // KOSTRA_VALIDATED: the pages load the content without checks; validation runs in its own step,
  // and the pages are thrown away when it fails.
  const env: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: "0", ...process.env, KOSTRA_CONTENT_DIR: root, KOSTRA_OUT_DIR: partial, KOSTRA_VALIDATED: root, [FINGERPRINTS_ENV]: fingerprintsOf(staging), [SITE_ENV]: site };
  const stopPages = new AbortController();
  await mkdir(astroCwd, { recursive: true });
  // Astro's start (bundling, loading the content) needs no validated content: where memory allows,
  // it runs beside validation, on the other core.
  const besidePages = fitsBesidePages(contentBytes(root));
  const startPages = () => runStep(projectNode(), [...(besidePages ? PAGES_BESIDE_API : []), astroBin, "build", "--root", BUNDLED_CONTENT_ROOT], { cwd: astroCwd, env, signal: stopPages.signal });
  const early = besidePages ? startPages() : undefined;
  // Where memory allows, the first step goes on to write the API from the content it validated,
  // beside Astro and then beside the search indexes, and tells when validation and the search
  // records are done (`prepare-step.ts`). Else the API is a step of its own, after Astro.
  const stopApi = new AbortController();
  let prepared!: () => void;
  const toldPrepared = new Promise<StepEnd>((done) => (prepared = () => done({ status: 0, killed: "" })));
  const apiEnv = { env: { ...process.env, [SITE_ENV]: site } };
  const firstAndApi = besidePages
    ? kostraStep(["build-step", "prepare-then-api", "--content", root, staging], { ...apiEnv, signal: stopApi.signal, told: (m) => m === PREPARED && prepared() }, FIRST_STEP_THEN_API)
    : undefined;
  // The first step's end; where it goes on to the API, its message (or its exit, if it failed before).
  const step = firstAndApi ? await Promise.race([toldPrepared, firstAndApi]) : await kostraStep(["build-step", "prepare", "--content", root, staging]);
  if (step.status !== 0) {
    stopPages.abort();
    await early;
    return fail(step.killed ? `not building: the first step (validation, search records) did not finish${step.killed}` : "not building, validation failed", step.status);
  }
  const pages = early ?? startPages();
  let api: Promise<StepEnd> | undefined = firstAndApi;
  const startApi = () => (api ??= kostraStep(["build-step", "exports", "--content", root, staging], { ...apiEnv, signal: stopApi.signal }, API_YOUNG_GENERATION));
  // The records' search index needs no page: it is built beside Astro where the API is not, else
  // beside the pages' index.
  const startRecordsIndex = (signal: AbortSignal) => kostraStep(["build-step", "search-records", staging], { signal });

  let failed = await sideBySide({
    "building the pages": (signal) => {
      signal.addEventListener("abort", () => stopPages.abort());
      return pages;
    },
    ...(!besidePages && { "the search index of the records": startRecordsIndex }),
  });
  if (failed) {
    stopApi.abort();
    await api;
    return fail(`${failed.name} failed${failed.end.killed}; ${out} is left as it was`, failed.end.status);
  }

  // The last line of defence, the check of what would be published for anything personal: the
  // API's step checks each file as it writes it; the pages and their index are read as soon
  // as the index is written, in two halves. A hit anywhere stops the build.
  const SCAN = "the check of the built site for personal data";
  const apiEnd = (end: StepEnd): StepEnd => (end.status === API_HOLDS_PERSONAL_DATA ? { ...end, status: 1, check: `${SCAN} (the API)` } : end);
  // Where the API was built beside Astro, the records' index is built here, beside the pages'; the
  // two are joined when both are written, before the check reads them.
  let recordsIndexed: Promise<StepEnd> | undefined;
  failed = await sideBySide({
    ...(besidePages && { "the search index of the records": (signal: AbortSignal) => (recordsIndexed = startRecordsIndex(signal)) }),
    "the search index of the pages": async (signal) => {
      const end = await kostraStep(["build-step", "search", partial], { signal });
      if (end.status !== 0 || signal.aborted) return end;
      if ((await recordsIndexed)?.status || signal.aborted) return { status: 0, killed: "" };
      const joined = await joinSearchParts(partial, staging).then(
        () => undefined,
        (e: Error) => ({ status: 1, killed: ` (joining the search index's parts: ${e.message})` }),
      );
      if (joined) return joined;
      const halves = await inHalves((k) => kostraStep(["build-step", "scan", partial, staging, k, "2"], { signal }));
      return halves.status === 0 ? halves : { ...halves, check: SCAN };
    },
    "writing the API": (signal) => {
      signal.addEventListener("abort", () => stopApi.abort());
      return startApi().then(apiEnd);
    },
  });
  if (failed) {
    // Named for what failed: the step, or its check. A file edited after validation is the likelier
    // reason a check finds something, and the message names the file.
    const { check } = failed.end;
    const changed = check ? contentChangeRefusal(staging) : undefined;
    if (changed) return fail(`${changed}; ${out} is left as it was`, 1);
    return fail(`${check ? `not publishing: ${check}` : failed.name} failed${failed.end.killed}; ${out} is left as it was`, failed.end.status);
  }
  const changed = contentChangeRefusal(staging);
  if (changed) return fail(`${changed}; ${out} is left as it was`, 1);
  await mkdir(join(partial, "api"), { recursive: true });
  await rename(join(staging, "api", "v1"), join(partial, "api", "v1"));
  await rm(staging, { recursive: true, force: true });
  await rm(astroCwd, { recursive: true, force: true });
  await swapIn(partial, out);
  return 0;
}
