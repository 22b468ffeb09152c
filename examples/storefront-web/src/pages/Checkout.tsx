/**
 * `/checkout`, top to bottom: the delivery address (typed, or one of the signed-in buyer's
 * saved addresses; `cartDeliveryAddressUpdate`), the delivery options of each shop's group
 * (`cartSelectedDeliveryOptionsUpdate`), the order summary from `Cart.cost` (subtotal,
 * discount, shipping, tax included or added, total), then email, a card with the built-in test
 * provider's tokens, and `checkoutComplete` with an idempotency key: one per attempt, reused
 * when the same attempt is retried (a lost answer, a checkout still in progress), so a retry
 * never charges twice; a declined card gets a new key with the next attempt. A DELIVERY_ error
 * moves the page to the address or the shop's delivery group and marks it.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { COUNTRIES, countryName } from "../address.ts";
import { DeliveryAddress } from "../components/DeliveryAddress.tsx";
import { DiscountCode } from "../components/DiscountCode.tsx";
import { type DeliveryAttention, DeliveryOptions } from "../components/DeliveryOptions.tsx";
import { checkoutErrorTarget, deliveryErrorText, summaryRows } from "../delivery.ts";
import {
  CheckoutCart,
  type CheckoutCartFields,
  CheckoutComplete,
  type SavedAddress,
  ViewerAddresses,
} from "../documents.ts";
import { isDefaultTitle, money } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

const CARDS = [
  { token: "tok_success", label: "Visa •••• 4242", note: "approved" },
  { token: "tok_declined", label: "Visa •••• 0002", note: "declined" },
  { token: "tok_transient", label: "Mastercard •••• 4444", note: "one retryable failure" },
];

/** A UUID v4; `crypto.randomUUID` exists only in secure contexts (https, localhost). */
export function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A checkout error that belongs to a section above the payment form. */
type Attention = { section: "address"; message: string } | ({ section: "delivery" } & DeliveryAttention);

/**
 * The cart as checkout shows it (`CheckoutCart`), read again whenever the provider's cart
 * changes (its `updatedAt`, live through `cartUpdated`), and replaced by mutation payloads; an
 * answer older than the cart shown is ignored, so a slow read never undoes a newer change.
 */
function useCheckoutCart(cartId: string | undefined, updatedAt: string | undefined) {
  const { client } = useShoppable();
  const [checkout, setCheckout] = useState<CheckoutCartFields | null>(null);
  const [failed, setFailed] = useState<Error | null>(null);
  const [tick, setTick] = useState(0);
  const show = useCallback((next: CheckoutCartFields) => {
    setCheckout((shown) =>
      shown && shown.id === next.id && Date.parse(next.updatedAt) < Date.parse(shown.updatedAt)
        ? shown
        : next,
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: updatedAt and tick are what trigger a new read
  useEffect(() => {
    if (!cartId) return;
    let active = true;
    client.request(CheckoutCart, { id: cartId }).then(
      ({ cart }) => {
        if (!active) return;
        setFailed(null);
        if (cart) show(cart);
      },
      (error: Error) => active && setFailed(error),
    );
    return () => {
      active = false;
    };
  }, [client, cartId, updatedAt, tick, show]);
  return { checkout, show, failed, reload: () => setTick((n) => n + 1) };
}

/** The signed-in buyer's saved addresses; none for an anonymous buyer (null while loading). */
function useSavedAddresses(): SavedAddress[] | null {
  const { client, user } = useShoppable();
  const [addresses, setAddresses] = useState<SavedAddress[] | null>(null);
  useEffect(() => {
    if (user === "anonymous") return setAddresses([]);
    let active = true;
    setAddresses(null);
    client.request(ViewerAddresses).then(
      ({ viewer }) => active && setAddresses(viewer.addresses),
      // Without the address book the buyer types the address.
      () => active && setAddresses([]),
    );
    return () => {
      active = false;
    };
  }, [client, user]);
  return addresses;
}

export function CheckoutPage() {
  useDocumentTitle("Checkout");
  const { client, cart, forgetCart, user, config } = useShoppable();
  const { checkout, show, failed, reload } = useCheckoutCart(cart?.id, cart?.updatedAt);
  const savedAddresses = useSavedAddresses();
  const [email, setEmail] = useState(cart?.buyerIdentity.email ?? "");
  const [country, setCountry] = useState(cart?.buyerIdentity.countryCode ?? "DE");
  const [token, setToken] = useState(CARDS[0]!.token);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attention, setAttention] = useState<Attention | null>(null);
  /** The current attempt: its key is reused while the same cart is paid with the same card. */
  const attempt = useRef<{ key: string; cartId: string; token: string } | null>(null);
  const addressRef = useRef<HTMLElement>(null);
  const deliveryRef = useRef<HTMLElement>(null);
  const groups = useRef(new Map<string, HTMLElement>());

  // A checkout error about delivery: bring its section (or the shop's group) into view and focus it,
  // so its message is read; each new error (a new object) moves there again.
  useEffect(() => {
    if (!attention) return;
    const target =
      attention.section === "address"
        ? addressRef.current
        : ((attention.shopId ? groups.current.get(attention.shopId) : undefined) ?? deliveryRef.current);
    const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target?.scrollIntoView({ behavior: calm ? "auto" : "smooth", block: "start" });
    target?.focus({ preventScroll: true });
  }, [attention]);

  const onCart = useCallback(
    (next: CheckoutCartFields) => {
      show(next);
      setAttention(null);
    },
    [show],
  );

  if (!cart || cart.lines.length === 0) {
    return (
      <div className="page page-pad checkout">
        <h1>Checkout</h1>
        <p className="empty">Your cart is empty.</p>
        <Link to="/" className="button">
          Back to the feed
        </Link>
      </div>
    );
  }
  if (!checkout || checkout.id !== cart.id || !savedAddresses) {
    return (
      <div className="page page-pad checkout" aria-busy="true">
        <h1>Checkout</h1>
        {failed ? (
          <p className="error" role="alert">
            Your cart could not be loaded ({failed.message}).{" "}
            <button type="button" className="link-button" onClick={reload}>
              Try again
            </button>
          </p>
        ) : (
          <div className="skeleton skeleton--checkout" />
        )}
      </div>
    );
  }

  const ships = checkout.deliveryGroups.some((group) => group.requiresShipping);
  const rows = summaryRows(checkout);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checkout) return;
    setBusy(true);
    setError(null);
    try {
      let cartId = checkout.id;
      // With goods that ship, the delivery address sets the cart's country; otherwise the buyer picks it (for tax).
      const countryChanged = !ships && country !== (checkout.buyerIdentity.countryCode ?? "");
      if (email !== (checkout.buyerIdentity.email ?? "") || countryChanged) {
        const identity = await client.cartBuyerIdentityUpdate({
          cartId,
          buyerIdentity: {
            email: email || null,
            ...(countryChanged ? { countryCode: country || null } : {}),
          },
        });
        if (identity.userErrors[0]) throw new Error(identity.userErrors[0].message);
        cartId = identity.cart?.id ?? cartId;
      }
      if (!attempt.current || attempt.current.cartId !== cartId || attempt.current.token !== token)
        attempt.current = { key: uuid(), cartId, token };
      const { checkoutComplete: result } = await client.request(CheckoutComplete, {
        input: { cartId, idempotencyKey: attempt.current.key, payment: { token } },
      });
      const failure = result.userErrors[0];
      if (failure) {
        // A decline is final for this key: the next attempt makes a new one. Pending or in-progress outcomes keep it for the retry.
        if (failure.code !== "PAYMENT_PENDING" && failure.code !== "CHECKOUT_IN_PROGRESS")
          attempt.current = null;
        const target = checkoutErrorTarget(failure);
        if (target.section !== "payment") {
          // The address or the options changed under the buyer (or were never set): show them as they are now.
          reload();
          const shop = checkout.deliveryGroups.find((group) => group.shop.id === failure.shopId)?.shop;
          const message = deliveryErrorText(failure.code, shop?.name ?? null);
          setAttention(
            target.section === "address"
              ? { section: "address", message }
              : { section: "delivery", shopId: target.shopId, message },
          );
          return;
        }
        setError(
          failure.code === "PAYMENT_DECLINED"
            ? "Your card was declined. Nothing was charged: try another card."
            : failure.code === "OUT_OF_STOCK"
              ? `Some items sold out meanwhile (only ${failure.quantityAvailable ?? 0} left). Update your cart and try again.`
              : failure.code === "EMAIL_REQUIRED"
                ? "Please enter your email."
                : failure.code === "PAYMENT_PENDING" || failure.code === "CHECKOUT_IN_PROGRESS"
                  ? "The payment is still being confirmed. Press Pay again: you will not be charged twice."
                  : failure.message,
        );
        return;
      }
      const orders = result.orders;
      const first = orders[0];
      if (!first) throw new Error("The checkout answered without an order");
      for (const order of orders)
        sessionStorage.setItem(`shoppable.order.${order.id}`, JSON.stringify({ cartId }));
      attempt.current = null;
      forgetCart();
      navigate(
        `/orders/${encodeURIComponent(first.id)}${
          orders.length > 1
            ? `?also=${orders
                .slice(1)
                .map((order) => encodeURIComponent(order.id))
                .join(",")}`
            : ""
        }`,
      );
    } catch (cause) {
      // The answer was lost: the same attempt (same key) may be retried safely.
      setError(`${(cause as Error).message}. Press Pay again to retry safely.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-pad checkout" data-testid="checkout-page">
      <h1>Checkout</h1>
      {ships && (
        <DeliveryAddress
          // A new cart (merged at sign-in) starts the form again.
          key={checkout.id}
          cart={checkout}
          savedAddresses={savedAddresses}
          onCart={onCart}
          attention={attention?.section === "address" ? attention.message : null}
          sectionRef={addressRef}
        />
      )}
      <DeliveryOptions
        cart={checkout}
        onCart={onCart}
        attention={attention?.section === "delivery" ? attention : null}
        sectionRef={deliveryRef}
        groupRef={(shopId, element) => {
          if (element) groups.current.set(shopId, element);
          else groups.current.delete(shopId);
        }}
      />
      <section className="checkout-section checkout-summary" aria-labelledby="checkout-summary-heading">
        <h2 id="checkout-summary-heading">Order summary</h2>
        <div className="summary" data-testid="checkout-summary">
          {checkout.lines.map((line) => (
            <div key={line.id} className="summary__line">
              <span>
                {line.quantity} × {line.variant?.product.title ?? "Unavailable"}
                {line.variant && !isDefaultTitle(line.variant.title) ? ` (${line.variant.title})` : ""}
              </span>
              <span>{money(line.cost.total)}</span>
            </div>
          ))}
          <DiscountCode cartId={checkout.id} updatedAt={checkout.updatedAt} onChanged={reload} />
          {rows.map((row) => (
            <div
              key={row.key}
              className={`summary__line${row.key === "total" ? " summary__total" : ""}${row.included ? " summary__line--included" : ""}`}
              data-testid={`summary-${row.key}`}
            >
              <span>{row.label}</span>
              <span
                className="summary__amount"
                data-testid={row.key === "total" ? "checkout-total" : undefined}
              >
                {row.amount ? (
                  `${row.negative ? "−" : ""}${money(row.amount)}`
                ) : (
                  <span className="muted">{row.note}</span>
                )}
              </span>
            </div>
          ))}
        </div>
      </section>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label>
          Email {user === "anonymous" ? "" : <span className="muted">(optional with your account)</span>}
          <input
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required={user === "anonymous"}
            placeholder="you@example.com"
            data-testid="checkout-email"
            autoComplete="email"
          />
        </label>
        {!ships && (
          <label>
            Country <span className="muted">(for tax)</span>
            <select
              value={country}
              onChange={(event) => setCountry(event.target.value)}
              data-testid="checkout-country"
            >
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {countryName(code)}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="cards">
          <legend>Payment (test cards)</legend>
          {CARDS.map((card) => (
            <label
              key={card.token}
              className={token === card.token ? "card-option card-option--selected" : "card-option"}
            >
              <input
                type="radio"
                name="card"
                value={card.token}
                checked={token === card.token}
                onChange={() => setToken(card.token)}
                data-testid={`card-${card.token}`}
              />
              <span className="card-option__brand">{card.label}</span>
              <span className="muted">{card.note}</span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="error" role="alert" data-testid="checkout-error">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary button--wide"
          disabled={busy}
          data-testid="pay"
        >
          {busy ? "Paying…" : `Pay ${money(checkout.cost?.total)}`}
        </button>
        <p className="hint">
          Demo payments via the API's test provider ({config.apiUrl.replace(/\/graphql$/, "")}). No real card
          is charged.
        </p>
      </form>
    </div>
  );
}
