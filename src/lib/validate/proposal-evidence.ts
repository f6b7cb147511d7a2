import type { Registry } from "../model/registry.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";

/**
 * What a proposal says about itself must come from the sources, not from the registry's own edits
 * or from a meeting's date borrowed for a decision the source does not date:
 * - a recorded «gjennomført» needs `evidence` for the target year (a source other than the proposal);
 * - evidence that cites the proposal's own source is no evidence: it is the proposal again;
 * - a status change dated on the day of one of the group's meetings must cite that meeting; without
 *   it the date is the meeting's, not one the cited decision or document gives.
 */
export function checkProposalEvidence(registry: Registry): Finding[] {
  const findings: Finding[] = [];
  const meetingDays = new Map<string, string>();
  for (const { data: m } of registry.meetings.values()) meetingDays.set(`${m.workingGroup}|${m.date}`, m.id);
  for (const { data: p } of registry.proposals.values()) {
    const file = registry.originOf(p);
    if (!file) continue;
    const own = new Set([p.source].flat());
    p.history.forEach((h, i) => {
      if (h.status === "gjennomført" && !p.evidence?.some((e) => e.year === p.targetYear)) {
        findings.push(findingAt(file, ["history", i, "status"], `recorded as gjennomført, but no evidence shows the change in ${p.targetYear}`, `evidence: [{ year: ${p.targetYear}, shows: …, source: a schema, file description or report other than the proposal }]`));
      }
      const meeting = meetingDays.get(`${p.workingGroup}|${h.date}`);
      if (h.meeting === undefined && meeting !== undefined) {
        findings.push(findingAt(file, ["history", i, "date"], `dated ${h.date}, the day of meeting ${meeting}, without citing it: the note's decision or document does not give that date`, `meeting: ${meeting} if the meeting made the change, or the date the cited document gives (a year alone, YYYY, where it gives no day)`));
      }
    });
    p.evidence?.forEach((e, i) => {
      const cited = [e.source].flat();
      if (cited.every((s) => own.has(s))) findings.push(findingAt(file, ["evidence", i, "source"], "evidence cites the proposal's own source, which is the proposal, not a sign that the change was made", "a later schema, file description, form or report that shows the change"));
    });
  }
  return findings;
}
