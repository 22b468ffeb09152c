import { describe, expect, it } from "vitest";
import {
  addressErrors,
  addressErrorTarget,
  addressInput,
  addressLines,
  addressValues,
  emptyAddress,
  fieldLabel,
} from "./address.ts";

describe("address errors map to the form field their path names", () => {
  it("maps ['address', <field>] to that field, ['addressId'] to the saved-address choice, anything else to the form", () => {
    expect(addressErrorTarget(["address", "zip"])).toBe("zip");
    expect(addressErrorTarget(["address", "provinceCode"])).toBe("provinceCode");
    expect(addressErrorTarget(["address", "countryCode"])).toBe("countryCode");
    expect(addressErrorTarget(["addressId"])).toBe("savedAddress");
    expect(addressErrorTarget(["cartId"])).toBe("form");
    expect(addressErrorTarget(["address", "nickname"])).toBe("form");
    expect(addressErrorTarget(["address"])).toBe("form");
    expect(addressErrorTarget(null)).toBe("form");
    expect(addressErrorTarget([])).toBe("form");
  });

  it("words each error for the buyer in the country's terms, the first per field", () => {
    const errors = addressErrors(
      [
        {
          code: "INVALID_ZIP",
          field: ["address", "zip"],
          message: '"1000" is not a postal code of United States.',
        },
        { code: "BLANK", field: ["address", "provinceCode"], message: "provinceCode must not be blank." },
        { code: "BLANK", field: ["address", "city"], message: "city must not be blank." },
        { code: "TOO_LONG", field: ["address", "city"], message: "city is too long." },
        { code: "CART_COMPLETED", field: ["cartId"], message: "The cart was checked out." },
      ],
      "US",
    );
    expect(errors).toEqual({
      zip: "This is not a valid ZIP code in the United States.",
      provinceCode: "Enter the state.",
      city: "Enter the city.",
      form: "The cart was checked out.",
    });
    expect(addressErrors([{ code: "INVALID_ZIP", field: ["address", "zip"], message: "" }], "GB").zip).toBe(
      "This is not a valid postcode in the United Kingdom.",
    );
    expect(
      addressErrors([{ code: "INVALID_PROVINCE", field: ["address", "provinceCode"], message: "" }], "CA"),
    ).toEqual({ provinceCode: "Choose a province of Canada." });
    expect(addressErrors([{ code: "NOT_FOUND", field: ["addressId"], message: "" }], "DE")).toEqual({
      savedAddress: "This saved address no longer exists: choose another.",
    });
    // A code the storefront does not know: the API's own message.
    expect(
      addressErrors([{ code: "SOMETHING_NEW", field: ["address", "phone"], message: "Nope." }], "DE"),
    ).toEqual({ phone: "Nope." });
  });

  it("labels the province and postal code as the country calls them", () => {
    expect([fieldLabel("zip", "US"), fieldLabel("provinceCode", "US")]).toEqual(["ZIP code", "State"]);
    expect(fieldLabel("zip", "DE")).toBe("Postal code");
    expect(fieldLabel("address1", "DE")).toBe("Address");
  });
});

describe("the form's values and MailingAddressInput", () => {
  it("trims, sends empty optional fields as null and keeps empty required ones for the API to name", () => {
    expect(
      addressInput({
        ...emptyAddress("DE"),
        firstName: "  ",
        lastName: " Lovelace ",
        address1: "Unter den Linden 1",
        zip: " 10117 ",
      }),
    ).toEqual({
      firstName: null,
      lastName: "Lovelace",
      address1: "Unter den Linden 1",
      address2: null,
      city: "",
      provinceCode: null,
      zip: "10117",
      countryCode: "DE",
      phone: null,
    });
  });

  it("sends the province only where the country needs one (a state left from the US is dropped in Germany)", () => {
    const typed = { ...emptyAddress("US"), lastName: "Doe", provinceCode: "NY" };
    expect(addressInput(typed).provinceCode).toBe("NY");
    expect(addressInput({ ...typed, countryCode: "DE" }).provinceCode).toBeNull();
  });

  it("fills the form from an address and prints it as on a parcel", () => {
    const address = {
      firstName: "Ada",
      lastName: "Lovelace",
      company: null,
      address1: "350 Fifth Avenue",
      address2: null,
      city: "New York",
      provinceCode: "NY",
      zip: "10118",
      countryCode: "US",
      phone: null,
      formatted: "",
    };
    expect(addressValues(address)).toMatchObject({ firstName: "Ada", address2: "", provinceCode: "NY" });
    expect(addressLines(address)).toEqual([
      "Ada Lovelace",
      "350 Fifth Avenue",
      "New York, NY 10118",
      "United States",
    ]);
    expect(
      addressLines({ ...address, city: "Berlin", provinceCode: null, zip: "10117", countryCode: "DE" }),
    ).toEqual(["Ada Lovelace", "350 Fifth Avenue", "10117 Berlin", "Germany"]);
  });
});
