import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.ts";

describe("backoffDelay", () => {
  it("doubles from minDelayMs on each attempt", () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, { minDelayMs: 100 }, 1))).toEqual([
      100, 200, 400, 800,
    ]);
  });
  it("is capped at maxDelayMs", () => {
    expect(backoffDelay(20, { minDelayMs: 100, maxDelayMs: 5_000 }, 1)).toBe(5_000);
  });
  it("jitters between half and all of the delay", () => {
    expect(backoffDelay(2, { minDelayMs: 100 }, 0)).toBe(200);
    expect(backoffDelay(2, { minDelayMs: 100 }, 0.5)).toBe(300);
  });
  it("defaults to 500 ms doubling up to 30 s", () => {
    expect(backoffDelay(0, {}, 1)).toBe(500);
    expect(backoffDelay(10, {}, 1)).toBe(30_000);
  });
});
