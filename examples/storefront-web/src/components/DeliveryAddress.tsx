/**
 * The checkout's delivery address: one of the signed-in buyer's saved addresses
 * (`viewer.addresses`, sent as `addressId`) or an address typed in, saved on the cart with
 * `cartDeliveryAddressUpdate`. Each userError shows under the field its path names
 * (["address", "zip"] → the postal code); the province appears where the country needs one.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from "react";
import {
  type AddressErrors,
  type AddressField,
  type AddressValues,
  addressErrors,
  addressInput,
  addressLabels,
  addressLines,
  addressValues,
  COUNTRIES,
  countryName,
  emptyAddress,
  needsProvince,
  PROVINCES,
} from "../address.ts";
import {
  CartDeliveryAddressUpdate,
  type CheckoutCartFields,
  type MailingAddressInput,
  type SavedAddress,
} from "../documents.ts";
import { useShoppable } from "../shoppable.tsx";

const COUNTRY_OPTIONS = [...COUNTRIES].sort((a, b) => countryName(a).localeCompare(countryName(b)));
/** The order in which fields are focused when several are wrong. */
const FIELD_ORDER: AddressField[] = [
  "countryCode",
  "firstName",
  "lastName",
  "address1",
  "address2",
  "city",
  "provinceCode",
  "zip",
  "phone",
];

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
        const first = FIELD_ORDER.find((field) => found[field]);
        if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
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
    setValues((previous) =>
      field === "countryCode"
        ? { ...previous, countryCode: value, provinceCode: "" }
        : { ...previous, [field]: value },
    );
    // The error of a field being corrected goes; the others stay until the next save.
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }

  const field = (name: AddressField, label: string, input: ReactNode, options: { full?: boolean } = {}) => (
    <Field key={name} id={`${id}-${name}`} name={name} label={label} error={errors[name]} full={options.full}>
      {input}
    </Field>
  );
  const text = (name: AddressField, autoComplete: string, extra: Record<string, unknown> = {}) => (
    <input
      id={`${id}-${name}`}
      name={name}
      type={name === "phone" ? "tel" : "text"}
      value={values[name]}
      onChange={(event) => change(name, event.target.value)}
      autoComplete={`shipping ${autoComplete}`}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
      data-testid={`address-${name}`}
      {...extra}
    />
  );

  const labels = addressLabels(values.countryCode);
  const provinces = PROVINCES[values.countryCode];
  const province = needsProvince(values.countryCode);

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
              <div className="address-grid">
                {field(
                  "countryCode",
                  "Country",
                  <select
                    id={`${id}-countryCode`}
                    name="countryCode"
                    value={values.countryCode}
                    onChange={(event) => change("countryCode", event.target.value)}
                    autoComplete="shipping country"
                    aria-invalid={errors.countryCode ? true : undefined}
                    aria-describedby={errors.countryCode ? `${id}-countryCode-error` : undefined}
                    data-testid="address-countryCode"
                  >
                    {COUNTRY_OPTIONS.map((code) => (
                      <option key={code} value={code}>
                        {countryName(code)}
                      </option>
                    ))}
                  </select>,
                  { full: true },
                )}
                {field("firstName", "First name (optional)", text("firstName", "given-name"))}
                {field("lastName", "Last name", text("lastName", "family-name", { required: true }))}
                {field("address1", "Address", text("address1", "address-line1", { required: true }), {
                  full: true,
                })}
                {field("address2", "Apartment, suite, etc. (optional)", text("address2", "address-line2"), {
                  full: true,
                })}
                {field("city", "City", text("city", "address-level2", { required: true }), {
                  full: !province,
                })}
                {province &&
                  field(
                    "provinceCode",
                    labels.provinceCode,
                    provinces ? (
                      <select
                        id={`${id}-provinceCode`}
                        name="provinceCode"
                        value={values.provinceCode}
                        onChange={(event) => change("provinceCode", event.target.value)}
                        autoComplete="shipping address-level1"
                        aria-invalid={errors.provinceCode ? true : undefined}
                        aria-describedby={errors.provinceCode ? `${id}-provinceCode-error` : undefined}
                        data-testid="address-provinceCode"
                        required
                      >
                        <option value="">Choose…</option>
                        {provinces.map(([code, name]) => (
                          <option key={code} value={code}>
                            {name}
                          </option>
                        ))}
                      </select>
                    ) : (
                      text("provinceCode", "address-level1", {
                        required: true,
                        maxLength: 8,
                        autoCapitalize: "characters",
                        placeholder: "e.g. MI",
                      })
                    ),
                  )}
                {field(
                  "zip",
                  labels.zip,
                  text("zip", "postal-code", { autoCapitalize: "characters", spellCheck: false }),
                )}
                {field("phone", "Phone (optional)", text("phone", "tel"))}
              </div>
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

/** A labelled field with its error right under it, announced with the field (aria-describedby). */
function Field({
  id,
  name,
  label,
  error,
  full,
  children,
}: {
  id: string;
  name: AddressField;
  label: string;
  error: string | undefined;
  full?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <div
      className={`field${full ? " field--full" : ""}${error ? " field--invalid" : ""}`}
      data-testid={`address-field-${name}`}
    >
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
