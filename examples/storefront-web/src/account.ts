/**
 * The account area's rules for display, apart from React: what a discount code's reason says,
 * an order's delivery timeline (paid → shipped → delivered), how many units of a line may
 * still go back, the messages of review and comment errors.
 */
/** Why a code in the cart gives nothing, in the buyer's words (`DiscountCodeReason`). */
export function discountReasonText(reason: string | null): string {
  switch (reason) {
    case "UNKNOWN_CODE":
      return "This code does not exist.";
    case "EXPIRED":
      return "This code has ended.";
    case "NOT_STARTED":
      return "This code is not valid yet.";
    case "USAGE_LIMIT_REACHED":
      return "This code has been used up.";
    case "BUYER_LIMIT_REACHED":
      return "You have already used this code.";
    case "MINIMUM_SUBTOTAL_NOT_MET":
      return "Your cart does not reach this code's minimum yet.";
    case "NO_MATCHING_ITEMS":
      return "This code is for products not in your cart.";
    case "NOT_COMBINABLE":
      return "Another code of this shop gives more; codes do not stack.";
    default:
      return "This code does not apply.";
  }
}

export type TimelineStep = "ordered" | "paid" | "shipped" | "delivered";

export interface TimelineEntry {
  step: TimelineStep;
  label: string;
  done: boolean;
  at: string | null;
}

/**
 * The order's delivery as steps: ordered, paid, shipped (the first fulfilment; "partly shipped"
 * while units are left), delivered. The API records shipping, not arrival: an order counts as
 * delivered once every unit shipped and the delivery estimate's last day has passed.
 */
export function orderTimeline(
  order: {
    createdAt: string;
    paidAt: string | null;
    fulfillmentStatus: string;
    fulfilledAt: string | null;
    fulfillments: { createdAt: string }[];
    shippingLine: { estimatedDays: { max: number } } | null;
  },
  now = Date.now(),
): TimelineEntry[] {
  const firstShipment = order.fulfillments[0]?.createdAt ?? null;
  const shipped = order.fulfillmentStatus !== "UNFULFILLED";
  const allShipped = order.fulfillmentStatus === "FULFILLED";
  const arrival =
    allShipped && order.fulfilledAt
      ? addBusinessDays(new Date(order.fulfilledAt), order.shippingLine?.estimatedDays.max ?? 0)
      : null;
  const delivered = arrival !== null && arrival.getTime() <= now;
  return [
    { step: "ordered", label: "Ordered", done: true, at: order.createdAt },
    { step: "paid", label: "Paid", done: order.paidAt !== null, at: order.paidAt },
    {
      step: "shipped",
      label: shipped && !allShipped ? "Partly shipped" : "Shipped",
      done: shipped,
      at: firstShipment,
    },
    {
      step: "delivered",
      label: delivered || !arrival ? "Delivered" : "Arriving",
      done: delivered,
      at: arrival ? arrival.toISOString() : null,
    },
  ];
}

/** `date` plus `days` working days (Saturdays and Sundays skipped). */
export function addBusinessDays(date: Date, days: number): Date {
  const result = new Date(date);
  let left = days;
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return result;
}

/**
 * Units of a line that may still be returned: those shipped, less those returned or refunded,
 * less those in requested returns.
 */
export function returnableQuantity(
  line: { id: string; fulfilledQuantity: number; refundedQuantity: number },
  returns: { status: string; lines: { quantity: number; line: { id: string } }[] }[],
): number {
  const pending = returns
    .filter((item) => item.status === "REQUESTED")
    .flatMap((item) => item.lines)
    .filter((entry) => entry.line.id === line.id)
    .reduce((sum, entry) => sum + entry.quantity, 0);
  return Math.max(0, line.fulfilledQuantity - line.refundedQuantity - pending);
}

/** What a return's status says to the buyer. */
export function returnStatusText(status: string): string {
  switch (status) {
    case "REQUESTED":
      return "Requested";
    case "APPROVED":
      return "Approved";
    case "DECLINED":
      return "Declined";
    default:
      return status.toLowerCase();
  }
}

/** What a `productReviewCreate` or `postCommentCreate` userError says to the buyer. */
export function communityErrorText(error: { code: string; message: string }): string {
  switch (error.code) {
    case "NOT_A_BUYER":
      return "Only buyers of this product can review it: it shows up here once your order is paid.";
    case "ALREADY_REVIEWED":
      return "You have already reviewed this product for each of your orders of it.";
    case "BLANK":
    case "TOO_SHORT":
      return "Write something first.";
    case "TOO_LONG":
      return "That is too long.";
    case "POST_DELETED":
      return "This post was deleted.";
    case "PRODUCT_NOT_AVAILABLE":
      return "A product you mentioned is no longer for sale.";
    default:
      return error.message;
  }
}

/** "Mar 4, 2026" in the browser's locale. */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));
}

/** "Order status: fulfilled" words: PARTIALLY_REFUNDED → "partially refunded". */
export function statusWords(status: string): string {
  return status.replaceAll("_", " ").toLowerCase();
}
