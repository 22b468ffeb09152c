/**
 * `/live`: sessions on air (`liveSessions(status: LIVE)`); `/live/<id>`: one session: the
 * stream, the pinned product with its live-only price (a line added here carries
 * `attribution.liveSessionId`), and the viewer count, both live through `liveSessionEvents`;
 * presence through `liveSessionJoin` / `liveSessionLeave`.
 */
import type { LiveSessionFieldsFragment } from "@shoppable/sdk";
import { useEffect, useState } from "react";
import { ProductDetails } from "../components/ProductDetails.tsx";
import { Icon } from "../components/Icon.tsx";
import { compact, money } from "../format.ts";
import { Link } from "../router.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

export function LiveListPage() {
  useDocumentTitle("Live");
  const { client } = useShoppable();
  const live = useQuery(() => client.liveSessions({ status: "LIVE", first: 20 }), [client]);
  const upcoming = useQuery(() => client.liveSessions({ status: "SCHEDULED", first: 5 }), [client]);
  const sessions = live.data?.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="page page-pad" data-testid="live-list">
      <h1>Live now</h1>
      {live.loading && !live.data ? (
        <div className="skeleton skeleton--grid" />
      ) : sessions.length === 0 ? (
        <p className="empty">Nobody is live right now.</p>
      ) : (
        <div className="live-grid">
          {sessions.map((session) => (
            <Link
              key={session.id}
              to={`/live/${encodeURIComponent(session.id)}`}
              className="live-card"
              data-testid="live-card"
            >
              <span className="badge badge--live">LIVE</span>
              <span className="live-card__viewers">
                <Icon name="eye" size={14} /> {compact(session.viewerCount)}
              </span>
              <strong className="live-card__title">{session.title}</strong>
              <small>{session.shop?.name ?? `@${session.host.handle}`}</small>
            </Link>
          ))}
        </div>
      )}
      {(upcoming.data?.edges.length ?? 0) > 0 && (
        <>
          <h2 className="section__title">Coming up</h2>
          <ul className="plain">
            {upcoming.data!.edges.map(({ node }) => (
              <li key={node.id} className="program">
                <strong>{node.title}</strong>
                <span className="muted">{new Date(node.scheduledAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type Pin = LiveSessionFieldsFragment["pinnedProducts"][number];

export function LivePage({ id }: { id: string }) {
  const { client, sessionId, user, config } = useShoppable();
  const [session, setSession] = useState<LiveSessionFieldsFragment | null | undefined>(undefined);
  const [viewerCount, setViewerCount] = useState(0);
  const [streamFailed, setStreamFailed] = useState(false);

  useEffect(() => {
    let active = true;
    const load = async () => {
      const loaded = await client.liveSession({ id });
      if (!active) return;
      setSession(loaded);
      if (loaded) setViewerCount(loaded.viewerCount);
    };
    void load();
    const events = client.liveSessionEvents({ liveSessionId: id });
    void (async () => {
      try {
        for await (const event of events) {
          if (!active) break;
          if (event.kind === "VIEWER_COUNT" && event.viewerCount != null) setViewerCount(event.viewerCount);
          else await load();
        }
      } catch {
        // The stream of events ended: the page keeps what it shows.
      }
    })();
    // Presence: join while the page is open (anonymous viewers by this device's id).
    const presence = { liveSessionId: id, ...(user === "anonymous" ? { sessionId } : {}) };
    void client
      .liveSessionJoin(presence)
      .then((result) => active && result.liveSession && setViewerCount(result.liveSession.viewerCount))
      .catch(() => {});
    const leave = () => void client.liveSessionLeave(presence).catch(() => {});
    window.addEventListener("pagehide", leave);
    return () => {
      active = false;
      events.dispose();
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [client, id, sessionId, user]);

  useDocumentTitle(session?.title, "Live");
  if (session === undefined) return <div className="skeleton skeleton--post" />;
  if (!session) return <p className="empty page-pad">This live session does not exist.</p>;
  const pinned: Pin | undefined = session.pinnedProducts[session.pinnedProducts.length - 1];
  return (
    <div className="live" data-testid="live-page">
      <div className="live__stage">
        {/* The host's stream from their streaming provider (the demo's is a looping clip). HLS plays natively in Safari; elsewhere an app adds hls.js. */}
        {session.playbackUrl && !streamFailed ? (
          <video
            className="live__video"
            src={session.playbackUrl}
            muted
            autoPlay
            loop
            playsInline
            data-testid="live-video"
            onError={() => setStreamFailed(true)}
          />
        ) : (
          <div className="live__video live__video--placeholder" data-testid="live-no-stream" />
        )}
        <div className="live__top">
          <span
            className={session.status === "LIVE" ? "badge badge--live" : "badge"}
            data-testid="live-status"
          >
            {session.status === "LIVE" ? "LIVE" : session.status.toLowerCase()}
          </span>
          <span className="badge badge--dark" data-testid="viewer-count">
            <Icon name="eye" size={14} /> {compact(viewerCount)}
          </span>
        </div>
        <div className="live__bottom">
          <div className="live__caption">
            <strong>{session.title}</strong>
            <small>
              {session.shop ? (
                <Link to={`/shops/${session.shop.handle}`}>{session.shop.name}</Link>
              ) : (
                `@${session.host.handle}`
              )}
            </small>
          </div>
          <section className="live__pinned" data-testid="pinned" data-product-id={pinned?.product.id ?? ""}>
            {pinned ? (
              <PinnedProduct
                key={`${pinned.id}:${pinned.livePrice?.amount}`}
                pin={pinned}
                liveSessionId={session.id}
              />
            ) : (
              <p className="muted">No product pinned right now.</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** The pinned product as a card over the stream; "Buy" opens it in a sheet, the line attributed to the session. */
function PinnedProduct({ pin: pinned, liveSessionId }: { pin: Pin; liveSessionId: string }) {
  const { client } = useShoppable();
  const [open, setOpen] = useState(false);
  const product = useQuery(() => client.product({ id: pinned.product.id }), [client, pinned.product.id]);
  const regular =
    product.data?.variants.find((variant) => variant.id === pinned.variant?.id)?.price ??
    product.data?.priceRange.min;
  const livePrice = pinned.livePriceActive ? pinned.livePrice : null;
  const image = product.data?.media[0];
  return (
    <div className="pinned" data-testid="pinned-product" data-product-handle={pinned.product.handle}>
      <span className="pinned__thumb">
        {image ? <img src={image.posterUrl ?? image.url} alt="" /> : null}
      </span>
      <span className="pinned__info">
        <small className="pinned__label">
          Pinned now{pinned.quantityCap != null ? ` · ${pinned.remaining} of ${pinned.quantityCap} left` : ""}
        </small>
        <strong className="pinned__title">{pinned.product.title}</strong>
        <span className="pinned__price" data-testid="pinned-price">
          {livePrice ? (
            <>
              <span className="price--live">{money(livePrice)}</span>{" "}
              <s className="muted">{money(regular)}</s>
            </>
          ) : (
            money(regular)
          )}
        </span>
      </span>
      <button
        type="button"
        className="button button--primary button--small"
        onClick={() => setOpen(true)}
        disabled={!product.data}
        data-testid="pinned-buy"
      >
        Buy
      </button>
      {open && product.data && (
        <div className="sheet" role="dialog" aria-modal="true" data-testid="product-sheet">
          <button
            type="button"
            className="sheet__backdrop"
            aria-label="Close"
            onClick={() => setOpen(false)}
          />
          <div className="sheet__panel">
            <div className="sheet__grip" />
            <button type="button" className="sheet__close" onClick={() => setOpen(false)} aria-label="Close">
              ×
            </button>
            <ProductDetails
              product={product.data}
              attribution={{ liveSessionId }}
              initialVariantId={pinned.variant?.id ?? null}
              livePrice={livePrice}
              compact
              onAdded={() => setOpen(false)}
            />
          </div>
        </div>
      )}
    </div>
  );
}
