/**
 * The live session state machine: SCHEDULED → LIVE → ENDED, and SCHEDULED → CANCELLED.
 * ENDED and CANCELLED are final. Services apply a transition with one conditional UPDATE
 * (`WHERE status = from`), so of two concurrent starts exactly one wins.
 */
import type { LiveSessionStatus } from "@shoppable/db/enums";

export const TRANSITIONS = {
  start: { from: "SCHEDULED", to: "LIVE" },
  end: { from: "LIVE", to: "ENDED" },
  cancel: { from: "SCHEDULED", to: "CANCELLED" },
} as const satisfies Record<string, { from: LiveSessionStatus; to: LiveSessionStatus }>;

export type LiveTransition = keyof typeof TRANSITIONS;

export function canTransition(action: LiveTransition, status: LiveSessionStatus): boolean {
  return TRANSITIONS[action].from === status;
}

/** Products can be pinned and unpinned while a session is being prepared or is on air. */
export function canChangePins(status: LiveSessionStatus): boolean {
  return status === "SCHEDULED" || status === "LIVE";
}

/** Viewers join only a session that is on air. */
export function canJoin(status: LiveSessionStatus): boolean {
  return status === "LIVE";
}
