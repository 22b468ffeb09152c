/**
 * The checkout's delivery and cost rules for display, apart from React: what a delivery group
 * says when it cannot be delivered, delivery estimates, which section a checkout error belongs
 * to, and the order summary's rows from `Cart.cost` (tax shown as "incl. VAT" for tax-inclusive
 * shops and added as "Tax" for the others; both when the cart mixes them).
 */
import { countryInSentence } from "./address.ts";
import type { CheckoutCartFields, DeliveryEstimate, DeliveryGroup } from "./documents.ts";
import type { MoneyLike } from "./format.ts";

/** Why a group that needs shipping has no option, in the buyer's words. */
export function unavailableText(
  group: Pick<DeliveryGroup, "shop" | "deliveryUnavailableReason">,
  countryCode: string | null,
): string {
  switch (group.deliveryUnavailableReason) {
    case "NO_ADDRESS":
      return "Enter your delivery address to see the delivery options.";
    case "NOT_COVERED":
      return `${group.shop.name} does not deliver to ${countryCode ? countryInSentence(countryCode) : "this address"}.`;
    case "NO_RATE_APPLIES":
      return `${group.shop.name} delivers there, but has no delivery option for these items (their weight or value is outside its rates).`;
    default:
      return "No delivery option is available.";
  }
}

/** "1 business day", "3–5 business days"; 0 days: "Today". */
export function estimateText({ min, max }: DeliveryEstimate): string {
  if (max === 0) return "Today";
  const days = min === max ? `${max}` : `${min}–${max}`;
  return `${days} business day${max === 1 ? "" : "s"}`;
}

/** Where a checkout error belongs: the address section, a shop's delivery group, or the payment form. */
export type CheckoutErrorTarget =
  | { section: "address" }
  | { section: "delivery"; shopId: string | null }
  | { section: "payment" };

/** The section a `checkoutComplete` userError concerns: DELIVERY_ errors point at the address or their shop's group. */
export function checkoutErrorTarget(error: { code: string; shopId?: string | null }): CheckoutErrorTarget {
  switch (error.code) {
    case "DELIVERY_ADDRESS_REQUIRED":
      return { section: "address" };
    case "DELIVERY_UNAVAILABLE":
    case "DELIVERY_OPTION_REQUIRED":
    case "DELIVERY_OPTION_UNAVAILABLE":
      return { section: "delivery", shopId: error.shopId ?? null };
    default:
      return { section: "payment" };
  }
}

/** The message a DELIVERY_ error shows in its section. */
export function deliveryErrorText(code: string, shopName: string | null): string {
  const shop = shopName ?? "A shop";
  switch (code) {
    case "DELIVERY_ADDRESS_REQUIRED":
      return "Enter where your order goes before you pay.";
    case "DELIVERY_UNAVAILABLE":
      return `${shop} cannot deliver these items to this address: change the address or remove its items.`;
    case "DELIVERY_OPTION_REQUIRED":
      return "Choose a delivery option.";
    case "DELIVERY_OPTION_UNAVAILABLE":
      return "The option you chose is no longer offered: choose again.";
    default:
      return "Check the delivery details.";
  }
}

/**
 * a − b for decimal strings ("12.50" − "2.385" = "10.115"), exact: amounts are never floats.
 * The result has the larger of the two scales.
 */
export function subtractAmounts(a: string, b: string): string {
  const scale = Math.max(decimals(a), decimals(b));
  const difference = scaled(a, scale) - scaled(b, scale);
  const negative = difference < 0n;
  const digits = (negative ? -difference : difference).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? `.${digits.slice(digits.length - scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

function decimals(amount: string): number {
  return amount.split(".")[1]?.length ?? 0;
}

function scaled(amount: string, scale: number): bigint {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace(/^[-+]/, "").split(".");
  const value = BigInt(`${whole}${fraction.padEnd(scale, "0")}`);
  return negative ? -value : value;
}

export interface SummaryRow {
  key: "subtotal" | "discount" | "shipping" | "includedTax" | "addedTax" | "total";
  label: string;
  /** Null when not known yet: `note` says why. */
  amount: MoneyLike | null;
  note?: string;
  /** A discount, shown with a minus. */
  negative?: boolean;
  /** Informational (tax already inside the prices), not added to the total. */
  included?: boolean;
}

/**
 * The order summary's rows. Shipping counts once every group that ships has an option (until
 * then it says what is missing); tax is "incl. VAT" (the part inside the prices) for lines of
 * tax-inclusive shops and "Tax" (added) for the others, both when the cart mixes them, and waits
 * for the address when goods ship (tax depends on where they go).
 */
export function summaryRows(
  cart: Pick<CheckoutCartFields, "cost" | "lines" | "deliveryAddress" | "deliveryGroups">,
): SummaryRow[] {
  const { cost } = cart;
  if (!cost) return [];
  const rows: SummaryRow[] = [{ key: "subtotal", label: "Subtotal", amount: cost.subtotal }];
  if (Number(cost.discount.amount) > 0)
    rows.push({ key: "discount", label: "Discount", amount: cost.discount, negative: true });
  const shipping = cart.deliveryGroups.filter((group) => group.requiresShipping);
  const needsAddress = shipping.length > 0 && !cart.deliveryAddress;
  if (shipping.length > 0) {
    const chosen = shipping.every((group) => group.selectedDeliveryOption);
    rows.push(
      chosen
        ? { key: "shipping", label: "Shipping", amount: cost.shipping }
        : {
            key: "shipping",
            label: "Shipping",
            amount: null,
            note: needsAddress ? "After your address" : "Choose a delivery option",
          },
    );
  }
  const currencyCode = cost.tax.currencyCode;
  const inclusive = cart.lines.some((line) => line.cost.taxIncluded);
  const exclusive = cart.lines.some((line) => !line.cost.taxIncluded);
  const pending = needsAddress ? { amount: null, note: "After your address" } : null;
  if (inclusive)
    rows.push({
      key: "includedTax",
      label: "incl. VAT",
      included: true,
      ...(pending ?? { amount: cost.includedTax }),
    });
  if (exclusive)
    rows.push({
      key: "addedTax",
      label: "Tax",
      ...(pending ?? {
        amount: { amount: subtractAmounts(cost.tax.amount, cost.includedTax.amount), currencyCode },
      }),
    });
  rows.push({ key: "total", label: "Total", amount: cost.total });
  return rows;
}
