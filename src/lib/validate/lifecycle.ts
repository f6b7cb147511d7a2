import type { Registry } from "../model/registry.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";

/**
 * The proposal lifecycle as a state machine: which status may follow which. A proposal starts as
 * utkast or fremmet; avvist and gjennomført are final; utsatt may be taken up again.
 */
export const TRANSITIONS: Record<string, readonly string[]> = {
  start: ["utkast", "fremmet"],
  utkast: ["fremmet", "avvist"],
  fremmet: ["behandlet", "anbefalt", "avvist", "utsatt"],
  behandlet: ["behandlet", "anbefalt", "avvist", "utsatt"],
  anbefalt: ["vedtatt", "avvist", "utsatt"],
  vedtatt: ["gjennomført", "utsatt"],
  utsatt: ["fremmet", "behandlet"],
  avvist: [],
  gjennomført: [],
};

/** Whether date `a` is before `b`, where either may be a year alone (`2023` is not before `2023-04-20`, nor after). */
const before = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};

/** Proposals follow the state machine in date order and cite what moved them; follow-ups follow real action items. */
export function checkLifecycle(registry: Registry): Finding[] {
  const findings: Finding[] = [];
  for (const { data: p } of registry.proposals.values()) {
    const file = registry.originOf(p);
    if (!file) continue;
    let previous = "start";
    let previousDate = "";
    p.history.forEach((h, i) => {
      const allowed = TRANSITIONS[previous];
      if (!allowed.includes(h.status)) {
        const expected = allowed.length ? `one of ${allowed.join(", ")}` : `nothing: ${previous} is final`;
        findings.push(findingAt(file, ["history", i, "status"], `illegal transition ${previous === "start" ? "to start with" : `from ${previous} to`} ${h.status}`, expected));
      }
      if (before(h.date, previousDate)) findings.push(findingAt(file, ["history", i, "date"], `status change dated ${h.date}, before the one above it (${previousDate})`, "status changes in date order, oldest first"));
      if (h.meeting === undefined && h.note === undefined) findings.push(findingAt(file, ["history", i], `the change to ${h.status} cites neither a meeting nor a decision`, "meeting: <meeting id>, or note: the decision or document"));
      const meeting = h.meeting !== undefined ? registry.meetings.get(h.meeting)?.data : undefined;
      if (meeting && meeting.date !== h.date) findings.push(findingAt(file, ["history", i, "date"], `dated ${h.date}, but meeting ${meeting.id} was held ${meeting.date}`, meeting.date, "warning"));
      previous = h.status;
      previousDate = h.date;
    });
  }

  const actions = new Map<string, string>();
  for (const { data: m } of registry.meetings.values()) for (const item of m.agenda) for (const a of item.actions ?? []) actions.set(`${m.id}#${a.id}`, m.date);
  for (const { data: m } of registry.meetings.values()) {
    const file = registry.originOf(m);
    if (!file) continue;
    m.agenda.forEach((item, i) =>
      item.followUps?.forEach((f, j) => {
        const date = actions.get(f.action);
        if (date === undefined) findings.push(findingAt(file, ["agenda", i, "followUps", j, "action"], `unknown action item "${f.action}"`, "<meeting id>#<action id> of an action item in an earlier meeting"));
        else if (date >= m.date) findings.push(findingAt(file, ["agenda", i, "followUps", j, "action"], `follows up an action item from ${date}, not before this meeting (${m.date})`, "an action item of an earlier meeting"));
      }),
    );
  }
  return findings;
}
