/**
 * `/account`, `/account/addresses`, `/account/returns`: the signed-in buyer's order history
 * (`viewer.orders`: number, date, status, total, the first line's image, by page), address book
 * (`viewer.addresses`; `viewerAddressCreate`, `viewerAddressUpdate`, `viewerAddressDelete`, with
 * each userError under its field) and return requests (`Order.returns`, with their status).
 * Tabs on a phone, a sidebar where the page is wide. Signed out, it says how to sign in.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { OrderHistory, type OrderHistoryRow } from "../account-documents.ts";
import { returnStatusText, shortDate, statusWords } from "../account.ts";
import { useDocumentTitle } from "../title.ts";
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
import { AddressFields, changedAddress, focusFirstError } from "../components/AddressFields.tsx";
import { type SavedAddress, ViewerAddresses } from "../documents.ts";
import { money } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import { FormActions } from "../components/FormActions.tsx";

type Section = "orders" | "addresses" | "returns";

const SECTIONS: { key: Section; to: string; label: string }[] = [
  { key: "orders", to: "/account", label: "Orders" },
  { key: "addresses", to: "/account/addresses", label: "Addresses" },
  { key: "returns", to: "/account/returns", label: "Returns" },
];

export function AccountPage({ section }: { section: Section }) {
  const { user, setUser, config } = useShoppable();
  const label = SECTIONS.find((entry) => entry.key === section)?.label ?? "Account";
  useDocumentTitle(user === "anonymous" ? null : label, "Account");

  if (user === "anonymous") {
    return (
      <div className="page page-pad account-signin" data-testid="account-signed-out">
        <h1>Your account</h1>
        <p>Sign in to see your orders, addresses and returns.</p>
        <p className="muted">
          This demo signs in with the switcher in the header: choose the demo buyer there (development-only
          tokens; a real app signs in through its host platform).
        </p>
        {config.users.buyer && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setUser("buyer")}
            data-testid="account-sign-in"
          >
            Continue as {config.users.buyer.label || "the demo buyer"}
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="page page-pad account" data-testid="account-page">
      <h1 className="account__title">Your account</h1>
      <div className="account__layout">
        <nav className="account__nav" aria-label="Account">
          {SECTIONS.map((entry) => (
            <Link
              key={entry.key}
              to={entry.to}
              className={entry.key === section ? "account__tab account__tab--active" : "account__tab"}
              aria-current={entry.key === section ? "page" : undefined}
              data-testid={`account-tab-${entry.key}`}
            >
              {entry.label}
            </Link>
          ))}
        </nav>
        <div className="account__content">
          {section === "orders" && <Orders />}
          {section === "addresses" && <Addresses />}
          {section === "returns" && <Returns />}
        </div>
      </div>
    </div>
  );
}

/** The buyer's orders by pages of 10, "Show more" for the next. */
function useOrderHistory() {
  const { client } = useShoppable();
  const [rows, setRows] = useState<OrderHistoryRow[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      setBusy(true);
      try {
        const { viewer } = await client.request(OrderHistory, { first: 10, after });
        const page = viewer.orders.edges.map((edge) => edge.node);
        setRows((shown) => (after && shown ? [...shown, ...page] : page));
        setCursor(viewer.orders.pageInfo.endCursor);
        setMore(viewer.orders.pageInfo.hasNextPage);
        setError(null);
      } catch (cause) {
        setError((cause as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [client],
  );
  useEffect(() => void load(null), [load]);
  return { rows, more, error, busy, next: () => void load(cursor), retry: () => void load(null) };
}

function Orders() {
  const { rows, more, error, busy, next, retry } = useOrderHistory();
  if (error && !rows) return <LoadError message={error} retry={retry} />;
  if (!rows) return <div className="skeleton skeleton--list" aria-busy="true" />;
  if (rows.length === 0)
    return (
      <div className="account-empty" data-testid="orders-empty">
        <p>No orders yet.</p>
        <Link to="/" className="button">
          Discover products
        </Link>
      </div>
    );
  return (
    <section aria-label="Orders">
      <ul className="order-list" data-testid="order-history">
        {rows.map((order) => {
          const first = order.lines[0];
          const image = first?.variant?.product.media[0];
          const more = order.lines.length - 1;
          return (
            <li key={order.id}>
              <Link
                to={`/orders/${encodeURIComponent(order.id)}`}
                className="order-row"
                data-testid="order-row"
                data-order-number={order.number}
              >
                <span className="order-row__thumb">
                  {image ? (
                    <img src={image.posterUrl ?? image.url} alt="" />
                  ) : (
                    (first?.productTitle.slice(0, 1) ?? "?")
                  )}
                </span>
                <span className="order-row__main">
                  <span className="order-row__number">Order #{order.number}</span>
                  <span className="muted order-row__meta">
                    {shortDate(order.createdAt)} · {order.shop.name}
                  </span>
                  <span className="order-row__items">
                    {first ? `${first.quantity} × ${first.productTitle}` : ""}
                    {more > 0 ? ` and ${more} more` : ""}
                  </span>
                </span>
                <span className="order-row__side">
                  <strong data-testid="order-row-total">{money(order.total)}</strong>
                  <span
                    className={`status status--${order.status.toLowerCase()}`}
                    data-testid="order-row-status"
                  >
                    {order.fulfillmentStatus === "FULFILLED" && order.status === "FULFILLED"
                      ? "shipped"
                      : statusWords(order.status)}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      {more && (
        <button type="button" className="button button--wide" disabled={busy} onClick={next}>
          {busy ? "Loading…" : "Show more orders"}
        </button>
      )}
    </section>
  );
}

function Returns() {
  const { rows, more, error, busy, next, retry } = useOrderHistory();
  if (error && !rows) return <LoadError message={error} retry={retry} />;
  if (!rows) return <div className="skeleton skeleton--list" aria-busy="true" />;
  const returns = rows
    .flatMap((order) => order.returns.map((item) => ({ order, item })))
    .sort((a, b) => Date.parse(b.item.createdAt) - Date.parse(a.item.createdAt));
  return (
    <section aria-label="Returns">
      {returns.length === 0 ? (
        <div className="account-empty" data-testid="returns-empty">
          <p>No return requests.</p>
          <p className="muted">Request a return from a shipped order's page.</p>
        </div>
      ) : (
        <ul className="return-list" data-testid="return-list">
          {returns.map(({ order, item }) => (
            <li key={item.id} className="return-card" data-testid="return-row">
              <div className="return-card__head">
                <Link to={`/orders/${encodeURIComponent(order.id)}`} className="order-row__number">
                  Order #{order.number}
                </Link>
                <span
                  className={`status status--return-${item.status.toLowerCase()}`}
                  data-testid="return-status"
                >
                  {returnStatusText(item.status)}
                </span>
              </div>
              <p className="muted return-card__meta">
                Requested {shortDate(item.createdAt)} · {order.shop.name}
              </p>
              <ul className="return-card__lines">
                {item.lines.map((entry) => (
                  <li key={entry.line.id}>
                    {entry.quantity} × {entry.line.productTitle}
                  </li>
                ))}
              </ul>
              <p className="return-card__reason">“{item.reason}”</p>
              {item.status === "DECLINED" && item.declineReason && (
                <p className="muted">The shop: {item.declineReason}</p>
              )}
              {item.refund && (
                <p className="muted">
                  Refund {money(item.refund.amount)} · {statusWords(item.refund.status)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {more && (
        <button type="button" className="button button--wide" disabled={busy} onClick={next}>
          {busy ? "Loading…" : "Look in older orders"}
        </button>
      )}
    </section>
  );
}

function LoadError({ message, retry }: { message: string; retry(): void }) {
  return (
    <p className="error" role="alert">
      This could not be loaded ({message}).{" "}
      <button type="button" className="link-button" onClick={retry}>
        Try again
      </button>
    </p>
  );
}

/** The address book: the default first; add, edit, delete, set as default. */
function Addresses() {
  const { client, cart } = useShoppable();
  const [addresses, setAddresses] = useState<SavedAddress[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The address being edited, "new" for the add form, null for none. */
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const { viewer } = await client.request(ViewerAddresses);
      setAddresses(viewer.addresses);
      setError(null);
    } catch (cause) {
      setError((cause as Error).message);
    }
  }, [client]);
  useEffect(() => void load(), [load]);

  async function remove(saved: SavedAddress) {
    setBusy(saved.id);
    try {
      const result = await client.viewerAddressDelete({ id: saved.id });
      if (result.userErrors[0]) setError(result.userErrors[0].message);
      await load();
    } finally {
      setBusy(null);
    }
  }

  async function makeDefault(saved: SavedAddress) {
    setBusy(saved.id);
    try {
      const result = await client.viewerAddressUpdate({ id: saved.id, isDefault: true });
      if (result.userErrors[0]) setError(result.userErrors[0].message);
      await load();
    } finally {
      setBusy(null);
    }
  }

  if (error && !addresses) return <LoadError message={error} retry={() => void load()} />;
  if (!addresses) return <div className="skeleton skeleton--list" aria-busy="true" />;
  return (
    <section aria-labelledby="addresses-heading" className="addresses">
      <div className="addresses__head">
        <h2 id="addresses-heading">Addresses</h2>
        {editing !== "new" && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditing("new")}
            data-testid="address-add"
          >
            Add an address
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editing === "new" && (
        <AddressEditor
          initial={emptyAddress(cart?.buyerIdentity.countryCode ?? addresses[0]?.address.countryCode ?? "DE")}
          title="New address"
          offerDefault={addresses.length > 0}
          onCancel={() => setEditing(null)}
          onSave={async (address, isDefault) => {
            const result = await client.viewerAddressCreate({ address, isDefault });
            if (!result.userErrors.length) {
              setEditing(null);
              await load();
            }
            return result.userErrors;
          }}
        />
      )}
      {addresses.length === 0 && editing !== "new" ? (
        <p className="muted" data-testid="addresses-empty">
          No saved addresses: add one, and checkout offers it.
        </p>
      ) : (
        <ul className="address-book" data-testid="address-book">
          {addresses.map((saved) =>
            editing === saved.id ? (
              <li key={saved.id}>
                <AddressEditor
                  initial={addressValues(saved.address)}
                  title="Edit address"
                  offerDefault={false}
                  onCancel={() => setEditing(null)}
                  onSave={async (address) => {
                    const result = await client.viewerAddressUpdate({ id: saved.id, address });
                    if (!result.userErrors.length) {
                      setEditing(null);
                      await load();
                    }
                    return result.userErrors;
                  }}
                />
              </li>
            ) : (
              <li
                key={saved.id}
                className="address-book__entry"
                data-testid="address-entry"
                data-default={saved.isDefault}
              >
                <address>
                  {addressLines(saved.address).map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                </address>
                {saved.isDefault && <span className="badge address-book__default">Default</span>}
                <div className="address-book__actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy !== null}
                    onClick={() => setEditing(saved.id)}
                    data-testid="address-edit"
                  >
                    Edit
                  </button>
                  {!saved.isDefault && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy !== null}
                      onClick={() => void makeDefault(saved)}
                      data-testid="address-make-default"
                    >
                      Set as default
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={busy !== null}
                    onClick={() => void remove(saved)}
                    aria-label={`Delete ${addressLines(saved.address).slice(0, 3).join(", ")}`}
                    data-testid="address-delete"
                  >
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** The address form of the address book (the checkout's fields), with each userError under its field. */
function AddressEditor({
  initial,
  title,
  offerDefault,
  onSave,
  onCancel,
}: {
  initial: AddressValues;
  title: string;
  offerDefault: boolean;
  onSave(
    address: ReturnType<typeof addressInput>,
    isDefault: boolean,
  ): Promise<{ code: string; field?: string[] | null; message: string }[]>;
  onCancel(): void;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [isDefault, setDefault] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function change(field: AddressField, value: string) {
    setValues((previous) => changedAddress(previous, field, value));
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const userErrors = await onSave(addressInput(values), isDefault);
      if (userErrors.length) {
        const found = addressErrors(
          userErrors.map((error) => ({ ...error, field: error.field ?? null })),
          values.countryCode,
        );
        setErrors(found);
        focusFirstError(formRef.current, found);
      }
    } catch (cause) {
      setErrors({ form: `${(cause as Error).message}. Try again.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="form address-form address-editor"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={title}
      data-testid="address-editor"
    >
      <h3>{title}</h3>
      <AddressFields idPrefix={id} values={values} errors={errors} onChange={change} section="shipping" />
      {offerDefault && (
        <label className="checkbox">
          <input type="checkbox" checked={isDefault} onChange={(event) => setDefault(event.target.checked)} />
          Use as my default address
        </label>
      )}
      <FormActions
        error={errors.form}
        busy={busy}
        label="Save address"
        busyLabel="Saving…"
        submitTestId="address-save"
        onCancel={onCancel}
      />
    </form>
  );
}

/** The section a path names: `/account` → orders. */
export function accountSection(pathname: string): Section | null {
  if (pathname === "/account" || pathname === "/account/" || pathname === "/account/orders") return "orders";
  if (pathname === "/account/addresses") return "addresses";
  if (pathname === "/account/returns") return "returns";
  return null;
}

/** Whether the current page is in the account area (for the header's icon). */
export function useInAccount(): boolean {
  return useLocation().pathname.startsWith("/account");
}
