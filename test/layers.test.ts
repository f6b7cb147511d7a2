/**
 * The house's rule (docs/architecture.md, «Stages and what they may import»): every folder of
 * `src/lib/` is one stage, and a module imports only from its own stage or a lower one; the folders
 * import each other without a cycle; the core imports no Astro. A page or component may import any
 * of it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers.ts";

const LIB = join(REPO, "src", "lib");

/** The stages, lowest first: the same table as in docs/architecture.md. */
export const STAGES: readonly (readonly string[])[] = [
  ["text", "schema"],
  ["findings"],
  ["guard"],
  ["model"],
  ["load"],
  ["rules", "indicators", "cycle", "meetings", "sources", "kontrollprogram", "site", "diff", "proposals", "report", "check"],
  ["export", "search"],
  ["validate"],
  ["views", "docs", "review"],
  ["build", "serve"],
  ["cli"],
];

const stageOf = (folder: string) => STAGES.findIndex((s) => s.includes(folder));

/** Every relative import of a module, as `[from folder, to folder, line]`. */
export function importsOf(file: string, text: string): { from: string; to: string; spec: string }[] {
  const folderOf = (path: string) => relative(LIB, path).split(sep)[0];
  const found = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm)) {
    const target = normalize(join(dirname(file), m[1]));
    if (!target.startsWith(LIB + sep)) continue;
    found.push({ from: folderOf(file), to: folderOf(target), spec: `${relative(LIB, file)} → ${relative(LIB, target)}` });
  }
  return found;
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** Folder-level cycles in `edges` (each as a path `a → b → a`). */
export function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "open") {
      found.push([...path.slice(path.indexOf(node)), node].join(" → "));
      return;
    }
    state.set(node, "open");
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) visit(node, []);
  return found;
}

describe("src/lib: folders are stages, imports point downward", () => {
  const files = modules(LIB);
  const imports = files.flatMap((f) => importsOf(f, readFileSync(f, "utf8")));

  it("the root of src/lib holds at most three files, and every folder has a stage", () => {
    const entries = readdirSync(LIB, { withFileTypes: true });
    expect(entries.filter((e) => e.isFile()).length).toBeLessThanOrEqual(3);
    expect(entries.filter((e) => e.isDirectory() && stageOf(e.name) < 0).map((e) => e.name)).toEqual([]);
  });

  it("no module imports from a higher stage", () => {
    expect(imports.length).toBeGreaterThan(300);
    const upward = imports.filter((i) => i.from !== i.to && stageOf(i.to) > stageOf(i.from)).map((i) => i.spec);
    expect(upward).toEqual([]);
  });

  it("the folders import each other without a cycle", () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) if (i.from !== i.to) edges.set(i.from, (edges.get(i.from) ?? new Set()).add(i.to));
    expect(cycles(edges)).toEqual([]);
  });

  it("the core imports no Astro", () => {
    const astro = files.filter((f) => /\bfrom\s*["']astro(:|\/|["'])|import\(\s*["']astro/.test(readFileSync(f, "utf8")));
    expect(astro.map((f) => relative(LIB, f))).toEqual([]);
  });

  it("finds an upward import and a cycle in examples", () => {
    const file = join(LIB, "diff", "example.ts");
    expect(importsOf(file, `import { x } from "../views/home.ts";\nconst y = await import("../build/pipeline.ts");`).map((i) => i.to)).toEqual(["views", "build"]);
    expect(stageOf("views")).toBeGreaterThan(stageOf("diff"));
    expect(cycles(new Map([["a", new Set(["b"])], ["b", new Set(["a"])]]))).toEqual(["a → b → a"]);
    expect(cycles(new Map([["a", new Set(["b"])], ["b", new Set(["c"])]]))).toEqual([]);
  });
});
