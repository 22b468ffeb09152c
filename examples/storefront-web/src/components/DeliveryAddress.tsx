/**
 * The checkout's delivery address: one of the signed-in buyer's saved addresses
 * (`viewer.addresses`, sent as `addressId`) or an address typed in, saved on the cart with
 * `cartDeliveryAddressUpdate`. Each userError shows under the field its path names
 * (["address", "zip"] → the postal code); the province appears where the country needs one.
 */
import { useId, useRef, useState, type FormEvent, type Ref } from "react";
import {
  type AddressErrors,
  type AddressField,
  type AddressValues,
  addressErrors,
  addressInput,
  addressLines,
  addressValues,
  emptyAddress,
} from "../address.ts";
import {
  CartDeliveryAddressUpdate,
  type CheckoutCartFields,
  type MailingAddressInput,
  type SavedAddress,
} from "../documents.ts";
import { useShoppable } from "../shoppable.tsx";
import { AddressFields, changedAddress, focusFirstError } from "./AddressFields.tsx";

export function DeliveryAddress({
  cart,
  savedAddresses,
  onCart,
  attention,
  sectionRef,
}: {
  cart: CheckoutCartFields;
  savedAddresses: SavedAddress[];
  /** Called with the cart after the address was saved. */
  onCart(cart: CheckoutCartFields): void;
  /** A checkout error about the address (DELIVERY_ADDRESS_REQUIRED), shown at the top. */
  attention: string | null;
  sectionRef: Ref<HTMLElement>;
}) {
  const { client } = useShoppable();
  const current = cart.deliveryAddress;
  const [editing, setEditing] = useState(!current);
  /** A saved address's ID, or "new" for the form. */
  const [choice, setChoice] = useState<string>(savedAddresses.length ? "" : "new");
  const [values, setValues] = useState<AddressValues>(() =>
    current ? addressValues(current) : emptyAddress(cart.buyerIdentity.countryCode ?? "DE"),
  );
  const [errors, setErrors] = useState<AddressErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  async function save(input: { address: MailingAddressInput } | { addressId: string }) {
    setBusy(true);
    setErrors({});
    try {
      const { cartDeliveryAddressUpdate: result } = await client.request(CartDeliveryAddressUpdate, {
        input: { cartId: cart.id, ...input },
      });
      if (result.userErrors.length) {
        const found = addressErrors(result.userErrors, values.countryCode);
        setErrors(found);
        // The first wrong field takes the focus (its error is read with it through aria-describedby).
        focusFirstError(formRef.current, found);
        return;
      }
      if (result.cart) onCart(result.cart);
      setEditing(false);
    } catch (cause) {
      setErrors({ form: `${(cause as Error).message}. Try again.` });
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save({ address: addressInput(values) });
  }

  function change(field: AddressField, value: string) {
    setValues((previous) => changedAddress(previous, field, value));
    // The error of a field being corrected goes; the others stay until the next save.
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      className={`checkout-section${attention ? " checkout-section--attention" : ""}`}
      aria-labelledby={`${id}-heading`}
      data-testid="address-section"
      data-attention={attention ? "true" : undefined}
    >
      <h2 id={`${id}-heading`}>Delivery address</h2>
      {attention && (
        <p className="error" role="alert" data-testid="address-attention">
          {attention}
        </p>
      )}
      {current && !editing ? (
        <div className="address-card" data-testid="delivery-address">
          <address>
            {addressLines(current).map((line) => (
              <span key={line}>{line}</span>
            ))}
          </address>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setValues(addressValues(current));
              setChoice(savedAddresses.length ? "" : "new");
              setEditing(true);
            }}
            data-testid="address-change"
          >
            Change
          </button>
        </div>
      ) : (
        <>
          {savedAddresses.length > 0 && (
            <fieldset
              className="cards"
              aria-describedby={errors.savedAddress ? `${id}-saved-error` : undefined}
            >
              <legend>Your saved addresses</legend>
              {savedAddresses.map((saved) => (
                <label
                  key={saved.id}
                  className={choice === saved.id ? "card-option card-option--selected" : "card-option"}
                >
                  <input
                    type="radio"
                    name={`${id}-saved`}
                    value={saved.id}
                    checked={choice === saved.id}
                    disabled={busy}
                    onChange={() => {
                      setChoice(saved.id);
                      void save({ addressId: saved.id });
                    }}
                    data-testid="saved-address"
                  />
                  <span className="card-option__brand">
                    {addressLines(saved.address).slice(0, 3).join(", ")}
                    {saved.isDefault && <span className="badge badge--inline">Default</span>}
                  </span>
                </label>
              ))}
              <label className={choice === "new" ? "card-option card-option--selected" : "card-option"}>
                <input
                  type="radio"
                  name={`${id}-saved`}
                  value="new"
                  checked={choice === "new"}
                  disabled={busy}
                  onChange={() => setChoice("new")}
                  data-testid="saved-address-new"
                />
                <span className="card-option__brand">A new address</span>
              </label>
              {errors.savedAddress && (
                <p className="field-error" id={`${id}-saved-error`} role="alert">
                  {errors.savedAddress}
                </p>
              )}
            </fieldset>
          )}
          {choice === "new" && (
            <form ref={formRef} className="form address-form" onSubmit={submit} noValidate>
              <AddressFields
                idPrefix={id}
                values={values}
                errors={errors}
                onChange={change}
                section="shipping"
              />
              {errors.form && (
                <p className="error" role="alert">
                  {errors.form}
                </p>
              )}
              <div className="address-form__actions">
                <button
                  type="submit"
                  className="button button--primary"
                  disabled={busy}
                  data-testid="address-save"
                >
                  {busy ? "Saving…" : "Deliver here"}
                </button>
                {current && (
                  <button type="button" className="button" disabled={busy} onClick={() => setEditing(false)}>
                    Cancel
                  </button>
                )}
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}
