import { readdirSync, readFileSync } from "node:fs";

/** What the machine holds for a process tree at its peak: the sum over all its processes. */
export interface TreePeak {
  /** The largest sum of resident memory of the root and all its descendants, sampled. */
  peakMB: number;
  /** When that was, in ms since the epoch (to place it in a phase). */
  at: number;
  /** The processes at that moment, largest first: command name and resident MB. */
  processes: { command: string; rssMB: number }[];
}

const PAGE_BYTES = 4096;

/** The command line without Node's flags, paths shortened to their last part: "node kostra.js build-step prepare …". */
function commandOf(pid: string): string | undefined {
  const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  // Every step's Node starts with the same collector flags (src/lib/build/gc-flags.ts); the script after them names the step.
  let flags = 0;
  while (args[0]?.endsWith("node") && /^--[\w-]+(=\S*)?$/.test(args[1 + flags] ?? "")) flags++;
  args.splice(1, flags);
  return args.length ? args.slice(0, 4).map((a) => a.split("/").at(-1)).join(" ") : undefined;
}

function readProcesses(): { pid: number; ppid: number; command: string; rssMB: number }[] {
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command is in parentheses and may hold spaces: the fields after it are positional.
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      const rssPages = Number(fields[21]);
      out.push({ pid: Number(name), ppid: Number(fields[1]), command: commandOf(name) ?? stat.slice(stat.indexOf("(") + 1, close), rssMB: Math.round((rssPages * PAGE_BYTES) / 2 ** 20) });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/**
 * Samples the resident memory of a process tree every `everyMs` until stopped. GNU time and
 * `resourceUsage()` give the peak of one process; a build whose search indexer runs beside Node
 * needs the sum, which is what the machine must have.
 */
export function sampleTreeMemory(rootPid: number, everyMs = 200): { stop(): TreePeak } {
  let peak: TreePeak = { peakMB: 0, at: Date.now(), processes: [] };
  const sample = () => {
    const all = readProcesses();
    const tree = new Set([rootPid]);
    // Parents may be listed after their children: repeat until no process joins.
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) tree.add(p.pid), (grew = true);
    }
    const members = all.filter((p) => tree.has(p.pid));
    const total = members.reduce((n, p) => n + p.rssMB, 0);
    if (total > peak.peakMB) peak = { peakMB: total, at: Date.now(), processes: members.map(({ command, rssMB }) => ({ command, rssMB })).sort((a, b) => b.rssMB - a.rssMB) };
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
