import { Environment } from "@marcbachmann/cel-js";

/**
 * The CEL environment controls are written for. Only standard CEL: no custom functions, so vendors
 * can run the same expressions with cel-java, cel-dotnet or cel-python. Variables are dynamic (the
 * form's data decides their shape); limits keep hostile expressions bounded.
 */
export function celEnvironment(): Environment {
  return new Environment({
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: 5000, maxDepth: 100, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 },
  });
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
