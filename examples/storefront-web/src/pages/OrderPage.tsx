/**
 * `/orders/<id>`: the confirmation: order number, lines, where it ships and how (the delivery
 * option chosen), subtotal, shipping, the tax lines (included in the prices or added) and the
 * total as at checkout, and the status live through `orderStatusChanged`. An anonymous buyer
 * reads the orders through the cart they checked out (`Cart.orders`) and follows them with it
 * (`orderStatusChanged`'s `cartId`).
 */
import { useEffect, useState } from "react";
import { addressLines } from "../address.ts";
import { estimateText } from "../delivery.ts";
import { CartOrders, OrderReceipt, type OrderSummary } from "../documents.ts";
import { isDefaultTitle, money } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

type Order = OrderSummary;

async function readOrder(
  client: ReturnType<typeof useShoppable>["client"],
  id: string,
): Promise<Order | null> {
  const order = await client.request(OrderReceipt, { id }).then(
    (data) => data.order,
    () => null,
  );
  if (order) return order;
  const stored = sessionStorage.getItem(`shoppable.order.${id}`);
  if (!stored) return null;
  const { cartId } = JSON.parse(stored) as { cartId: string };
  const { cart } = await client.request(CartOrders, { id: cartId });
  return cart?.orders.find((candidate) => candidate.id === id) ?? null;
}

export function OrderPage({ id }: { id: string }) {
  const { client } = useShoppable();
  const { search } = useLocation();
  const [order, setOrder] = useState<Order | null | undefined>(undefined);
  const others = (search.get("also") ?? "").split(",").filter(Boolean);

  useEffect(() => {
    let active = true;
    void readOrder(client, id).then((loaded) => active && setOrder(loaded));
    // An anonymous buyer follows the order through the cart it was checked out from.
    const stored = sessionStorage.getItem(`shoppable.order.${id}`);
    const cartId = stored ? (JSON.parse(stored) as { cartId?: string }).cartId : undefined;
    const events = client.orderStatusChanged({ orderId: id, ...(cartId ? { cartId } : {}) });
    void (async () => {
      try {
        for await (const event of events) {
          if (!active) break;
          const live = event.order;
          // The event carries the order's live fields; the delivery and tax stay as at checkout.
          if (event.refetch || !live) setOrder(await readOrder(client, id));
          else setOrder((shown) => (shown ? { ...shown, status: live.status } : shown));
        }
      } catch {
        // Not this caller's order to follow: the page shows it as read.
      }
    })();
    return () => {
      active = false;
      events.dispose();
    };
  }, [client, id]);

  useDocumentTitle(order ? `Order #${order.number}` : "Order");
  if (order === undefined) return <div className="skeleton skeleton--product" />;
  if (!order) return <p className="empty page-pad">This order is not available.</p>;
  return (
    <div className="page page-pad order" data-testid="order-page">
      <div className="order__hero">
        <div className="order__check" aria-hidden>
          ✓
        </div>
        <h1>Thank you!</h1>
        <p>
          Order <strong data-testid="order-number">#{order.number}</strong> from {order.shop.name}
        </p>
        <span className={`status status--${order.status.toLowerCase()}`} data-testid="order-status">
          {order.status.replace("_", " ").toLowerCase()}
        </span>
      </div>
      {(order.shippingAddress || order.shippingLine) && (
        <section className="summary order__delivery" aria-label="Delivery">
          {order.shippingAddress && (
            <div className="order__block">
              <h2>Shipping to</h2>
              <address data-testid="order-shipping-address">
                {addressLines(order.shippingAddress).map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </address>
            </div>
          )}
          {order.shippingLine && (
            <div className="order__block" data-testid="order-shipping-line">
              <h2>Delivery</h2>
              <p>
                {order.shippingLine.title}{" "}
                <span className="muted">· {estimateText(order.shippingLine.estimatedDays)}</span>
              </p>
            </div>
          )}
        </section>
      )}
      <section className="summary">
        {order.lines.map((line) => (
          <div key={line.id} className="summary__line" data-testid="order-line">
            <span>
              {line.quantity} × {line.productTitle}
              {line.variantTitle && !isDefaultTitle(line.variantTitle) ? ` (${line.variantTitle})` : ""}
            </span>
            <span>{money(line.total)}</span>
          </div>
        ))}
        <div className="summary__line">
          <span>Subtotal</span>
          <span>{money(order.subtotal)}</span>
        </div>
        {Number(order.discountTotal.amount) > 0 && (
          <div className="summary__line">
            <span>Discount</span>
            <span>−{money(order.discountTotal)}</span>
          </div>
        )}
        {order.shippingLine && (
          <div className="summary__line" data-testid="order-shipping">
            <span>Shipping</span>
            <span>{Number(order.shippingTotal.amount) === 0 ? "Free" : money(order.shippingTotal)}</span>
          </div>
        )}
        {order.taxLines.map((tax) => (
          <div
            key={`${tax.name}-${tax.percentage}`}
            className={`summary__line${order.taxesIncluded ? " summary__line--included" : ""}`}
            data-testid="order-tax-line"
          >
            <span>
              {order.taxesIncluded ? "incl. " : ""}
              {tax.name} {tax.percentage}%
            </span>
            <span>{money(tax.amount)}</span>
          </div>
        ))}
        <div className="summary__line summary__total">
          <span>Total</span>
          <span data-testid="order-total">{money(order.total)}</span>
        </div>
      </section>
      {others.length > 0 && (
        <p>
          Your cart held products of several shops: they are separate orders.{" "}
          {others.map((other) => (
            <Link key={other} to={`/orders/${encodeURIComponent(other)}`} className="link">
              See the next order
            </Link>
          ))}
        </p>
      )}
      <Link to="/" className="button button--wide">
        Keep shopping
      </Link>
    </div>
  );
}
