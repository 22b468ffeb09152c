import { describe, expect, it } from "vitest";
import { applyMoves, storeRules } from "./collection.service.ts";

describe("applyMoves", () => {
  it("applies moves one after the other; past the end moves last; strangers are ignored", () => {
    expect(applyMoves(["a", "b", "c", "d"], [{ productId: "d", newPosition: 0 }])).toEqual([
      "d",
      "a",
      "b",
      "c",
    ]);
    expect(
      applyMoves(
        ["a", "b", "c"],
        [
          { productId: "a", newPosition: 99 },
          { productId: "c", newPosition: 0 },
        ],
      ),
    ).toEqual(["c", "b", "a"]);
    expect(applyMoves(["a", "b"], [{ productId: "z", newPosition: 0 }])).toEqual(["a", "b"]);
  });
});

describe("storeRules", () => {
  it("keeps prices in minor units of the shop's currency", () => {
    expect(storeRules([{ field: "PRICE", relation: "LESS_THAN", value: " 25.5 " }], "EUR")).toEqual({
      ok: true,
      rules: [{ field: "PRICE", relation: "LESS_THAN", value: "25.5", amount: 2550 }],
    });
    expect(storeRules([{ field: "PRICE", relation: "GREATER_THAN", value: "2500" }], "JPY")).toMatchObject({
      ok: true,
      rules: [{ amount: 2500 }],
    });
  });

  it("refuses relations a field does not take, bad prices and stray option names, by path", () => {
    const result = storeRules(
      [
        { field: "TAG", relation: "LESS_THAN", value: "x" },
        { field: "PRICE", relation: "LESS_THAN", value: "12.345" },
        { field: "VENDOR", relation: "EQUALS", value: "Acme", optionName: "Color" },
        { field: "OPTION_VALUE", relation: "EQUALS", value: "Red", optionName: "Color" },
      ],
      "EUR",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ["INVALID_RULE", ["ruleSet", "rules", "0", "relation"]],
      ["INVALID_RULE", ["ruleSet", "rules", "1", "value"]],
      ["INVALID_RULE", ["ruleSet", "rules", "2", "optionName"]],
    ]);
  });
});
