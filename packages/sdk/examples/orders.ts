/** Orders (merchant, secret key): fulfil with tracking, refund some units with restock, or cancel. */
import { createShoppableClient } from "@shoppable/sdk";

export async function ordersExample(url: string, secretKey: string, merchantToken: string, orderId: string) {
  const merchant = createShoppableClient({ url, apiKey: secretKey, userToken: merchantToken });
  const order = await merchant.order({ id: orderId });
  if (!order) return null;
  // Without `lines`, every unit left ships; with them, some (partial fulfilment).
  const shipped = await merchant.orderFulfill({
    id: order.id,
    tracking: { carrier: "DHL", number: "00340434161234567890" },
  });
  const line = order.lines[0]!;
  const refunded = await merchant.orderRefund({
    id: order.id,
    lines: [{ lineId: line.id, quantity: 1 }],
    restock: true,
    reason: "damaged",
  });
  return {
    tracking: shipped.fulfillment?.tracking?.number,
    status: refunded.order?.status,
    refunded: refunded.order?.refundedTotal.amount,
  };
}
