/**
 * The checkout's discount-code field: apply a code (`cartDiscountCodesUpdate` with the cart's
 * codes plus it), each code in the cart as a chip with what it takes off or why it does not
 * apply, and remove one. A userError (a malformed code) shows under the field.
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import {
  type CartDiscountCode,
  CartDiscountCodes,
  CheckoutDiscountCodesUpdate,
} from "../account-documents.ts";
import { discountReasonText } from "../account.ts";
import { money } from "../format.ts";
import { useShoppable } from "../shoppable.tsx";

export function DiscountCode({
  cartId,
  updatedAt,
  onChanged,
}: {
  cartId: string;
  /** The cart's version: the codes are read again when it changes. */
  updatedAt: string;
  /** Called after the codes changed (the summary reads the cart's cost again). */
  onChanged(): void;
}) {
  const { client } = useShoppable();
  const id = useId();
  const [codes, setCodes] = useState<CartDiscountCode[]>([]);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: updatedAt is what triggers a new read
  useEffect(() => {
    let active = true;
    void client.request(CartDiscountCodes, { id: cartId }).then(
      ({ cart }) => active && cart && setCodes(cart.discountCodes),
      () => {},
    );
    return () => {
      active = false;
    };
  }, [client, cartId, updatedAt]);

  async function update(next: string[], typed: string | null) {
    setBusy(true);
    setError(null);
    try {
      const { cartDiscountCodesUpdate: result } = await client.request(CheckoutDiscountCodesUpdate, {
        input: { cartId, discountCodes: next },
      });
      const failure = result.userErrors[0];
      if (failure) {
        setError(failure.code === "INVALID" ? "Use letters, digits, - and _ only." : failure.message);
        return;
      }
      if (result.cart) {
        setCodes(result.cart.discountCodes);
        const added = typed && result.cart.discountCodes.find((code) => sameCode(code.code, typed));
        // A code that does not apply is not kept: its reason shows under the field.
        if (added && !added.applicable) {
          setError(discountReasonText(added.reason));
          await client.request(CheckoutDiscountCodesUpdate, {
            input: { cartId, discountCodes: next.filter((code) => !sameCode(code, typed)) },
          });
        } else if (typed) setValue("");
      }
      onChanged();
    } catch (cause) {
      setError(`${(cause as Error).message}. Try again.`);
    } finally {
      setBusy(false);
    }
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const typed = value.trim();
    if (!typed) return setError("Enter a code.");
    if (codes.some((code) => sameCode(code.code, typed))) return setError("This code is applied already.");
    void update([...codes.map((code) => code.code), typed], typed);
  }

  return (
    <div className="discount" data-testid="discount">
      <form className="discount__form" onSubmit={apply} noValidate>
        <label htmlFor={`${id}-code`} className="visually-hidden">
          Discount code
        </label>
        <input
          id={`${id}-code`}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          placeholder="Discount code"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="discount-input"
        />
        <button type="submit" className="button" disabled={busy} data-testid="discount-apply">
          {busy ? "…" : "Apply"}
        </button>
      </form>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid="discount-error">
          {error}
        </p>
      )}
      {codes.length > 0 && (
        <ul className="discount__codes">
          {codes.map((code) => (
            <li key={code.code} className="discount__code" data-testid="discount-code">
              <span className="badge">{code.code}</span>
              <span className="muted">
                {code.applicable
                  ? code.amount
                    ? `−${money(code.amount)}`
                    : "applied"
                  : discountReasonText(code.reason)}
              </span>
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() =>
                  void update(
                    codes.filter((other) => other.code !== code.code).map((other) => other.code),
                    null,
                  )
                }
                aria-label={`Remove the code ${code.code}`}
                data-testid="discount-remove"
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function sameCode(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
