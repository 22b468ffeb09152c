/**
 * `/checkout`: email and country (`cartBuyerIdentityUpdate`), a card with the built-in test
 * provider's tokens, then `checkoutComplete` with an idempotency key: one per attempt, reused
 * when the same attempt is retried (a lost answer, a checkout still in progress), so a retry
 * never charges twice; a declined card gets a new key with the next attempt.
 */
import { useRef, useState, type FormEvent } from "react";
import { money } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";

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

export function CheckoutPage() {
  const { client, cart, forgetCart, user, config } = useShoppable();
  const [email, setEmail] = useState(cart?.buyerIdentity.email ?? "");
  const [country, setCountry] = useState(cart?.buyerIdentity.countryCode ?? "DE");
  const [token, setToken] = useState(CARDS[0]!.token);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The current attempt: its key is reused while the same cart is paid with the same card. */
  const attempt = useRef<{ key: string; cartId: string; token: string } | null>(null);

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

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!cart) return;
    setBusy(true);
    setError(null);
    try {
      let cartId = cart.id;
      if (email !== (cart.buyerIdentity.email ?? "") || country !== (cart.buyerIdentity.countryCode ?? "")) {
        const identity = await client.cartBuyerIdentityUpdate({
          cartId,
          buyerIdentity: { email: email || null, countryCode: country || null },
        });
        if (identity.userErrors[0]) throw new Error(identity.userErrors[0].message);
        cartId = identity.cart?.id ?? cartId;
      }
      if (!attempt.current || attempt.current.cartId !== cartId || attempt.current.token !== token)
        attempt.current = { key: uuid(), cartId, token };
      const result = await client.checkoutComplete({
        cartId,
        idempotencyKey: attempt.current.key,
        payment: { token },
      });
      const failure = result.userErrors[0];
      if (failure) {
        // A decline is final for this key: the next attempt makes a new one. Pending or in-progress outcomes keep it for the retry.
        if (failure.code !== "PAYMENT_PENDING" && failure.code !== "CHECKOUT_IN_PROGRESS")
          attempt.current = null;
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
      const orders = result.orders.length ? result.orders : result.order ? [result.order] : [];
      for (const order of orders)
        sessionStorage.setItem(`shoppable.order.${order.id}`, JSON.stringify({ cartId }));
      attempt.current = null;
      forgetCart();
      navigate(
        `/orders/${encodeURIComponent(orders[0]!.id)}${
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
      <section className="summary">
        {cart.lines.map((line) => (
          <div key={line.id} className="summary__line">
            <span>
              {line.quantity} × {line.variant?.product.title ?? "Unavailable"}
            </span>
            <span>{money(line.cost.total)}</span>
          </div>
        ))}
        <div className="summary__line summary__total">
          <span>Total</span>
          <span data-testid="checkout-total">{money(cart.cost?.total)}</span>
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
        <label>
          Country
          <select
            value={country}
            onChange={(event) => setCountry(event.target.value)}
            data-testid="checkout-country"
          >
            {["DE", "FR", "NL", "ES", "IT", "GB", "US"].map((code) => (
              <option key={code} value={code}>
                {new Intl.DisplayNames(undefined, { type: "region" }).of(code)}
              </option>
            ))}
          </select>
        </label>
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
          {busy ? "Paying…" : `Pay ${money(cart.cost?.total)}`}
        </button>
        <p className="hint">
          Demo payments via the API's test provider ({config.apiUrl.replace(/\/graphql$/, "")}). No real card
          is charged.
        </p>
      </form>
    </div>
  );
}
