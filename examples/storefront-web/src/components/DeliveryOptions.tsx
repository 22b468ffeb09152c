/**
 * The checkout's delivery options, one group per shop (`Cart.deliveryGroups`): radio buttons
 * with the option's title, estimate and cost; choosing one calls
 * `cartSelectedDeliveryOptionsUpdate` at once. A group that cannot be delivered says why
 * (no address yet, the shop does not deliver there, no rate fits the items); a group of goods
 * that do not ship (digital) says nothing needs shipping.
 */
import { useId, useState, type Ref } from "react";
import { estimateText, unavailableText } from "../delivery.ts";
import {
  CartSelectedDeliveryOptionsUpdate,
  type CheckoutCartFields,
  type DeliveryGroup,
} from "../documents.ts";
import { money } from "../format.ts";
import { useShoppable } from "../shoppable.tsx";

/** A checkout error about a group (DELIVERY_OPTION_REQUIRED, …): its shop, or null for the section. */
export interface DeliveryAttention {
  shopId: string | null;
  message: string;
}

export function DeliveryOptions({
  cart,
  onCart,
  attention,
  sectionRef,
  groupRef,
}: {
  cart: CheckoutCartFields;
  onCart(cart: CheckoutCartFields): void;
  attention: DeliveryAttention | null;
  sectionRef: Ref<HTMLElement>;
  /** Receives each group's element, by shop, so a checkout error can move to it. */
  groupRef(shopId: string, element: HTMLElement | null): void;
}) {
  const id = useId();
  const sectionAttention = attention && !cart.deliveryGroups.some((g) => g.shop.id === attention.shopId);
  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      className={`checkout-section${sectionAttention ? " checkout-section--attention" : ""}`}
      aria-labelledby={`${id}-heading`}
      data-testid="delivery-section"
    >
      <h2 id={`${id}-heading`}>Delivery</h2>
      {sectionAttention && (
        <p className="error" role="alert">
          {attention.message}
        </p>
      )}
      {cart.deliveryGroups.map((group) => (
        <Group
          key={group.shop.id}
          cart={cart}
          group={group}
          onCart={onCart}
          several={cart.deliveryGroups.length > 1}
          attention={attention?.shopId === group.shop.id ? attention.message : null}
          groupRef={(element) => groupRef(group.shop.id, element)}
        />
      ))}
    </section>
  );
}

function Group({
  cart,
  group,
  onCart,
  several,
  attention,
  groupRef,
}: {
  cart: CheckoutCartFields;
  group: DeliveryGroup;
  onCart(cart: CheckoutCartFields): void;
  several: boolean;
  attention: string | null;
  groupRef(element: HTMLElement | null): void;
}) {
  const { client } = useShoppable();
  const id = useId();
  /** The option being saved: shown as chosen at once, so the radios do not flicker. */
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = group.lines.reduce(
    (sum, line) => sum + (cart.lines.find((candidate) => candidate.id === line.id)?.quantity ?? 0),
    0,
  );
  const selected = pending ?? group.selectedDeliveryOption?.handle ?? null;
  const message = error ?? attention;

  async function select(handle: string) {
    setPending(handle);
    setError(null);
    try {
      const { cartSelectedDeliveryOptionsUpdate: result } = await client.request(
        CartSelectedDeliveryOptionsUpdate,
        { input: { cartId: cart.id, selections: [{ shopId: group.shop.id, handle }] } },
      );
      if (result.cart) onCart(result.cart);
      const failure = result.userErrors[0];
      if (failure)
        setError(
          failure.code === "DELIVERY_OPTION_UNAVAILABLE"
            ? "This option is no longer offered for your address: choose another."
            : failure.message,
        );
    } catch (cause) {
      setError(`${(cause as Error).message}. Choose again.`);
    } finally {
      setPending(null);
    }
  }

  return (
    <fieldset
      ref={groupRef}
      tabIndex={-1}
      className={`delivery-group${message ? " delivery-group--attention" : ""}`}
      aria-describedby={message ? `${id}-message` : undefined}
      aria-busy={pending ? true : undefined}
      data-testid="delivery-group"
      data-shop-id={group.shop.id}
      data-attention={attention ? "true" : undefined}
    >
      <legend>
        {several ? `From ${group.shop.name}` : "Delivery option"}{" "}
        <span className="muted">
          ({items} item{items === 1 ? "" : "s"})
        </span>
      </legend>
      {message && (
        <p className="field-error" id={`${id}-message`} role="alert" data-testid="delivery-group-error">
          {message}
        </p>
      )}
      {!group.requiresShipping ? (
        <p className="hint" data-testid="delivery-not-needed">
          Nothing here needs shipping.
        </p>
      ) : group.deliveryOptions.length === 0 ? (
        <p className="hint" data-testid="delivery-unavailable">
          {unavailableText(group, cart.deliveryAddress?.countryCode ?? null)}
        </p>
      ) : (
        group.deliveryOptions.map((option) => (
          <label
            key={option.handle}
            className={selected === option.handle ? "card-option card-option--selected" : "card-option"}
          >
            <input
              type="radio"
              name={`${id}-option`}
              value={option.handle}
              checked={selected === option.handle}
              disabled={pending !== null}
              onChange={() => void select(option.handle)}
              data-testid="delivery-option"
              data-handle={option.handle}
            />
            <span className="delivery-option__text">
              <span className="card-option__brand">{option.title}</span>
              <span className="muted">{estimateText(option.estimatedDays)}</span>
            </span>
            <span className="delivery-option__cost" data-testid="delivery-option-cost">
              {Number(option.cost.amount) === 0 ? "Free" : money(option.cost)}
            </span>
          </label>
        ))
      )}
    </fieldset>
  );
}
