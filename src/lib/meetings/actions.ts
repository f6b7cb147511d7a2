import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import type { Meeting } from "../schema/index.ts";

type Action = NonNullable<Meeting["agenda"][number]["actions"]>[number];

/** An action item with the state the meetings after it leave it in. */
export interface ActionState {
  meeting: Meeting;
  item: Meeting["agenda"][number];
  action: Action;
  /** `<meeting id>#<action id>`, the key follow-ups use. */
  key: string;
  state: "open" | "closed";
  /** The meeting that closed it, when a later meeting did. */
  closedBy?: Meeting;
  /** Later meetings' follow-ups, oldest first. */
  followUps: { meeting: Meeting; status: "open" | "closed"; note?: string }[];
}

/** Every action item of every meeting, carried across later meetings until one closes it; computed once per registry. */
export const actionStates: (registry: Registry) => readonly ActionState[] = perRegistry("action-states", (registry) => {
  const meetings = [...registry.meetings.values()].map((m) => m.data).sort((a, b) => a.date.localeCompare(b.date));
  const states = new Map<string, ActionState>();
  for (const meeting of meetings) {
    for (const item of meeting.agenda) {
      for (const f of item.followUps ?? []) {
        const s = states.get(f.action);
        if (!s) continue;
        s.followUps.push({ meeting, status: f.status, note: f.note });
        s.state = f.status;
        s.closedBy = f.status === "closed" ? meeting : undefined;
      }
      for (const action of item.actions ?? []) {
        const key = `${meeting.id}#${action.id}`;
        states.set(key, { meeting, item, action, key, state: action.status, followUps: [] });
      }
    }
  }
  return [...states.values()];
});

/** Every action item by its key (`<meeting id>#<action id>`). */
export const actionStatesByKey: (registry: Registry) => ReadonlyMap<string, ActionState> = perRegistry("action-states-by-key", (registry) => new Map(actionStates(registry).map((a) => [a.key, a])));

/** The action items of a working group that no meeting has closed. */
export function openActions(registry: Registry, workingGroup: string): ActionState[] {
  return actionStates(registry).filter((a) => a.meeting.workingGroup === workingGroup && a.state === "open");
}
