/** The app shell: header with the demo user switcher and the cart, the routes, the bottom nav, the cart drawer. */
import { useEffect } from "react";
import { saveAffiliate } from "./attribution.ts";
import { CartDrawer } from "./components/CartDrawer.tsx";
import { SearchBox } from "./components/SearchBox.tsx";
import { Icon, type IconName } from "./components/Icon.tsx";
import type { DemoUserKind } from "./config.ts";
import { AccountPage, accountSection } from "./pages/Account.tsx";
import { CheckoutPage } from "./pages/Checkout.tsx";
import { CreatorPage } from "./pages/Creator.tsx";
import { FeedPage } from "./pages/Feed.tsx";
import { LiveListPage, LivePage } from "./pages/Live.tsx";
import { OrderPage } from "./pages/OrderPage.tsx";
import { CollectionPage, CollectionsPage } from "./pages/CollectionPage.tsx";
import { PostPage } from "./pages/PostPage.tsx";
import { ProductPage } from "./pages/ProductPage.tsx";
import { SearchPage } from "./pages/SearchPage.tsx";
import { ShopPage } from "./pages/ShopPage.tsx";
import { Link, matchPath, navigate, useLocation } from "./router.tsx";
import { useShoppable } from "./shoppable.tsx";
import { useDocumentTitle } from "./title.ts";

function Route() {
  const { pathname } = useLocation();
  let params: Record<string, string> | null;
  if (pathname === "/") return <FeedPage />;
  if ((params = matchPath("/posts/:id", pathname))) return <PostPage key={params.id} id={params.id!} />;
  if ((params = matchPath("/products/:handle", pathname)))
    return <ProductPage key={params.handle} handle={params.handle!} />;
  if ((params = matchPath("/shops/:handle", pathname)))
    return <ShopPage key={params.handle} handle={params.handle!} />;
  if (pathname === "/search") return <SearchPage />;
  if (pathname === "/collections") return <CollectionsPage />;
  if ((params = matchPath("/collections/:handle", pathname)))
    return <CollectionPage key={params.handle} handle={params.handle ?? ""} />;
  if (pathname === "/checkout") return <CheckoutPage />;
  if ((params = matchPath("/orders/:id", pathname))) return <OrderPage key={params.id} id={params.id!} />;
  if (pathname === "/creator") return <CreatorPage />;
  const section = accountSection(pathname);
  if (section) return <AccountPage section={section} />;
  if (pathname === "/live") return <LiveListPage />;
  if ((params = matchPath("/live/:id", pathname))) return <LivePage key={params.id} id={params.id!} />;
  return <NotFound />;
}

function NotFound() {
  useDocumentTitle("Not found");
  return (
    <div className="page page-pad">
      <h1>Not found</h1>
      <Link to="/" className="button">
        Back to the feed
      </Link>
    </div>
  );
}

/**
 * An affiliate redirect lands with `?aff=<code>&click=<clickId>`: keep them (with the link's
 * shop, from `affiliateLink(code)`) for later cart lines, then tidy the URL.
 */
function useAffiliateLanding() {
  const { client } = useShoppable();
  const { pathname, search } = useLocation();
  const code = search.get("aff");
  const click = search.get("click");
  useEffect(() => {
    if (!code) return;
    const entry = {
      affiliateCode: code,
      affiliateClickId: click,
      shopId: null as string | null,
      savedAt: Date.now(),
    };
    void client
      .affiliateLink({ code })
      .then((link) => link && saveAffiliate({ ...entry, shopId: link.shop.id }))
      .catch(() => {});
    const rest = new URLSearchParams(search);
    rest.delete("aff");
    rest.delete("click");
    navigate(`${pathname}${rest.size ? `?${rest}` : ""}`, { replace: true });
  }, [client, code, click, pathname, search]);
}

function UserSwitcher() {
  const { user, setUser, config } = useShoppable();
  const options: { value: DemoUserKind; label: string }[] = [
    ...(config.users.buyer ? [{ value: "buyer" as const, label: config.users.buyer.label || "Buyer" }] : []),
    ...(config.users.creator
      ? [{ value: "creator" as const, label: config.users.creator.label || "Creator" }]
      : []),
    { value: "anonymous", label: "Anonymous" },
  ];
  return (
    <label className="switcher" title="Demo users (development-only tokens)">
      <span className="switcher__avatar" data-user={user}>
        {user === "anonymous" ? "?" : user.slice(0, 1).toUpperCase()}
      </span>
      <select
        value={user}
        onChange={(event) => setUser(event.target.value as DemoUserKind)}
        data-testid="user-switcher"
        aria-label="Demo user"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function NavLink({ to, icon, label, testId }: { to: string; icon: IconName; label: string; testId: string }) {
  const { pathname } = useLocation();
  const active = to === "/" ? pathname === "/" : pathname.startsWith(to);
  return (
    <Link to={to} className={active ? "nav__item nav__item--active" : "nav__item"} data-testid={testId}>
      <Icon name={icon} filled={active && icon !== "live"} />
      <small>{label}</small>
    </Link>
  );
}

/** The header's primary navigation, shown from 1024 px wide (the phone has the bottom nav). */
function TopNav() {
  const { config } = useShoppable();
  const { pathname } = useLocation();
  const items = [
    { to: "/", label: "For you", testId: "topnav-home" },
    { to: "/live", label: "Live", testId: "topnav-live" },
    ...(config.demo?.shopHandle
      ? [{ to: `/shops/${config.demo.shopHandle}`, label: "Shop", testId: "topnav-shop" }]
      : []),
    { to: "/creator", label: "Creator", testId: "topnav-creator" },
  ];
  return (
    <nav className="topnav" aria-label="Primary" data-testid="topnav">
      {items.map((item) => {
        const active = item.to === "/" ? pathname === "/" : pathname.startsWith(item.to);
        return (
          <Link
            key={item.to}
            to={item.to}
            className={active ? "topnav__item topnav__item--active" : "topnav__item"}
            aria-current={active ? "page" : undefined}
            data-testid={item.testId}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

export function App() {
  const { cart, setCartOpen, notice, config } = useShoppable();
  const { pathname } = useLocation();
  useAffiliateLanding();
  const immersive = pathname === "/" || pathname.startsWith("/posts/") || /^\/live\/.+/.test(pathname);
  return (
    <div className={immersive ? "app app--immersive" : "app"}>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand__mark">S</span>
          <span className="brand__name">shoppable</span>
        </Link>
        <TopNav />
        <SearchBox />
        <div className="topbar__actions">
          <UserSwitcher />
          <Link
            to="/account"
            className={pathname.startsWith("/account") ? "cart-button account-button--active" : "cart-button"}
            aria-label="Your account"
            data-testid="account-button"
          >
            <Icon name="user" filled={pathname.startsWith("/account")} />
          </Link>
          <button
            type="button"
            className="cart-button"
            onClick={() => setCartOpen(true)}
            data-testid="cart-button"
            aria-label="Open cart"
          >
            <Icon name="bag" />
            {cart?.totalQuantity ? (
              <span className="cart-button__count" data-testid="cart-count">
                {cart.totalQuantity}
              </span>
            ) : null}
          </button>
        </div>
      </header>
      <main className="main">
        <Route />
      </main>
      <nav className="nav" aria-label="Primary" data-testid="bottom-nav">
        <NavLink to="/" icon="home" label="Home" testId="nav-home" />
        <NavLink to="/live" icon="live" label="Live" testId="nav-live" />
        {config.demo?.shopHandle && (
          <NavLink to={`/shops/${config.demo.shopHandle}`} icon="shop" label="Shop" testId="nav-shop" />
        )}
        <NavLink to="/creator" icon="star" label="Creator" testId="nav-creator" />
        <button type="button" className="nav__item" onClick={() => setCartOpen(true)} data-testid="nav-cart">
          <Icon name="bag" />
          <small>Cart{cart?.totalQuantity ? ` (${cart.totalQuantity})` : ""}</small>
        </button>
      </nav>
      <CartDrawer />
      {notice && (
        <div className="toast" role="status" data-testid="toast">
          {notice}
        </div>
      )}
    </div>
  );
}
