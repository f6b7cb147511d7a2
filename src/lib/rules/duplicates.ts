/** The placeholder a duplicate rule fills besides the key's fields: how many occurrences share the key. */
export const GROUP_SIZE = "group.size";

/**
 * Finds the record occurrences that share a key (SSB's `Dubletter` rules: `groupBy` on the key
 * fields, every group of more than one), in one pass and linear time: only the first line of each
 * key is kept, and the lines of keys seen more than once.
 */
export class DuplicateFinder {
  readonly #first = new Map<string, number>();
  readonly #repeated = new Map<string, { values: string[]; lines: number[] }>();

  constructor(readonly key: readonly string[]) {}

  /** Notes one occurrence (its fields' text) at its line; a field it does not have is an error, thrown. */
  add(occurrence: Record<string, unknown>, line: number): void {
    const parts: string[] = [];
    for (const field of this.key) {
      const text = occurrence[field];
      if (typeof text !== "string") throw new Error(`no field ${field} to compare`);
      parts.push(text);
    }
    this.addKey(parts, line);
  }

  /** Notes one occurrence by the texts of its key's fields, in the key's order. */
  addKey(parts: string[], line: number): void {
    // Each value with its length before it: one short string per key, and no two keys alike.
    let key = "";
    for (const p of parts) key += `${p.length}:${p}`;
    const repeated = this.#repeated.get(key);
    if (repeated) repeated.lines.push(line);
    else {
      const first = this.#first.get(key);
      if (first === undefined) this.#first.set(key, line);
      else this.#repeated.set(key, { values: parts, lines: [first, line] });
    }
  }

  /**
   * The keys found more than once, in the order of their first line (as SSB's `groupBy` gives
   * them), each with its lines and the values its message is filled with: the key's fields by name
   * (as the file writes them) and `group.size`.
   */
  groups(): { lines: number[]; values: Record<string, string> }[] {
    return [...this.#repeated.values()]
      .sort((a, b) => a.lines[0] - b.lines[0])
      .map(({ values, lines }) => ({ lines, values: { ...Object.fromEntries(this.key.map((f, i) => [f, values[i]])), [GROUP_SIZE]: String(lines.length) } }));
  }
}
