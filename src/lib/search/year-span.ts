// No Node imports: the search page may read this too.

/**
 * The years a code applies, as a search hit shows them: runs of consecutive years joined by «–»,
 * and a run reaching the last year there is left open («2023–»), since the code is still in force.
 * `[2018, 2019, 2020, 2021, 2022]` → «2018–2022»; `[2023, 2024]` with last 2024 → «2023–».
 */
export function yearSpan(years: readonly number[], last: number): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const run = runs.at(-1);
    if (run && y === run[1] + 1) run[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([from, to]) => (to === last ? `${from}–` : from === to ? String(from) : `${from}–${to}`)).join(", ");
}
