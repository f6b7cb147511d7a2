import { describe, expect, it } from "vitest";
import { parseYamlText } from "../src/lib/load/yaml-text.ts";

const text = [
  "source: bench",
  "sections:",
  "  - id: del-1",
  "    fields:",
  '      - { id: felt-1, label: "A" }',
  '      - { id: felt-10, label: "B" }',
  "      - id: 'felt-2'",
  '        label: "C"',
  '      - { id: "felt-3", kode: felt-4 }',
  "controls:",
  '  - { id: k-1, expression: "felt-1 > 0" }',
  '  - { id: k-1, expression: "felt-2 > 0" }',
  "",
].join("\n");

describe("finding where an entry is written, without parsing for positions", () => {
  const { file } = parseYamlText(text, "content/forms/f/2020.yaml", 0);

  it("finds a plain, a single-quoted and a double-quoted value at its key, on the line the positional parse gives", () => {
    expect(file.locateEntry!("id", "felt-1")).toEqual({ line: 5, column: 11 });
    expect(file.locateEntry!("id", "felt-2")).toEqual({ line: 7, column: 9 });
    expect(file.locateEntry!("id", "felt-3")).toEqual({ line: 9, column: 11 });
    expect(file.locateEntry!("id", "del-1")).toEqual({ line: 3, column: 5 });
    for (const [id, path] of [["felt-1", ["sections", 0, "fields", 0]], ["felt-2", ["sections", 0, "fields", 2]], ["felt-3", ["sections", 0, "fields", 3]]] as const) {
      expect(file.locateEntry!("id", id)!.line).toBe(file.locate(path).line);
    }
  });

  it("does not take a longer value, another key ending the same way, or a value in running text", () => {
    expect(file.locateEntry!("id", "felt-10")).toEqual({ line: 6, column: 11 });
    expect(file.locateEntry!("ode", "felt-4")).toBeUndefined();
    expect(file.locateEntry!("id", "felt-4")).toBeUndefined();
  });

  it("gives nothing for an entry written twice, so the caller parses for the right one", () => {
    expect(file.locateEntry!("id", "k-1")).toBeUndefined();
  });

  it("counts lines from the front matter's offset", () => {
    expect(parseYamlText(text, "changes/p.mdx", 2).file.locateEntry!("id", "felt-2")).toEqual({ line: 9, column: 9 });
  });
});
