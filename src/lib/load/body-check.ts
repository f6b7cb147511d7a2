import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * MDX bodies are compiled (with @mdx-js/mdx) to find syntax errors in one long-lived worker thread,
 * with a time budget per body: a body that takes longer is reported, the worker is terminated and a
 * fresh one takes the bodies still waiting. One worker for all bodies, not one each: 6,000 bodies
 * at KOSTRA scale, and starting a worker (loading the compiler) costs 0.3 s. The bodies asked for
 * are sent at once and compiled one after the other, beside the main thread's YAML parsing; the
 * worker writes which body it is on and since when to shared memory, and a watchdog here reads it,
 * so a busy main thread never leaves the worker waiting for the next body. The cheap checks of
 * body-budget.ts run first and refuse the shapes of text known to be slow; this budget bounds the rest.
 */

/** What compiling a body found. */
export type BodyCheck =
  | { ok: true }
  /** A syntax error, where the compiler placed it (line and column within the body). */
  | { ok: false; kind: "syntax"; reason: string; line?: number; column?: number }
  /** The compiler ran out of stack (nesting) or memory. */
  | { ok: false; kind: "resources"; reason: string }
  | { ok: false; kind: "timeout"; ms: number };

/**
 * How long one body may take to compile. Real bodies take milliseconds; 64 KB of ordinary Markdown
 * (the longest body allowed) about 1 s on this machine, the slowest shapes the limits of
 * body-budget.ts allow 2–3.6 s.
 */
let timeoutMs = 5_000;

/** Changes the time budget per body (tests); returns the previous one. */
export function setBodyCheckTimeout(ms: number): number {
  const before = timeoutMs;
  timeoutMs = ms;
  return before;
}

/** How long the worker may take to start and load the compiler. */
const START_MS = 60_000;
/** How often the watchdog looks at the body being compiled. */
const WATCH_MS = 50;

/** The worker's code: plain JavaScript, so that it needs no loader for TypeScript. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
// [id of the body being compiled (0: none), when it started (ms since 1970)]
const state = new BigInt64Array(workerData.state);
const queue = [];
let running = false;
import(workerData.mdx).then(
  ({ compile }) => {
    const run = async () => {
      running = true;
      while (queue.length) {
        const { id, body } = queue.shift();
        let result;
        Atomics.store(state, 1, BigInt(Date.now()));
        Atomics.store(state, 0, BigInt(id));
        try {
          await compile(body, { format: "mdx" });
          result = { ok: true };
        } catch (e) {
          const reason = String((e && (e.reason || e.message)) || e);
          if (e instanceof RangeError || /Maximum call stack|Invalid string length|Array buffer allocation/.test(reason)) {
            result = { ok: false, kind: "resources", reason };
          } else {
            const place = e && e.place && e.place.start ? e.place.start : e && e.place;
            result = { ok: false, kind: "syntax", reason, line: (place && place.line) || (e && e.line) || undefined, column: (place && place.column) || (e && e.column) || undefined };
          }
        }
        Atomics.store(state, 0, 0n);
        parentPort.postMessage({ id, result });
      }
      running = false;
    };
    parentPort.on("message", (job) => {
      queue.push(job);
      if (!running) void run();
    });
    parentPort.postMessage({ ready: true });
  },
  (e) => parentPort.postMessage({ failed: String((e && e.message) || e) }),
);
`;

interface Job {
  id: number;
  body: string;
  done: (result: BodyCheck) => void;
}

/** Bodies sent and not yet answered, in the order sent. */
const pending = new Map<number, Job>();
let nextId = 0;
let worker: Worker | undefined;
let state: BigInt64Array | undefined;
let ready = false;
let watchdog: ReturnType<typeof setInterval> | undefined;
/** Set when no worker can be started here: bodies are then compiled in this thread. */
let inThisThread = false;

/** Compiles a body within the time budget. */
export function compileBody(body: string): Promise<BodyCheck> {
  if (inThisThread) return compileHere(body);
  return new Promise<BodyCheck>((done) => {
    const job = { id: ++nextId, body, done };
    pending.set(job.id, job);
    watch();
    if (!worker) start();
    else if (ready) worker.postMessage({ id: job.id, body });
  });
}

/** Answers a body and forgets it. */
function finish(id: number, result: BodyCheck) {
  const job = pending.get(id);
  if (!job) return;
  pending.delete(id);
  job.done(result);
  if (!pending.size && watchdog) {
    clearInterval(watchdog);
    watchdog = undefined;
  }
}

/**
 * While bodies wait, the watchdog keeps the process alive (the idle worker does not) and ends a
 * compile that has run over its budget.
 */
function watch() {
  watchdog ??= setInterval(() => {
    if (!worker || !ready || !state) return;
    const id = Number(Atomics.load(state, 0));
    const since = Number(Atomics.load(state, 1));
    if (id && pending.has(id) && Date.now() - since > timeoutMs) replace(id, { ok: false, kind: "timeout", ms: timeoutMs });
  }, WATCH_MS);
}

/** Ends the worker, answers the body it was on, and gives the bodies still waiting to a fresh one. */
function replace(id: number, result: BodyCheck) {
  const old = worker;
  worker = undefined;
  ready = false;
  old?.removeAllListeners();
  old?.on("error", () => undefined);
  void old?.terminate();
  finish(id, result);
  if (pending.size) start();
}

function start() {
  const shared = new SharedArrayBuffer(16);
  let w: Worker;
  try {
    const mdx = pathToFileURL(createRequire(import.meta.url).resolve("@mdx-js/mdx")).href;
    // A worker's heap is limited on its own: a body that needs more ends that worker, not the validation.
    w = new Worker(WORKER_SOURCE, { eval: true, workerData: { mdx, state: shared }, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 512 } });
  } catch {
    return fallBack();
  }
  worker = w;
  state = new BigInt64Array(shared);
  ready = false;
  const startTimer = setTimeout(() => fallBack(), START_MS);
  startTimer.unref();
  const current = () => (state ? Number(Atomics.load(state, 0)) : 0);
  w.on("message", (m: { ready?: boolean; failed?: string; id?: number; result?: BodyCheck }) => {
    if (m.ready) {
      clearTimeout(startTimer);
      ready = true;
      for (const job of pending.values()) w.postMessage({ id: job.id, body: job.body });
    } else if (m.failed !== undefined) {
      clearTimeout(startTimer);
      fallBack();
    } else if (m.id !== undefined && m.result) finish(m.id, m.result);
  });
  const died = (reason: string) => {
    clearTimeout(startTimer);
    if (worker !== w) return;
    // Before it was ready, no worker can be had here; after, the body it was on ended it.
    if (!ready) return fallBack();
    const id = current();
    if (id && pending.has(id)) replace(id, { ok: false, kind: "resources", reason });
    else replace(0, { ok: true });
  };
  w.on("error", (e: Error) => died(e.message));
  w.on("exit", (code: number) => died(`the checker stopped (exit code ${code})`));
  // An idle worker never keeps the process alive; bodies waiting are kept by the watchdog. After
  // the listeners: a "message" listener refers the worker again.
  w.unref();
}

/** No worker can be started here: the bodies waiting, and all after them, are compiled in this thread. */
function fallBack() {
  inThisThread = true;
  const old = worker;
  worker = undefined;
  old?.removeAllListeners();
  old?.on("error", () => undefined);
  void old?.terminate();
  for (const job of [...pending.values()]) {
    pending.delete(job.id);
    void compileHere(job.body).then(job.done);
  }
  if (watchdog) clearInterval(watchdog);
  watchdog = undefined;
}

/** Where no worker can be started: compiled here, bounded only by the checks of body-budget.ts. */
async function compileHere(body: string): Promise<BodyCheck> {
  const { compile } = await import("@mdx-js/mdx");
  try {
    await compile(body, { format: "mdx" });
    return { ok: true };
  } catch (e) {
    const err = e as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message: string };
    const reason = String(err?.reason ?? err?.message ?? e);
    if (e instanceof RangeError) return { ok: false, kind: "resources", reason };
    const place = err.place && "start" in err.place && err.place.start ? err.place.start : err.place;
    return { ok: false, kind: "syntax", reason, line: (place as { line?: number } | undefined)?.line ?? err.line, column: (place as { column?: number } | undefined)?.column ?? err.column };
  }
}
