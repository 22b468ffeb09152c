import { describe, expect, it } from "vitest";
import { CURRENCY_CODES, formatMinorUnits, isCurrencyCode, parseDecimalAmount } from "./money.ts";

describe("money", () => {
  it("formats minor units with each currency's digits", () => {
    expect(formatMinorUnits(1250, "EUR")).toBe("12.50");
    expect(formatMinorUnits(5, "USD")).toBe("0.05");
    expect(formatMinorUnits(-5, "USD")).toBe("-0.05");
    expect(formatMinorUnits(1250, "JPY")).toBe("1250");
    expect(formatMinorUnits(1250, "KWD")).toBe("1.250");
    expect(formatMinorUnits(0, "EUR")).toBe("0.00");
  });

  it("parses decimals exactly, without floating point", () => {
    expect(parseDecimalAmount("12.5", "EUR")).toEqual({ ok: true, amount: 1250 });
    expect(parseDecimalAmount("0.1", "USD")).toEqual({ ok: true, amount: 10 });
    expect(parseDecimalAmount("19.990", "USD")).toEqual({ ok: true, amount: 1999 });
    expect(parseDecimalAmount("1250", "JPY")).toEqual({ ok: true, amount: 1250 });
    expect(parseDecimalAmount("1.005", "KWD")).toEqual({ ok: true, amount: 1005 });
  });

  it("rejects negative, over-precise, malformed and huge amounts", () => {
    expect(parseDecimalAmount("-1.00", "EUR")).toEqual({ ok: false, error: "NEGATIVE" });
    expect(parseDecimalAmount("-1.00", "EUR", { allowNegative: true })).toEqual({ ok: true, amount: -100 });
    expect(parseDecimalAmount("1.001", "EUR")).toEqual({ ok: false, error: "TOO_PRECISE" });
    expect(parseDecimalAmount("12.5", "JPY")).toEqual({ ok: false, error: "TOO_PRECISE" });
    for (const bad of ["", "abc", "1e3", "1,50", "+1", "1.", ".5", "NaN", "Infinity"]) {
      expect(parseDecimalAmount(bad, "EUR")).toEqual({ ok: false, error: "INVALID" });
    }
    expect(parseDecimalAmount("99999999999", "EUR")).toEqual({ ok: false, error: "TOO_LARGE" });
  });

  it("knows ISO 4217 currencies and leaves out metals, funds and test codes", () => {
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("XAF")).toBe(true);
    expect(isCurrencyCode("XAU")).toBe(false);
    expect(isCurrencyCode("XTS")).toBe(false);
    expect(isCurrencyCode("EURO")).toBe(false);
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
  });
});
