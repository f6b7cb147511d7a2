import type { Change } from "../diff/change.ts";
import { compareText, diffRegistry, itemDiffer } from "../diff/index.ts";
import { declaredItems, proposalNotCarriedOut } from "../diff/trace.ts";
import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import type { ComputedStatus, Meeting, Proposal } from "../schema/index.ts";

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
  // From the agenda index and the cited ids, not a walk over every meeting: this runs on each of
  // 4,500 proposal pages at KOSTRA scale, beside 1,500 meetings (6 s of the page phase).
  const found = new Set(agendaMeetings(registry).get(proposal.id));
  for (const h of proposal.history) {
    const cited = h.meeting !== undefined ? registry.meetings.get(h.meeting)?.data : undefined;
    if (cited) found.add(cited);
  }
  return [...found].sort((a, b) => a.date.localeCompare(b.date) || compareText(a.id, b.id));
}

/** The states of `ComputedStatus` as the site names them in lists and filters. */
export const COMPUTED_STATE_NAMES: Record<ComputedStatus["state"], string> = {
  gjennomført: "gjennomført",
  "ikke-bekreftet": "lagt inn, ikke bekreftet i kildene",
  "delvis-gjennomført": "delvis gjennomført",
  "ikke-gjennomført": "ikke gjennomført",
  "ikke-beregnet": "kan ikke beregnes",
};

/**
 * Whether the content of a proposal's target year carries it out: every code, field, control and
 * indicator it declares changes from the year before (the same test as the change sets'
 * «not carried out»). Changes the registry has no year-by-year content for (Statbank publishing,
 * guidance texts) and target years outside the registry's years cannot be checked, and say so.
 * The content alone never makes a proposal «gjennomført»: editors may have entered the proposed
 * change themselves, so that reading would be circular. It takes `evidence` for the target year, a
 * source other than the proposal that shows the change; without it the state is `ikke-bekreftet`.
 */
export const computedStatus = (registry: Registry, proposal: Proposal): ComputedStatus => computedStatuses(registry).get(proposal.id) ?? computeStatus(registry, proposal);

const computedStatuses = perRegistry("computed-proposal-status", (registry) => new Map([...registry.proposals.values()].map(({ data }) => [data.id, computeStatus(registry, data)])));

function computeStatus(registry: Registry, p: Proposal): ComputedStatus {
  const year = p.targetYear;
  const unknown = (reason: string): ComputedStatus => ({ state: "ikke-beregnet", year, label: COMPUTED_STATE_NAMES["ikke-beregnet"], declared: 0, carriedOut: 0, reason });
  const declared = declaredItems(p);
  if (declared.length === 0) {
    const publishing = p.changes.every((c) => c.table !== undefined);
    return unknown(
      publishing
        ? "Forslaget endrer publiseringen i Statistikkbanken; registeret har ikke tabellenes innhold år for år og kan ikke se om endringen er gjort."
        : "Forslaget nevner ingen kodeliste, skjema eller indikator i registeret som kan sammenliknes år for år.",
    );
  }
  const years = registry.reportingYears;
  if (!years.includes(year - 1) || !years.includes(year)) {
    const span = years.length ? `${years[0]}–${years.at(-1)}` : "ingen år";
    return unknown(`Registeret har kodelister og skjema for rapporteringsårene ${span}, ikke for ${year - 1} og ${year}, og kan ikke sammenlikne dem.`);
  }
  const total = declared.reduce((n, d) => n + Math.max(d.keys.length, 1), 0);
  const carriedOut = total - proposalNotCarriedOut(registry, p, itemDiffer(registry)).length;
  const evidence = (p.evidence ?? []).filter((e) => e.year === year);
  if (carriedOut === total && evidence.length === 0) {
    return {
      state: "ikke-bekreftet",
      year,
      label: `lagt inn for ${year}, ikke bekreftet i kildene`,
      declared: total,
      carriedOut,
      reason: `Registerets innhold for ${year} har endringen, men ingen annen kilde enn forslaget selv viser at den ble gjort.`,
    };
  }
  const state = carriedOut === total ? "gjennomført" : carriedOut === 0 ? "ikke-gjennomført" : "delvis-gjennomført";
  return { state, year, label: `${COMPUTED_STATE_NAMES[state]} i ${year}`, declared: total, carriedOut };
}
