import { appendFileSync } from "node:fs";

/**
 * Appends a phase's wall time and the process's peak memory to the file named by KOSTRA_TIMINGS,
 * one JSON line each; the benchmark reads it. Does nothing otherwise.
 */
export function recordTiming(phase: string, ms: number): void {
  const file = process.env.KOSTRA_TIMINGS;
  if (!file) return;
  // With --expose-gc (the benchmark sets it), also what is still reachable: peak RSS alone does not
  // tell memory in use from garbage V8 has not collected yet.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const liveMB = gc ? Math.round(process.memoryUsage().heapUsed / 2 ** 20) : undefined;
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  const now = process.memoryUsage();
  // Where resident memory is now: the V8 heap (used or not) and memory outside it (buffers, native code).
  const rss = { rssMB: mb(now.rss), heapTotalMB: mb(now.heapTotal), externalMB: mb(now.external) };
  appendFileSync(file, JSON.stringify({ phase, ms: Math.round(ms), at: Date.now(), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...(liveMB !== undefined && { liveMB }), ...rss, pid: process.pid }) + "\n");
}
