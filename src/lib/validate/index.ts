import { loadContent, type SharedLoads } from "../load/load-content.ts";
import type { Registry } from "../model/registry.ts";
import { checkCodes } from "./codes.ts";
import { checkReferences } from "./references.ts";
import { checkVersions } from "./versions.ts";
import { checkTraceability } from "./traceability.ts";
import { checkForms } from "./forms.ts";
import { checkCodelistNumbers } from "./codelist-numbers.ts";
import { checkLifecycle } from "./lifecycle.ts";
import { checkProposalEvidence } from "./proposal-evidence.ts";
import { checkReportThemes } from "./report-themes.ts";
import { checkSafety } from "./safety.ts";
import { checkRenderedBodies } from "./rendered-text.ts";
import { checkPublished } from "./published.ts";
import { checkPublishedHistory } from "./published-history.ts";
import { guardFile, guardNames } from "../guard/personal-data.ts";
import { readAllowedNumbers } from "./allowed-numbers.ts";
import { sortFindings, type Finding } from "../findings/finding.ts";
import type { Fingerprint } from "../load/fingerprint.ts";

export interface ValidationResult {
  registry: Registry;
  findings: Finding[];
  errors: number;
  warnings: number;
  files: number;
  /** What could not be checked, one line each (published years without git history). */
  notes: string[];
  /** Every file read, with the SHA-256 of the bytes checked. */
  fingerprint: Fingerprint;
  /** The numbers recorded as not personal (content/allowed-numbers.yaml), as digits. */
  allowed: ReadonlySet<string>;
}

/** Loads a content root and runs every rule family; all findings, sorted by file and line. */
export async function validateContent(root: string, options: { skipPublishedYear?: number; shared?: SharedLoads } = {}): Promise<ValidationResult> {
  // The personal-data guard reads every file as written, also those that fail their schema.
  const { allowed, findings: allowListFindings } = await readAllowedNumbers(root);
  const { registry, loaded, failed, findings, fingerprint } = await loadContent(root, { inspect: (file) => guardFile(file, allowed), shared: options.shared });
  findings.push(...allowListFindings, ...guardNames([...loaded.map((l) => l.found.path), ...failed.map((f) => f.path), ...findings.map((f) => f.file)], allowed));
  // Files that failed to load report their own errors; references to them are not reported again.
  const broken = new Set(failed.map((f) => `${f.kind}:${f.id}`));
  findings.push(...checkVersions(registry, broken), ...checkCodes(registry, broken), ...checkReferences(registry, broken), ...checkForms(registry), ...checkCodelistNumbers(registry), ...checkLifecycle(registry), ...checkProposalEvidence(registry), ...checkReportThemes(registry), ...checkSafety(loaded), ...checkRenderedBodies(loaded, allowed));
  // Traceability compares years, which only means something when the content itself is sound.
  if (!findings.some((f) => f.severity === "error")) findings.push(...checkTraceability(registry), ...checkPublished(registry, options.skipPublishedYear));
  // Each published year's lock against the repository's history, which the lock alone cannot guard.
  const history = checkPublishedHistory(root, registry);
  findings.push(...history.findings);
  const sorted = sortFindings(findings);
  const errors = sorted.filter((f) => f.severity === "error").length;
  return { registry, findings: sorted, errors, warnings: sorted.length - errors, files: loaded.length, notes: history.notes, fingerprint, allowed };
}
