/**
 * `/creator`: the creator's affiliate dashboard. Programs and invitations (`viewer`,
 * `affiliateInvitationAccept`/`Decline`), product search (`products`) → `affiliateLinkCreate`
 * → a copyable link; the links with their clicks and orders (`viewer.affiliateStats`);
 * earnings (`viewer.earnings`) and commissions (`viewer.commissions`), updated live by the
 * `commissionEvents` subscription.
 */
import type { CommissionFieldsFragment, ProductFieldsFragment, ViewerQuery } from "@shoppable/sdk";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { AffiliateStats, ShopProgram, ViewerCommissions, type AffiliateStatsRow } from "../documents.ts";
import { money, rate } from "../format.ts";
import { Link } from "../router.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

type Viewer = ViewerQuery["viewer"];

function useCreatorData() {
  const { client } = useShoppable();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [commissions, setCommissions] = useState<CommissionFieldsFragment[]>([]);
  const [stats, setStats] = useState<Map<string, AffiliateStatsRow>>(new Map());
  const [fresh, setFresh] = useState<Set<string>>(new Set());

  const reload = useCallback(async () => {
    const to = new Date(Date.now() + 3600_000).toISOString();
    const from = new Date(Date.now() - 30 * 24 * 3600_000).toISOString();
    const [nextViewer, ledger, figures] = await Promise.all([
      client.viewer({ affiliateLinksFirst: 20, ordersFirst: 1, cartsFirst: 1 }),
      client.request(ViewerCommissions, { first: 20 }),
      client.request(AffiliateStats, { from, to }),
    ]);
    setViewer(nextViewer);
    setCommissions(ledger.viewer.commissions.edges.map((edge) => edge.node));
    setStats(
      new Map(figures.viewer.affiliateStats.filter((row) => row.linkId).map((row) => [row.linkId!, row])),
    );
  }, [client]);

  useEffect(() => {
    void reload();
    // Live: every change in the creator's ledger (a paid order through their link, a refund, a
    // payout) arrives here; the dashboard re-reads its figures, no reload needed.
    const events = client.commissionEvents();
    let active = true;
    void (async () => {
      try {
        for await (const event of events) {
          if (!active) break;
          if (!event.refetch) {
            setCommissions((previous) => [
              ...event.commissions,
              ...previous.filter((entry) => !event.commissions.some((changed) => changed.id === entry.id)),
            ]);
            setFresh((previous) => new Set([...previous, ...event.commissions.map((entry) => entry.id)]));
          }
          await reload();
        }
      } catch {
        // Without a creator token there is nothing to follow.
      }
    })();
    return () => {
      active = false;
      events.dispose();
    };
  }, [client, reload]);

  return { viewer, commissions, stats, fresh, reload };
}

function LinkMaker({ onCreated }: { onCreated(): void }) {
  const { client } = useShoppable();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<ProductFieldsFragment[] | null>(null);
  const [created, setCreated] = useState<{ url: string; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function search(event: FormEvent) {
    event.preventDefault();
    // Only products whose shop takes this creator's links: open programs, accepted invitations.
    const connection = await client.products({
      query: query || null,
      first: 8,
      filter: { available: true, affiliateLinkable: true },
    });
    setResults(connection.edges.map((edge) => edge.node));
  }
  async function create(product: ProductFieldsFragment) {
    setError(null);
    const result = await client.affiliateLinkCreate({ productId: product.id });
    if (result.affiliateLink) {
      setCreated({ url: result.affiliateLink.url, title: product.title });
      setCopied(false);
      onCreated();
    } else setError(result.userErrors[0]?.message ?? "The link could not be made");
  }
  return (
    <section className="panel" data-testid="link-maker">
      <h2>Create an affiliate link</h2>
      <form className="search" onSubmit={(event) => void search(event)}>
        <input
          type="search"
          placeholder="Search products"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="link-search"
        />
        <button type="submit" className="button" data-testid="link-search-submit">
          Search
        </button>
      </form>
      {results && results.length === 0 && <p className="muted">No products match.</p>}
      {results && results.length > 0 && (
        <ul className="results">
          {results.map((product) => (
            <li
              key={product.id}
              className="result"
              data-testid="link-result"
              data-product-handle={product.handle}
            >
              <span className="result__thumb">
                {product.media[0] ? (
                  <img src={product.media[0].posterUrl ?? product.media[0].url} alt="" />
                ) : null}
              </span>
              <span className="result__title">
                {product.title}
                <small className="muted">
                  {product.shop.name} · {money(product.priceRange.min)}
                </small>
              </span>
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => void create(product)}
                data-testid="link-create"
              >
                Get link
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert" data-testid="link-error">
          {error}
        </p>
      )}
      {created && (
        <div className="created" data-testid="link-created">
          <p>
            Your link for <strong>{created.title}</strong>:
          </p>
          <div className="copy">
            <input
              readOnly
              value={created.url}
              data-testid="link-url"
              onFocus={(event) => event.target.select()}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                void navigator.clipboard?.writeText(created.url).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
              data-testid="link-copy"
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function CreatorPage() {
  useDocumentTitle("Creator studio");
  const { user, setUser, config } = useShoppable();
  if (user !== "creator") {
    return (
      <div className="page page-pad">
        <h1>Creator studio</h1>
        <p>Creators earn a commission on every sale their links and posts bring.</p>
        {config.users.creator ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setUser("creator")}
            data-testid="become-creator"
          >
            Switch to the demo creator
          </button>
        ) : (
          <p className="muted">This demo has no creator user configured.</p>
        )}
      </div>
    );
  }
  return <CreatorDashboard />;
}

function CreatorDashboard() {
  const { client, config, notify } = useShoppable();
  const { viewer, commissions, stats, fresh, reload } = useCreatorData();
  const demoShop = useQuery(
    async () =>
      config.demo?.shopHandle
        ? (await client.request(ShopProgram, { handle: config.demo.shopHandle })).shop
        : null,
    [client, config.demo?.shopHandle],
  );

  async function answer(id: string, accept: boolean) {
    const result = accept
      ? await client.affiliateInvitationAccept({ id })
      : await client.affiliateInvitationDecline({ id });
    if (result.userErrors[0]) notify(result.userErrors[0].message);
    await reload();
  }

  if (!viewer) return <div className="skeleton skeleton--product" />;
  const links = viewer.affiliateLinks.edges.map((edge) => edge.node);
  return (
    <div className="page page-pad creator" data-testid="creator-page">
      <header className="creator__header">
        <div className="avatar">{(viewer.user?.displayName ?? viewer.user?.handle ?? "?").slice(0, 1)}</div>
        <div>
          <h1>{viewer.user?.displayName ?? viewer.user?.handle}</h1>
          <p className="muted">@{viewer.user?.handle} · creator studio</p>
        </div>
      </header>

      <section className="panel" data-testid="earnings">
        <h2>Earnings</h2>
        {viewer.earnings.length === 0 ? (
          <p className="muted" data-testid="earnings-empty">
            No commissions yet. Share a link below.
          </p>
        ) : (
          viewer.earnings.map((earning) => (
            <div key={earning.currencyCode} className="earnings" data-testid="earnings-row">
              <div>
                <small>Pending</small>
                <strong data-testid="earnings-pending">{money(earning.pending)}</strong>
              </div>
              <div>
                <small>Payable</small>
                <strong>{money(earning.payable)}</strong>
              </div>
              <div>
                <small>Paid</small>
                <strong>{money(earning.paid)}</strong>
              </div>
            </div>
          ))
        )}
      </section>

      <section className="panel">
        <h2>Programs</h2>
        <ul className="plain">
          {demoShop.data?.affiliateProgram && (
            <li className="program" data-testid="program">
              <Link to={`/shops/${demoShop.data.handle}`}>{demoShop.data.name}</Link>
              <span className="muted">
                {rate(demoShop.data.affiliateProgram.defaultRate)} ·{" "}
                {demoShop.data.affiliateProgram.access === "OPEN" ? "open" : "by invitation"} ·{" "}
                {Math.round(demoShop.data.affiliateProgram.attributionWindowSeconds / 86400)}-day window
              </span>
            </li>
          )}
          {viewer.affiliateInvitations.map((invitation) => (
            <li key={invitation.id} className="program" data-testid="invitation">
              <Link to={`/shops/${invitation.program.shop.handle}`}>{invitation.program.shop.name}</Link>
              <span className="muted">
                {rate(invitation.program.defaultRate)} · invitation {invitation.status.toLowerCase()}
              </span>
              {invitation.status === "PENDING" && (
                <span className="program__actions">
                  <button
                    type="button"
                    className="button button--small button--primary"
                    onClick={() => void answer(invitation.id, true)}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void answer(invitation.id, false)}
                  >
                    Decline
                  </button>
                </span>
              )}
            </li>
          ))}
          {!demoShop.data?.affiliateProgram && viewer.affiliateInvitations.length === 0 && (
            <li className="muted">Open programs take links from any creator: search a product below.</li>
          )}
        </ul>
      </section>

      <LinkMaker onCreated={() => void reload()} />

      <section className="panel">
        <h2>Your links</h2>
        {links.length === 0 ? (
          <p className="muted">No links yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="links">
              <thead>
                <tr>
                  <th>Target</th>
                  <th>Rate</th>
                  <th>Clicks</th>
                  <th>Orders</th>
                  <th>Earned</th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => {
                  const figures = stats.get(link.id);
                  return (
                    <tr key={link.id} data-testid="link-row" data-code={link.code}>
                      <td>
                        <span className="ellipsis">{link.product?.title ?? link.shop.name}</span>
                        <small className="muted">{link.code}</small>
                      </td>
                      <td>{link.rate != null ? rate(link.rate) : "—"}</td>
                      <td data-testid="link-clicks">{figures?.countedClicks ?? 0}</td>
                      <td data-testid="link-orders">{figures?.orders ?? 0}</td>
                      <td>{figures ? money(figures.commission) : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" data-testid="commissions">
        <h2>
          Commissions <span className="live-dot" title="Live" />
        </h2>
        {commissions.length === 0 ? (
          <p className="muted">When someone buys through your link, it shows up here instantly.</p>
        ) : (
          <ul className="plain">
            {commissions.map((entry) => (
              <li
                key={entry.id}
                className={fresh.has(entry.id) ? "commission commission--fresh" : "commission"}
                data-testid="commission"
                data-order-number={entry.orderNumber}
              >
                <span>
                  Order #{entry.orderNumber}
                  <small className="muted">
                    {" "}
                    · {rate(entry.rate)} of {money(entry.revenue)}
                    {entry.selfReferral ? " · self-referral" : ""}
                  </small>
                </span>
                <span className={entry.reversal ? "amount amount--negative" : "amount"}>
                  {money(entry.amount)}
                </span>
                <span className="status">{entry.status.toLowerCase()}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
