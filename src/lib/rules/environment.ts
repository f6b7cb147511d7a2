import { Environment } from "@marcbachmann/cel-js";
import { intOrZero } from "./kotlin-values.ts";

/** Orders CEL values as the lists extension's `sort()` does: numbers, strings (and bools) by value. */
const compare = (a: unknown, b: unknown) => (a! < b! ? -1 : a! > b! ? 1 : 0);

/**
 * The CEL environment controls are written for: standard CEL with the strings extension (`trim`,
 * `join` …), two functions of the lists extension (`distinct()`, `sort()`, as cel-go's `ext.Lists`
 * version 2 has them) and one function of the registry's own, `intOrZero(string)`: a field's text as
 * SSB's rules read a number (`fieldAsIntOrDefault`; `kotlin-values.ts`), which vendors register
 * with cel-java, cel-dotnet or cel-python as docs/forms-and-controls.md defines it. Variables are
 * dynamic (the form's data decides their shape); limits keep hostile expressions bounded.
 */
export function celEnvironment(): Environment {
  return new Environment({
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: 5000, maxDepth: 100, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 },
  })
    .registerFunction("intOrZero(string): int", (text: string) => BigInt(intOrZero(text)))
    .registerFunction("list<A>.distinct(): list<A>", (list: unknown[]) => [...new Set(list)])
    .registerFunction("list<A>.sort(): list<A>", (list: unknown[]) => [...list].sort(compare));
}

const env = celEnvironment();
const compiled = new Map<string, ReturnType<Environment["parse"]>>();

/** Parses once per expression; throws a readable error for invalid CEL. */
export function compileExpression(expression: string): ReturnType<Environment["parse"]> {
  let fn = compiled.get(expression);
  if (!fn) {
    fn = env.parse(expression);
    compiled.set(expression, fn);
  }
  return fn;
}

/** The parse error of an expression, or undefined when it is valid CEL. */
export function expressionError(expression: string): string | undefined {
  try {
    compileExpression(expression);
    return undefined;
  } catch (e) {
    return (e as Error).message.split("\n")[0];
  }
}
