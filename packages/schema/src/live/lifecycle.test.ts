import { describe, expect, it } from "vitest";
import type { LiveSessionStatus } from "@shoppable/db/enums";
import { canChangePins, canJoin, canTransition } from "./lifecycle.ts";

const ALL: LiveSessionStatus[] = ["SCHEDULED", "LIVE", "ENDED", "CANCELLED"];
const allowed = (test: (s: LiveSessionStatus) => boolean) => ALL.filter(test);

describe("live session lifecycle", () => {
  it("starts only a SCHEDULED session, ends only a LIVE one, cancels only a SCHEDULED one", () => {
    expect(allowed((s) => canTransition("start", s))).toEqual(["SCHEDULED"]);
    expect(allowed((s) => canTransition("end", s))).toEqual(["LIVE"]);
    expect(allowed((s) => canTransition("cancel", s))).toEqual(["SCHEDULED"]);
  });

  it("keeps ENDED and CANCELLED final", () => {
    for (const action of ["start", "end", "cancel"] as const) {
      expect(canTransition(action, "ENDED")).toBe(false);
      expect(canTransition(action, "CANCELLED")).toBe(false);
    }
  });

  it("changes pins while SCHEDULED or LIVE and lets viewers join only while LIVE", () => {
    expect(allowed(canChangePins)).toEqual(["SCHEDULED", "LIVE"]);
    expect(allowed(canJoin)).toEqual(["LIVE"]);
  });
});
