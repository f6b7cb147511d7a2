import { ChunkDecoder, sniff, SNIFF_BYTES, type Encoding } from "./decode.ts";
import { FixedWidthChecker } from "./fixed-width.ts";
import { LineSplitter } from "./lines.ts";
import type { CheckPlan } from "./plan.ts";
import { ProblemList, verdictOf, type CheckReport } from "./report.ts";
import { XmlChecker } from "./xml.ts";

/** How far the check has come: bytes read, of `totalBytes` when the caller knows the size. */
export interface CheckProgress {
  bytesRead: number;
  totalBytes?: number;
  lines: number;
  problems: number;
}

export interface CheckOptions {
  /** Called after each chunk. */
  onProgress?: (progress: CheckProgress) => void;
  /** Most problems listed (all are counted); default 1000. */
  maxProblems?: number;
  /** The file's size, when known, for the progress. */
  totalBytes?: number;
  /**
   * The values the portal sends with the file (`kommunenummer`, `preutfylt` …), as CEL variables.
   * For an XML extract, those not given are taken from the file's own single records (`Avgiver`:
   * `kommunenummer` from `Kommunenummer`).
   */
  portal?: Record<string, unknown>;
}

/**
 * Checks one file of a form against the plan for a reporting year and reports every problem (see
 * `CheckReport`). Reads the chunks once, as they come, in bounded memory: no file system, no
 * registry, so it runs as well in a Web Worker as in the CLI (`plan` and the report are plain JSON).
 */
export async function checkFile(plan: CheckPlan, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CheckOptions = {}): Promise<CheckReport> {
  const problems = new ProblemList(options.maxProblems ?? 1000);
  const portal = { ...(options.portal ?? {}) };
  let bytesRead = 0;
  let encoding: Encoding | undefined;
  let decoder: ChunkDecoder | undefined;
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;

  const xml = plan.layout === "xml" ? new XmlChecker(plan, problems, portal) : undefined;
  const fixed = plan.layout === "fixed-width" ? new FixedWidthChecker(plan, problems, portal) : undefined;
  const splitter = new LineSplitter(fixed?.maxLineLength ?? 0, (n, text, length) => fixed!.line(n, text, length));
  let xmlLines = 0;
  let stop = false;

  const feed = (text: string) => {
    if (fixed) splitter.push(text);
    else {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) xmlLines++;
      xml!.write(text);
      if (xml!.stopped) stop = true;
    }
  };

  const start = (sample: Uint8Array): boolean => {
    const sniffed = sniff(sample);
    if (sniffed.kind === "empty") {
      problems.fatal("fil", `Filen er tom (eller har bare blanke tegn): dette er ikke en ${plan.number}-fil.`);
      return false;
    }
    if (sniffed.kind === "binary") {
      problems.fatal("fil", `Filen er ikke en tekstfil (${sniffed.reason}): dette er ikke en ${plan.number}-fil.`);
      return false;
    }
    encoding = sniffed.encoding;
    decoder = new ChunkDecoder(sniffed.encoding, (message) => problems.add({ severity: "ERROR", control: "tegnkoding", message }), sniffed.invalid);
    return true;
  };

  const joined = () => {
    const all = new Uint8Array(pendingBytes);
    let at = 0;
    for (const p of pending) {
      all.set(p, at);
      at += p.length;
    }
    pending.length = 0;
    return all;
  };

  for await (const chunk of chunks) {
    bytesRead += chunk.length;
    if (!decoder) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= SNIFF_BYTES) {
        const sample = joined();
        if (!start(sample)) break;
        feed(decoder!.decode(sample));
      }
    } else feed(decoder.decode(chunk));
    options.onProgress?.({ bytesRead, totalBytes: options.totalBytes, lines: fixed ? splitter.lines : xmlLines, problems: problems.problems.length });
    if (stop) break;
  }
  if (!decoder && !problems.unreadable) {
    const sample = joined();
    if (start(sample)) feed(decoder!.decode(sample));
  }
  if (decoder && !stop) {
    feed(decoder.end());
    if (fixed) splitter.end();
  }
  if (decoder) {
    if (fixed) fixed.end(splitter.lines);
    else xml!.end();
  }
  const lines = fixed ? splitter.lines : xmlLines + (bytesRead > 0 ? 1 : 0);
  return {
    form: plan.form,
    number: plan.number,
    year: plan.year,
    versionYear: plan.versionYear,
    verdict: verdictOf(problems.counts),
    readable: !problems.unreadable,
    ...(encoding ? { encoding } : {}),
    bytes: bytesRead,
    lines,
    records: fixed ? lines : xml!.records,
    counts: problems.counts,
    perControl: problems.perControl,
    problems: problems.problems,
    truncated: problems.truncated,
  };
}
