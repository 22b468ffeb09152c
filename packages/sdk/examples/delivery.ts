/**
 * Delivery and tax. The merchant (secret key) ships to Germany and prices with VAT included;
 * the buyer keeps an address book. Checkout then needs an address and an option (cart-checkout.ts).
 */
import { createShoppableClient } from "@shoppable/sdk";

export async function deliveryExample(
  url: string,
  secretKey: string,
  publishableKey: string,
  merchantToken: string,
  buyerToken: string,
  shopId: string,
) {
  const merchant = createShoppableClient({ url, apiKey: secretKey, userToken: merchantToken });
  // EU style: prices and shipping include the tax; returns within 30 days.
  await merchant.shopUpdate({ id: shopId, pricesIncludeTax: true, returnWindowDays: 30 });
  const { shippingZone, userErrors } = await merchant.shippingZoneCreate({
    shopId,
    name: "Germany",
    countryCodes: ["DE"],
    rates: [
      // Free from 20.00; up to 5 kg.
      {
        handle: "standard",
        title: "Standard",
        price: "4.90",
        freeAbove: "20.00",
        weightRange: { maxGrams: 4_999 },
        minDays: 2,
        maxDays: 4,
      },
      { handle: "express", title: "Express", price: "9.90", minDays: 1, maxDays: 1 },
    ],
  });
  if (!shippingZone) throw new Error(userErrors.map((e) => `${e.code}: ${e.message}`).join(", "));
  // The shop's own rate; without one, the platform's rate for the destination applies.
  await merchant.taxRateSet({ shopId, countryCode: "DE", name: "VAT", percentage: "19" });

  const buyer = createShoppableClient({ url, apiKey: publishableKey, userToken: buyerToken });
  const saved = await buyer.viewerAddressCreate({
    address: {
      firstName: "Ada",
      lastName: "Vogel",
      address1: "Torstraße 1",
      city: "Berlin",
      zip: "10115",
      countryCode: "DE",
    },
  });
  // Validated per country: a bad postal code is a typed userError on ["address", "zip"].
  const wrong = await buyer.viewerAddressCreate({
    address: { lastName: "Vogel", address1: "Torstraße 1", city: "Berlin", zip: "1", countryCode: "DE" },
  });
  return {
    addressId: saved.address?.id,
    rates: shippingZone.rates.map((rate) => `${rate.handle} ${rate.price.amount}`),
    wrongZip: wrong.userErrors.map((e) => `${e.code} ${e.field?.join(".")}`),
  };
}
