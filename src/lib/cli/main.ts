import { parseArgs } from "node:util";
import { resolveContentRoot } from "../load/content-root.ts";

const HELP = `kostra — the KOSTRA registry's command line

Usage:
  npx kostra validate [--content DIR] [--strict] [--format text|json]
      Check every content file: schemas, duplicate codes, references, versions, YAML and MDX.
      Prints file:line:column for each problem; exits 1 on any error (with --strict, on any warning too).
  npx kostra diff <from> <to> [--content DIR] [--format text|json|kontrollprogram] [--form ID]
      The changes between any two reporting years: typed, classified for senders and consumers,
      traced to the change proposals that justify them (JSON: docs/change-classes.md). --form keeps
      one form's changes; --format kontrollprogram (with --form, a fixed-width file extract) writes
      them as SSB's control program writes its changelog (Markdown).
  npx kostra publish <year> [--content DIR] [--date YYYY-MM-DD]
      Freeze a published reporting year: records the SHA-256 of every export of that year in
      content/published/<year>.json. From then on validate fails when any of them changes.
  npx kostra publish <year> --correct --what "…" --why "…" --decision "…"
      Record a correction (erratum) of a published year, with the files it changes.
  npx kostra build [--content DIR] [--out DIR] [--allow-empty] [--force]
      Validate, then build the site and its exports into DIR (default dist/). The new site replaces
      the old one whole; one build at a time per DIR. DIR may not hold the content root nor lie in
      its codelists/, content/ or changes/. DIR must be missing, empty or a site an earlier build
      made (it holds .kostra-build): a folder of other files is refused unless --force is given.
      A content root with no content file is refused unless --allow-empty is given.
  npx kostra serve [--out DIR] [--port 4321] [--host 127.0.0.1]
      Serve a built site (default dist/) with the headers of its _headers file, and KLASS's query
      API under /api/klass/v1/ for klassR and ssb-klass-python (docs/api.md). Loopback by default.
  npx kostra import kontrollprogram <file_description_*.yaml>… [--content DIR] [--working-group ID]
      Import SSB's control-program file descriptions: writes content/forms/<id>/<year>.yaml (and
      form.yaml, with --working-group, for a new form) citing each file; prints what it wrote.
  npx kostra review [--base REF] [--format text|markdown|json] [--fail-on breaking|unjustified|error]
                   [--site-url URL] [--today YYYY-MM-DD]
      What the work tree changes against its base (default: the merge base with the default
      branch), year by year: typed, classed and traced as by diff; a published year changed
      without a correction is an error, a removal without notice a warning (docs/review.md).
      Exit 1 when the gate fails (default: on errors); refuses a shallow clone.
  npx kostra propose <id> --group ID --year YEAR --title "…" [--base REF]
      Draft changes/<id>.mdx (status fremmet) declaring every change the branch makes to YEAR,
      with the justification headings the working group fills in.
  npx kostra check <file> --form ID --year YEAR [--format text|json] [--max-problems N]
                  [--next | --compare-year YEAR]
      Check an extract (15F XML, 52AF, 55F, regnskap … fixed-width) against the form version in
      force that year: record length, fields, codes of the year, structure, controls. Prints
      SSB's verdict (FEIL, ADVARSEL, OK) and each problem; personal numbers are never printed.
      Exit 0 no errors, 1 errors, 2 the file could not be read as that form's file.
      --next checks the same file against next year's rules too and lists the problems that are
      new, each with the change to the form that causes it (--compare-year: another later year);
      exit 1 when either year finds errors.
      Example: npx kostra check barnevern.xml --form 15f --year 2024 --format json
  npx kostra docs
      Regenerate the field reference in docs/content-format.md from the zod schemas.

Options:
  --content DIR   content root holding codelists/, content/ and changes/
                  (default: KOSTRA_CONTENT_DIR, else the bundled content)
  -h, --help      show this help
`;

/** Runs a command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      options: {
        content: { type: "string" },
        strict: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        out: { type: "string" },
        "allow-empty": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        correct: { type: "boolean", default: false },
        what: { type: "string" },
        why: { type: "string" },
        decision: { type: "string" },
        date: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        "working-group": { type: "string" },
        form: { type: "string" },
        base: { type: "string" },
        "fail-on": { type: "string" },
        "site-url": { type: "string" },
        today: { type: "string" },
        group: { type: "string" },
        year: { type: "string" },
        title: { type: "string" },
        "max-problems": { type: "string" },
        next: { type: "boolean", default: false },
        "compare-year": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    process.stderr.write(`kostra: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let root: string;
  try {
    root = resolveContentRoot(args.values.content);
  } catch (e) {
    process.stderr.write(`kostra: ${(e as Error).message}\n`);
    return 2;
  }
  // Each command loads only its own modules: `kostra build` and its search step wait beside
  // pagefind's index, the build's memory peak, and need none of the rest.
  switch (command) {
    case "validate":
      return (await import("./validate-command.ts")).runValidate(root, { strict: args.values.strict, format: args.values.format });
    case "diff":
      return (await import("./diff-command.ts")).runDiff(root, args.positionals, args.values.format, args.values.form);
    case "publish":
      return (await import("./publish-command.ts")).runPublish(root, args.positionals, { correct: args.values.correct, what: args.values.what, why: args.values.why, decision: args.values.decision, date: args.values.date });
    case "import":
      return (await import("./import-command.ts")).runImport(root, args.positionals, { workingGroup: args.values["working-group"] });
    case "docs":
      return (await import("./docs-command.ts")).runDocs();
    case "check":
      return (await import("./check-command.ts")).runCheck(root, args.positionals, { form: args.values.form, year: args.values.year, format: rest.some((a) => a === "--format" || a.startsWith("--format=")) ? args.values.format : undefined, maxProblems: args.values["max-problems"], next: args.values.next, compareYear: args.values["compare-year"] });
    case "review":
      return (await import("./review-command.ts")).runReviewCommand(root, { base: args.values.base, format: rest.some((a) => a === "--format" || a.startsWith("--format=")) ? args.values.format : undefined, failOn: args.values["fail-on"], siteUrl: args.values["site-url"] ?? (await import("../site/address.ts")).configuredSite(), today: args.values.today });
    case "propose":
      return (await import("./propose-command.ts")).runPropose(root, args.positionals, { group: args.values.group, year: args.values.year, title: args.values.title, base: args.values.base, today: args.values.today });
    case "serve":
      return (await import("./serve-command.ts")).runServe({ out: args.values.out, port: args.values.port, host: args.values.host });
    case "build":
      return (await import("../build/pipeline.ts")).runBuild(root, { out: args.values.out, allowEmpty: args.values["allow-empty"], force: args.values.force });
    // The steps `kostra build` runs each in a process of its own; not meant to be called by hand.
    case "build-step": {
      const [step, ...paths] = args.positionals;
      if (step === "prepare" && paths.length === 1) return (await import("../build/prepare-step.ts")).prepareStep(root, paths[0]);
      if (step === "prepare-then-api" && paths.length === 1) return (await import("../build/prepare-step.ts")).prepareStep(root, paths[0], { thenApi: true });
      if (step === "exports" && paths.length === 1) return (await import("../build/exports-step.ts")).exportsStep(root, paths[0]);
      if (step === "search-records" && paths.length === 1) return (await import("../build/search-step.ts")).searchRecordsStep(paths[0]);
      if (step === "search" && paths.length === 1) return (await import("../build/search-step.ts")).searchStep(paths[0]);
      if (step === "scan" && paths.length === 4) return (await import("../build/scan-step.ts")).scanStep(paths[0], paths[1], Number(paths[2]), Number(paths[3]));
      process.stderr.write(`kostra build-step: expected "prepare <staging>", "prepare-then-api <staging>", "exports <staging>", "search-records <staging>", "search <dist>" or "scan <dist> <staging> <k> <n>"\n`);
      return 2;
    }
    default:
      process.stderr.write(`kostra: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}
