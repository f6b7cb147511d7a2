import { validateAndReport, type ValidateOptions } from "../build/validate-step.ts";

/** `kostra validate`: every finding on its own line, a summary, exit 1 on errors. */
export async function runValidate(root: string, options: ValidateOptions = {}): Promise<number> {
  return (await validateAndReport(root, options)).code;
}
