import { appendFileSync } from "node:fs";

/**
 * Appends a phase's wall time and the process's peak memory to the file named by KOSTRA_TIMINGS,
 * one JSON line each; the benchmark reads it. Does nothing otherwise.
 */
export function recordTiming(phase: string, ms: number): void {
  const file = process.env.KOSTRA_TIMINGS;
  if (!file) return;
  appendFileSync(file, JSON.stringify({ phase, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), pid: process.pid }) + "\n");
}
