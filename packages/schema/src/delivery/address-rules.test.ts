import { describe, expect, it } from "vitest";
import { parseInput } from "../shared/input.ts";
import { ADDRESS_ERROR_CODES, formatAddress, mailingAddress, normaliseZip } from "./address-rules.ts";

const berlin = {
  firstName: "Lena",
  lastName: "Vogel",
  address1: "Torstraße 1",
  city: "Berlin",
  zip: "10115",
  countryCode: "de",
};
const sanFrancisco = {
  lastName: "Rivera",
  address1: "1 Market St",
  city: "San Francisco",
  provinceCode: "ca",
  zip: "94105-1420",
  countryCode: "US",
};

function errorsOf(input: unknown) {
  const result = parseInput(mailingAddress, input, ADDRESS_ERROR_CODES);
  return result.ok ? [] : result.errors.map((e) => ({ code: e.code, field: e.field?.join(".") }));
}

describe("mailing address validation", () => {
  it("accepts a German address without a province and normalises codes and blanks", () => {
    const result = parseInput(mailingAddress, { ...berlin, company: "  ", phone: "+49 30 1234567" });
    expect(result).toMatchObject({
      ok: true,
      data: { countryCode: "DE", company: null, provinceCode: null, zip: "10115", phone: "+49 30 1234567" },
    });
  });

  it("accepts a US address with a state and a ZIP+4", () => {
    expect(errorsOf(sanFrancisco)).toEqual([]);
    const result = parseInput(mailingAddress, sanFrancisco);
    expect(result.ok && result.data.provinceCode).toBe("CA");
  });

  it("answers UNKNOWN_COUNTRY on countryCode for a code that is no country", () => {
    expect(errorsOf({ ...berlin, countryCode: "XX" })).toEqual([
      { code: "UNKNOWN_COUNTRY", field: "countryCode" },
    ]);
    expect(errorsOf({ ...berlin, countryCode: "Germany" })).toEqual([
      { code: "UNKNOWN_COUNTRY", field: "countryCode" },
    ]);
  });

  it("requires a postal code where the country has them, and checks its shape", () => {
    expect(errorsOf({ ...berlin, zip: null })).toEqual([{ code: "BLANK", field: "zip" }]);
    expect(errorsOf({ ...berlin, zip: "1011" })).toEqual([{ code: "INVALID_ZIP", field: "zip" }]);
    expect(errorsOf({ ...sanFrancisco, zip: "9410" })).toEqual([{ code: "INVALID_ZIP", field: "zip" }]);
  });

  it("takes no postal code where the country has none", () => {
    expect(
      errorsOf({ lastName: "Chan", address1: "1 Queen's Rd", city: "Central", countryCode: "HK" }),
    ).toEqual([]);
  });

  it("requires a province in the US and refuses one the country does not have", () => {
    expect(errorsOf({ ...sanFrancisco, provinceCode: null })).toEqual([
      { code: "BLANK", field: "provinceCode" },
    ]);
    expect(errorsOf({ ...sanFrancisco, provinceCode: "ZZ" })).toEqual([
      { code: "INVALID_PROVINCE", field: "provinceCode" },
    ]);
    expect(errorsOf({ ...berlin, provinceCode: "BE" })).toEqual([]);
  });

  it("answers BLANK and TOO_LONG with the field for the common fields", () => {
    expect(errorsOf({ ...berlin, lastName: " ", address1: "", city: "x".repeat(101) })).toEqual([
      { code: "BLANK", field: "lastName" },
      { code: "BLANK", field: "address1" },
      { code: "TOO_LONG", field: "city" },
    ]);
    expect(errorsOf({ ...berlin, phone: "call me" })).toEqual([{ code: "INVALID", field: "phone" }]);
  });

  it("normalises postal codes and prints an address on one line", () => {
    expect(normaliseZip(" sw1a   1aa ")).toBe("SW1A 1AA");
    const result = parseInput(mailingAddress, berlin);
    if (!result.ok) throw new Error("expected a valid address");
    expect(formatAddress(result.data)).toBe("Lena Vogel, Torstraße 1, 10115 Berlin, DE");
  });
});
