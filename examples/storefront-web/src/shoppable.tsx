/**
 * The app's connection to the API: one `@shoppable/sdk` client per demo user (publishable key
 * plus the chosen user's token), the cart (its id kept in localStorage, followed live through
 * the `cartUpdated` subscription) and small notices.
 */
import {
  createShoppableClient,
  type CartFieldsFragment,
  type CartLineInput,
  type ShoppableClient,
} from "@shoppable/sdk";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { DemoUserKind, StorefrontConfig } from "./config.ts";

export type Cart = CartFieldsFragment;
export interface UserError {
  code: string;
  message: string;
  quantityAvailable?: number | null;
}

interface ShoppableState {
  config: StorefrontConfig;
  client: ShoppableClient;
  user: DemoUserKind;
  setUser(user: DemoUserKind): void;
  /** A per-device id for anonymous views and live presence. */
  sessionId: string;
  cart: Cart | null;
  cartOpen: boolean;
  setCartOpen(open: boolean): void;
  /** Adds lines (creating the cart on first use); resolves to the userErrors, empty on success. */
  addToCart(lines: CartLineInput[]): Promise<UserError[]>;
  setLineQuantity(lineId: string, quantity: number): Promise<void>;
  removeLine(lineId: string): Promise<void>;
  /** Forgets the cart (after checkout completed it). */
  forgetCart(): void;
  notice: string | null;
  notify(message: string): void;
}

const Context = createContext<ShoppableState | null>(null);

export function useShoppable(): ShoppableState {
  const state = useContext(Context);
  if (!state) throw new Error("useShoppable outside <ShoppableProvider>");
  return state;
}

const USER_KEY = "shoppable.user";
const cartKey = (user: DemoUserKind) => `shoppable.cart.${user}`;

function initialUser(config: StorefrontConfig): DemoUserKind {
  const stored = localStorage.getItem(USER_KEY) as DemoUserKind | null;
  if (stored === "anonymous" || (stored && config.users[stored])) return stored;
  return config.users.buyer ? "buyer" : "anonymous";
}

function deviceSessionId(): string {
  let id = localStorage.getItem("shoppable.session");
  if (!id) localStorage.setItem("shoppable.session", (id = crypto.randomUUID()));
  return id;
}

export function ShoppableProvider({ config, children }: { config: StorefrontConfig; children: ReactNode }) {
  const [user, setUserState] = useState<DemoUserKind>(() => initialUser(config));
  const client = useMemo(() => {
    const token = user === "anonymous" ? null : (config.users[user]?.token ?? null);
    return createShoppableClient({
      url: config.apiUrl,
      apiKey: config.publishableKey,
      userToken: token,
      ...(config.wsUrl ? { wsUrl: config.wsUrl } : {}),
    });
  }, [config, user]);
  useEffect(() => () => void client.close(), [client]);

  const [cartId, setCartId] = useState<string | null>(() => localStorage.getItem(cartKey(user)));
  const [cart, setCart] = useState<Cart | null>(null);
  const [cartOpen, setCartOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const sessionId = useMemo(deviceSessionId, []);
  const noticeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const notify = useCallback((message: string) => {
    setNotice(message);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), 3500);
  }, []);

  const adoptCartId = useCallback(
    (id: string | null) => {
      if (id) localStorage.setItem(cartKey(user), id);
      else localStorage.removeItem(cartKey(user));
      setCartId(id);
    },
    [user],
  );

  const setUser = useCallback((next: DemoUserKind) => {
    localStorage.setItem(USER_KEY, next);
    setUserState(next);
    setCart(null);
    setCartId(localStorage.getItem(cartKey(next)));
  }, []);

  /** A cart that can no longer be read or changed (completed, expired, merged) is forgotten. */
  const showCart = useCallback(
    (next: Cart | null) => {
      if (!next || next.status === "COMPLETED" || next.status === "MERGED") {
        setCart(null);
        adoptCartId(null);
      } else setCart(next);
    },
    [adoptCartId],
  );

  // Load the cart, then follow it live: every committed change (from this tab, another tab or
  // another device) arrives through `cartUpdated`; `refetch` means events may have been missed.
  useEffect(() => {
    if (!cartId) return setCart(null);
    let active = true;
    // null means the API no longer lets anyone read it; a failed request (the API away) keeps it.
    void client.cart({ id: cartId }).then(
      (loaded) => active && showCart(loaded),
      () => active && setCart(null),
    );
    const events = client.cartUpdated({ cartId });
    void (async () => {
      try {
        for await (const event of events) {
          if (!active) break;
          if (!event.refetch) showCart(event.cart);
          else {
            // Events may have been missed: read the cart again. If that fails (the API away for a
            // moment), keep what is shown and keep following: the next event or refetch catches up.
            const loaded = await client.cart({ id: cartId }).then(
              (cart) => ({ cart }),
              () => null,
            );
            if (loaded && active) showCart(loaded.cart);
          }
        }
      } catch {
        // The subscription ended (the cart is someone else's, or the socket gave up): the cart still works over HTTP.
      }
    })();
    return () => {
      active = false;
      events.dispose();
    };
  }, [client, cartId, showCart]);

  // Another tab of this storefront made a new cart: follow it too.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === cartKey(user)) setCartId(event.newValue);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [user]);

  const addToCart = useCallback(
    async (lines: CartLineInput[]): Promise<UserError[]> => {
      let result = cartId ? await client.cartLinesAdd({ cartId, lines }) : await client.cartCreate({ lines });
      // The stored cart is gone (expired, completed elsewhere): start a new one.
      if (
        cartId &&
        result.userErrors.some(
          (error) =>
            (error.code === "NOT_FOUND" && error.field?.[0] === "cartId") ||
            error.code === "CART_EXPIRED" ||
            error.code === "CART_COMPLETED" ||
            error.code === "CART_MERGED",
        )
      ) {
        result = await client.cartCreate({ lines });
      }
      if (result.cart) {
        if (result.cart.id !== cartId) adoptCartId(result.cart.id);
        setCart(result.cart);
      }
      return result.userErrors;
    },
    [client, cartId, adoptCartId],
  );

  const setLineQuantity = useCallback(
    async (lineId: string, quantity: number) => {
      if (!cartId) return;
      const result =
        quantity > 0
          ? await client.cartLinesUpdate({ cartId, lines: [{ id: lineId, quantity }] })
          : await client.cartLinesRemove({ cartId, lineIds: [lineId] });
      if (result.cart) setCart(result.cart);
      if (result.userErrors[0]) notify(result.userErrors[0].message);
    },
    [client, cartId, notify],
  );

  const value: ShoppableState = {
    config,
    client,
    user,
    setUser,
    sessionId,
    cart,
    cartOpen,
    setCartOpen,
    addToCart,
    setLineQuantity,
    removeLine: (lineId) => setLineQuantity(lineId, 0),
    forgetCart: () => {
      setCart(null);
      adoptCartId(null);
    },
    notice,
    notify,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Runs an async read whenever `deps` change; `data` stays until the next result. */
export function useQuery<T>(
  read: () => Promise<T>,
  deps: unknown[],
): { data: T | undefined; error: Error | undefined; loading: boolean; reload(): void } {
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the read depends on (`deps`), as with useEffect
  useEffect(() => {
    let active = true;
    setState((previous) => ({ ...previous, loading: true }));
    read().then(
      (data) => active && setState({ data, error: undefined, loading: false }),
      (error: Error) => active && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      active = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
