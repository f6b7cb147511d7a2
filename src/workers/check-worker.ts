/**
 * The browser's file check (`«Sjekk en fil»` on a form-year page), in a Web Worker: the chosen file
 * is read here, on the user's machine, chunk by chunk, and checked with the same engine as
 * `kostra check` (`src/lib/check`). The only request is for the plan(s), from the site's own origin;
 * the file is never sent anywhere.
 */
import { checkFile } from "../lib/check/check-file.ts";
import { compareReports } from "../lib/check/next-year.ts";
import type { CheckPlan } from "../lib/check/plan.ts";
import type { CheckReport } from "../lib/check/report.ts";

export interface CheckRequest {
  file: File;
  planUrl: string;
  /** Also check against the year after: its plan. */
  nextPlanUrl?: string;
  maxProblems: number;
}

export type CheckMessage =
  | { kind: "progress"; pass: 1 | 2; passes: 1 | 2; bytesRead: number; totalBytes: number; lines: number }
  | { kind: "done"; report: CheckReport; titles: Record<string, string>; later?: { report: CheckReport; comparison: ReturnType<typeof compareReports> } }
  | { kind: "failed"; message: string };

const post = (message: CheckMessage) => (self as unknown as Worker).postMessage(message);

async function* chunks(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function plan(url: string): Promise<CheckPlan> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`Reglene kunne ikke hentes (${response.status}).`);
  return (await response.json()) as CheckPlan;
}

async function run(request: CheckRequest, pass: 1 | 2, passes: 1 | 2, checked: CheckPlan): Promise<CheckReport> {
  let last = 0;
  return checkFile(checked, chunks(request.file), {
    maxProblems: request.maxProblems,
    totalBytes: request.file.size,
    onProgress: (p) => {
      const now = Date.now();
      if (now - last < 100 && p.bytesRead < request.file.size) return;
      last = now;
      post({ kind: "progress", pass, passes, bytesRead: p.bytesRead, totalBytes: request.file.size, lines: p.lines });
    },
  });
}

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  try {
    const [thisYear, nextYear] = await Promise.all([plan(request.planUrl), request.nextPlanUrl ? plan(request.nextPlanUrl) : undefined]);
    const passes = nextYear ? 2 : 1;
    const report = await run(request, 1, passes, thisYear);
    const titles = Object.fromEntries((thisYear.version.controls ?? []).map((c) => [c.id, c.title]));
    if (!nextYear) return post({ kind: "done", report, titles });
    const later = await run(request, 2, passes, nextYear);
    post({ kind: "done", report, titles, later: { report: later, comparison: compareReports(report, later, nextYear.changes ?? []) } });
  } catch (e) {
    post({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
  }
};
