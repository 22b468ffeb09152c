import { describe, expect, it } from "vitest";
import { isUuid, uuidv7 } from "./uuid.ts";

describe("uuidv7", () => {
  it("is a version 7, RFC 9562 variant UUID carrying the given millisecond", () => {
    const now = Date.UTC(2026, 10, 27, 12, 30, 15, 123);
    const id = uuidv7(now);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(now);
  });

  it("orders by time across milliseconds and differs within one", () => {
    expect(uuidv7(1_000) < uuidv7(1_001)).toBe(true);
    const same = new Set(Array.from({ length: 100 }, () => uuidv7(5_000)));
    expect(same.size).toBe(100);
  });
});
