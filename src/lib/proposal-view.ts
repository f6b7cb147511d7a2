import type { Change } from "./diff/change.ts";
import { diffRegistry } from "./diff/index.ts";
import { perRegistry } from "./per-registry.ts";
import type { Registry } from "./registry.ts";
import type { Meeting, Proposal } from "./schema/index.ts";

/** Every proposal's traced changes in its target year, by proposal id. */
const changesByProposal = perRegistry("changes-by-proposal", (registry) => {
  const index = new Map<string, Change[]>();
  const first = registry.reportingYears[0];
  const targetYears = new Set([...registry.proposals.values()].map((p) => p.data.targetYear).filter((y) => y > first));
  for (const year of targetYears) {
    for (const change of diffRegistry(registry, year - 1, year).changes) {
      for (const id of change.proposals) {
        if (registry.proposals.get(id)?.data.targetYear !== year) continue;
        const list = index.get(id) ?? [];
        if (list.at(-1) !== change) list.push(change);
        index.set(id, list);
      }
    }
  }
  return index;
});

/**
 * The changes a proposal declares that its target year's content carries out, computed from the
 * content of the year before and the target year, in the change set's order.
 */
export function proposalChanges(registry: Registry, proposal: Proposal): readonly Change[] {
  return changesByProposal(registry).get(proposal.id) ?? [];
}

/** The meetings that treat each proposal (in their agenda), by proposal id. */
const agendaMeetings = perRegistry("meetings-by-proposal", (registry) => {
  const index = new Map<string, Set<Meeting>>();
  for (const { data: m } of registry.meetings.values()) {
    for (const item of m.agenda) for (const id of item.proposals ?? []) index.set(id, (index.get(id) ?? new Set()).add(m));
  }
  return index;
});

/** The meetings that treated a proposal: in their agenda, or cited in its status history; by date. */
export function meetingsTreating(registry: Registry, proposal: Proposal): Meeting[] {
  const cited = new Set(proposal.history.map((h) => h.meeting));
  const agenda = agendaMeetings(registry).get(proposal.id);
  return [...registry.meetings.values()]
    .map((m) => m.data)
    .filter((m) => agenda?.has(m) || cited.has(m.id))
    .sort((a, b) => a.date.localeCompare(b.date));
}
