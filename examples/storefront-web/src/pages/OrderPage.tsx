/**
 * `/orders/<id>`: the order: its number and status, the delivery timeline (ordered → paid →
 * shipped → delivered), each shipment with its tracking (carrier, number, link), the lines with
 * images and prices (and "Review" on a paid or shipped line), where it ships and how, subtotal,
 * discount, shipping, the tax lines and the total as at checkout, the returns with their status
 * and "Request a return" (lines, quantities, reason, note → `returnRequest`). It follows the
 * order live through `orderStatusChanged`, reading it again on each event (shipments arrive
 * with it). An anonymous buyer reads the orders through the cart they checked out
 * (`Cart.orders`) and follows them with it (`orderStatusChanged`'s `cartId`).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { CartOrderDetails, type OrderDetail, OrderDetailQuery } from "../account-documents.ts";
import { orderTimeline, returnableQuantity, returnStatusText, shortDate, statusWords } from "../account.ts";
import { addressLines } from "../address.ts";
import { ReviewForm } from "../components/Reviews.tsx";
import { estimateText } from "../delivery.ts";
import { isDefaultTitle, money } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";
import { FormActions } from "../components/FormActions.tsx";

type Order = OrderDetail;

async function readOrder(
  client: ReturnType<typeof useShoppable>["client"],
  id: string,
): Promise<Order | null> {
  const order = await client.request(OrderDetailQuery, { id }).then(
    (data) => data.order,
    () => null,
  );
  if (order) return order;
  const stored = sessionStorage.getItem(`shoppable.order.${id}`);
  if (!stored) return null;
  const { cartId } = JSON.parse(stored) as { cartId: string };
  const { cart } = await client.request(CartOrderDetails, { id: cartId });
  const found = cart?.orders.find((candidate) => candidate.id === id);
  if (!found) return null;
  // The cart's orders come without images, shipment lines and returns (an account's).
  return {
    ...found,
    lines: found.lines.map((line) => ({ ...line, variant: null })),
    fulfillments: found.fulfillments.map((fulfillment) => ({ ...fulfillment, lines: [] })),
    returns: [],
  };
}

export function OrderPage({ id }: { id: string }) {
  const { client, user } = useShoppable();
  const { search } = useLocation();
  const [order, setOrder] = useState<Order | null | undefined>(undefined);
  const [returning, setReturning] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const others = (search.get("also") ?? "").split(",").filter(Boolean);
  const placedHere = sessionStorage.getItem(`shoppable.order.${id}`) !== null;

  const reload = useCallback(() => readOrder(client, id).then(setOrder, () => {}), [client, id]);

  useEffect(() => {
    let active = true;
    void readOrder(client, id).then(
      (loaded) => active && setOrder(loaded),
      () => active && setOrder(null),
    );
    const stored = sessionStorage.getItem(`shoppable.order.${id}`);
    const cartId = stored ? (JSON.parse(stored) as { cartId?: string }).cartId : undefined;
    const events = client.orderStatusChanged({ orderId: id, ...(cartId ? { cartId } : {}) });
    void (async () => {
      try {
        for await (const event of events) {
          if (!active) break;
          // Each event (paid, shipped, refunded) reads the order again: its shipments and returns come with it.
          const loaded = await readOrder(client, id).catch(() => null);
          if (active && loaded) setOrder(loaded);
          else if (active && event.order) {
            const live = event.order;
            setOrder((shown) => (shown ? { ...shown, status: live.status } : shown));
          }
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

  const timeline = orderTimeline(order);
  const returnable = order.lines.filter((line) => returnableQuantity(line, order.returns) > 0);
  const reviewable =
    user !== "anonymous" && ["PAID", "FULFILLED", "PARTIALLY_REFUNDED"].includes(order.status);
  const lineById = new Map(order.lines.map((line) => [line.id, line]));

  return (
    <div className="page page-pad order" data-testid="order-page">
      <div className="order__hero">
        {placedHere && (
          <div className="order__check" aria-hidden>
            ✓
          </div>
        )}
        <h1>{placedHere ? "Thank you!" : `Order #${order.number}`}</h1>
        <p>
          Order <strong data-testid="order-number">#{order.number}</strong> from {order.shop.name} ·{" "}
          {shortDate(order.createdAt)}
        </p>
        <span className={`status status--${order.status.toLowerCase()}`} data-testid="order-status">
          {statusWords(order.status)}
        </span>
      </div>
      <div className="order__layout">
        <div className="order__main">
          <ol className="timeline" aria-label="Delivery progress" data-testid="order-timeline">
            {timeline.map((entry) => (
              <li
                key={entry.step}
                className={entry.done ? "timeline__step timeline__step--done" : "timeline__step"}
                data-step={entry.step}
                data-done={entry.done}
              >
                <span className="timeline__dot" aria-hidden />
                <span className="timeline__label">{entry.label}</span>
                <span className="timeline__at muted">{entry.at ? shortDate(entry.at) : ""}</span>
                <span className="visually-hidden">{entry.done ? "(done)" : "(not yet)"}</span>
              </li>
            ))}
          </ol>
          {order.fulfillments.length > 0 && (
            <section className="order-card" aria-labelledby="shipments-heading">
              <h2 id="shipments-heading">{order.fulfillments.length === 1 ? "Shipment" : "Shipments"}</h2>
              {order.fulfillments.map((fulfillment, index) => (
                <div key={fulfillment.id} className="shipment" data-testid="shipment">
                  <p className="shipment__head">
                    <strong>
                      {order.fulfillments.length > 1 ? `Shipment ${index + 1}` : "Shipped"} ·{" "}
                      {shortDate(fulfillment.createdAt)}
                    </strong>
                  </p>
                  {fulfillment.tracking?.number || fulfillment.tracking?.carrier ? (
                    <p className="shipment__tracking" data-testid="tracking">
                      {fulfillment.tracking.carrier && (
                        <span data-testid="tracking-carrier">{fulfillment.tracking.carrier}</span>
                      )}
                      {fulfillment.tracking.number && (
                        <span>
                          Tracking number{" "}
                          <code data-testid="tracking-number">{fulfillment.tracking.number}</code>
                        </span>
                      )}
                      {fulfillment.tracking.url && (
                        <a
                          href={fulfillment.tracking.url}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="link"
                          data-testid="tracking-link"
                        >
                          Track the parcel ↗
                        </a>
                      )}
                    </p>
                  ) : (
                    <p className="muted">No tracking given by the shop.</p>
                  )}
                  <p className="muted shipment__lines">
                    {fulfillment.lines
                      .map(
                        (entry) =>
                          `${entry.quantity} × ${lineById.get(entry.line.id)?.productTitle ?? "item"}`,
                      )
                      .join(", ")}
                  </p>
                </div>
              ))}
            </section>
          )}
          <section className="order-card" aria-labelledby="items-heading">
            <h2 id="items-heading">Items</h2>
            <ul className="order-lines">
              {order.lines.map((line) => {
                const image = line.variant?.product.media[0];
                const handle = line.variant?.product.handle;
                return (
                  <li key={line.id} className="order-line" data-testid="order-line">
                    <span className="line__thumb">
                      {image ? (
                        <img src={image.posterUrl ?? image.url} alt="" />
                      ) : (
                        line.productTitle.slice(0, 1)
                      )}
                    </span>
                    <div className="order-line__main">
                      {handle ? (
                        <Link to={`/products/${handle}`} className="line__title">
                          {line.productTitle}
                        </Link>
                      ) : (
                        <span className="line__title">{line.productTitle}</span>
                      )}
                      <span className="muted line__meta">
                        {!isDefaultTitle(line.variantTitle) ? `${line.variantTitle} · ` : ""}
                        {line.quantity} × {money(line.unitPrice)}
                        {line.returnedQuantity > 0 ? ` · ${line.returnedQuantity} returned` : ""}
                      </span>
                      {reviewable &&
                        line.productId &&
                        (line.review ? (
                          <span className="muted line__meta" data-testid="line-reviewed">
                            You rated it {line.review.rating} ★
                          </span>
                        ) : reviewing === line.id ? null : (
                          <button
                            type="button"
                            className="link-button order-line__review"
                            onClick={() => setReviewing(line.id)}
                            data-testid="line-review"
                          >
                            Review
                          </button>
                        ))}
                    </div>
                    <span className="line__total">{money(line.total)}</span>
                    {reviewing === line.id && line.productId && (
                      <div className="order-line__form">
                        <ReviewForm
                          productId={line.productId}
                          orderLineId={line.id}
                          onCancel={() => setReviewing(null)}
                          onCreated={() => {
                            setReviewing(null);
                            void reload();
                          }}
                        />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="order-card" aria-labelledby="returns-heading" data-testid="order-returns">
            <h2 id="returns-heading">Returns</h2>
            {order.returns.length > 0 && (
              <ul className="return-list">
                {order.returns.map((item) => (
                  <li key={item.id} className="return-card" data-testid="order-return">
                    <div className="return-card__head">
                      <span>
                        {item.lines
                          .map((entry) => `${entry.quantity} × ${entry.line.productTitle}`)
                          .join(", ")}
                      </span>
                      <span
                        className={`status status--return-${item.status.toLowerCase()}`}
                        data-testid="order-return-status"
                      >
                        {returnStatusText(item.status)}
                      </span>
                    </div>
                    <p className="muted return-card__meta">
                      Requested {shortDate(item.createdAt)} · “{item.reason}”
                    </p>
                    {item.declineReason && <p className="muted">The shop: {item.declineReason}</p>}
                    {item.refund && (
                      <p className="muted">
                        Refund {money(item.refund.amount)} · {statusWords(item.refund.status)}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {returning ? (
              <ReturnForm
                order={order}
                onCancel={() => setReturning(false)}
                onDone={() => {
                  setReturning(false);
                  void reload();
                }}
              />
            ) : returnable.length > 0 && user !== "anonymous" ? (
              <>
                <p className="muted">
                  Returns are accepted within {order.shop.returnWindowDays} days of delivery.
                </p>
                <button
                  type="button"
                  className="button"
                  onClick={() => setReturning(true)}
                  data-testid="return-start"
                >
                  Request a return
                </button>
              </>
            ) : order.returns.length === 0 ? (
              <p className="muted">
                {order.fulfillmentStatus === "UNFULFILLED"
                  ? "Once your order has shipped, you can request a return here."
                  : order.shop.returnWindowDays === 0
                    ? `${order.shop.name} takes no returns.`
                    : "Nothing left to return."}
              </p>
            ) : null}
          </section>
        </div>
        <aside className="order__side">
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
          <section className="summary" aria-label="Summary">
            <div className="summary__line">
              <span>Subtotal</span>
              <span>{money(order.subtotal)}</span>
            </div>
            {Number(order.discountTotal.amount) > 0 && (
              <div className="summary__line" data-testid="order-discount">
                <span>
                  Discount{order.discountCodes.length ? ` (${order.discountCodes.join(", ")})` : ""}
                </span>
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
            {Number(order.refundedTotal.amount) > 0 && (
              <div className="summary__line summary__line--included">
                <span>Refunded</span>
                <span>{money(order.refundedTotal)}</span>
              </div>
            )}
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
          {user !== "anonymous" && (
            <Link to="/account" className="button button--wide order__account">
              All your orders
            </Link>
          )}
          <Link to="/" className="button button--wide">
            Keep shopping
          </Link>
        </aside>
      </div>
    </div>
  );
}

const REASONS = ["Doesn't fit", "Not as described", "Arrived damaged", "Changed my mind", "Other"];

/** Choose lines and quantities, a reason and a note → `returnRequest`; errors under what they concern. */
function ReturnForm({ order, onDone, onCancel }: { order: Order; onDone(): void; onCancel(): void }) {
  const { client } = useShoppable();
  const id = useId();
  const lines = order.lines
    .map((line) => ({ line, max: returnableQuantity(line, order.returns) }))
    .filter((entry) => entry.max > 0);
  const [chosen, setChosen] = useState<Record<string, number>>(() =>
    lines.length === 1 && lines[0] ? { [lines[0].line.id]: lines[0].max } : {},
  );
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ lines?: string; reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const picked = Object.entries(chosen).filter(([, quantity]) => quantity > 0);
    const problems: typeof errors = {};
    if (!picked.length) problems.lines = "Choose what goes back.";
    if (!reason) problems.reason = "Choose a reason.";
    if (problems.lines || problems.reason) return setErrors(problems);
    setBusy(true);
    setErrors({});
    try {
      const text = `${reason}${note.trim() ? `: ${note.trim()}` : ""}`.slice(0, 500);
      const result = await client.returnRequest({
        orderId: order.id,
        reason: text,
        lines: picked.map(([lineId, quantity]) => ({ lineId, quantity })),
      });
      const failure = result.userErrors[0];
      if (failure) {
        const message =
          failure.code === "NOT_RETURNABLE"
            ? `Only ${failure.quantityReturnable ?? 0} of that item can be returned now.`
            : failure.code === "RETURN_WINDOW_CLOSED"
              ? `The return window of ${order.shop.returnWindowDays} days has closed.`
              : failure.code === "RETURNS_NOT_ACCEPTED"
                ? `${order.shop.name} takes no returns.`
                : failure.message;
        setErrors(
          failure.field?.includes("reason")
            ? { reason: message }
            : failure.field?.includes("lines")
              ? { lines: message }
              : { form: message },
        );
        return;
      }
      onDone();
    } catch (cause) {
      setErrors({ form: `${(cause as Error).message}. Try again.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form return-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="return-form"
    >
      <fieldset className="cards" aria-describedby={errors.lines ? `${id}-lines-error` : undefined}>
        <legend>What goes back?</legend>
        {lines.map(({ line, max }) => {
          const quantity = chosen[line.id] ?? 0;
          return (
            <div key={line.id} className={quantity ? "card-option card-option--selected" : "card-option"}>
              <input
                id={`${id}-${line.id}`}
                type="checkbox"
                checked={quantity > 0}
                onChange={(event) => {
                  setChosen({ ...chosen, [line.id]: event.target.checked ? max : 0 });
                  setErrors((shown) => ({ ...shown, lines: undefined }));
                }}
                data-testid="return-line"
              />
              <label htmlFor={`${id}-${line.id}`} className="card-option__brand">
                {line.productTitle}
                {!isDefaultTitle(line.variantTitle) ? ` (${line.variantTitle})` : ""}
              </label>
              {max > 1 && (
                <select
                  aria-label={`How many ${line.productTitle}`}
                  value={quantity || max}
                  disabled={!quantity}
                  onChange={(event) => setChosen({ ...chosen, [line.id]: Number(event.target.value) })}
                  data-testid="return-quantity"
                >
                  {Array.from({ length: max }, (_, index) => index + 1).map((count) => (
                    <option key={count} value={count}>
                      {count}
                    </option>
                  ))}
                </select>
              )}
            </div>
          );
        })}
        {errors.lines && (
          <p className="field-error" id={`${id}-lines-error`} role="alert">
            {errors.lines}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <select
          id={`${id}-reason`}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setErrors((shown) => ({ ...shown, reason: undefined }));
          }}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
          data-testid="return-reason"
        >
          <option value="">Choose…</option>
          {REASONS.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
        {errors.reason && (
          <p className="field-error" id={`${id}-reason-error`}>
            {errors.reason}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note for the shop (optional)</label>
        <textarea
          id={`${id}-note`}
          value={note}
          rows={3}
          maxLength={400}
          onChange={(event) => setNote(event.target.value)}
          data-testid="return-note"
        />
      </div>
      <FormActions
        error={errors.form}
        errorTestId="return-error"
        busy={busy}
        label="Request the return"
        busyLabel="Sending…"
        submitTestId="return-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
