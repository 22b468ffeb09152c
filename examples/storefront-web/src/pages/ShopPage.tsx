/**
 * `/shops/<handle>`: a brand's shop tab: header and follow (`shop`, `userFollow`,
 * `userUnfollow`), its collections, its products with facets, filters and sort in the URL
 * (`products` filtered by shop, see `Catalog`), and its posts (`Shop.posts`).
 */
import { useEffect, useMemo, useState } from "react";
import type { CatalogScope } from "../catalog-query.ts";
import { Catalog } from "../components/Catalog.tsx";
import type { Post } from "../components/PostCard.tsx";
import { Icon } from "../components/Icon.tsx";
import { ShopPosts } from "../documents.ts";
import { compact } from "../format.ts";
import { Link } from "../router.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";
import { CollectionLinks } from "./CollectionPage.tsx";
import { useDocumentTitle } from "../title.ts";

export function ShopPage({ handle }: { handle: string }) {
  const { client, user, notify } = useShoppable();
  const shop = useQuery(() => client.shop({ handle, productsFirst: 1 }), [client, handle]);
  const [tab, setTab] = useState<"products" | "posts">("products");
  const [posts, setPosts] = useState<Post[] | null>(null);
  const [following, setFollowing] = useState<{ is: boolean; count: number } | null>(null);
  const shopId = shop.data?.id;
  const currency = shop.data?.currencyCode;
  const scope = useMemo<CatalogScope | null>(
    () => (shopId ? { kind: "shop", shopId, currency } : null),
    [shopId, currency],
  );
  useDocumentTitle(shop.data?.name);

  useEffect(() => {
    if (shop.data) setFollowing({ is: shop.data.viewerIsFollowing, count: shop.data.followerCount });
  }, [shop.data]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the posts load again when the shop changes
  useEffect(() => setPosts(null), [client, shopId]);
  useEffect(() => {
    if (tab !== "posts" || posts) return;
    void client
      .request(ShopPosts, { handle, first: 24 })
      .then(({ shop }) => setPosts(shop?.posts.edges.map((edge) => edge.node) ?? []));
  }, [client, handle, tab, posts]);

  async function toggleFollow() {
    if (!shopId || !following) return;
    if (user === "anonymous") return notify("Choose a demo user to follow shops");
    const result = following.is ? await client.userUnfollow({ shopId }) : await client.userFollow({ shopId });
    if (result.shop) setFollowing({ is: result.shop.viewerIsFollowing, count: result.shop.followerCount });
    else if (result.userErrors[0]) notify(result.userErrors[0].message);
  }

  if (shop.loading && !shop.data) return <div className="skeleton skeleton--product" />;
  if (!shop.data) return <p className="empty page-pad">This shop does not exist.</p>;
  return (
    <div className="page shop" data-testid="shop-page">
      <header className="shop__header">
        <div className="shop__logo">
          {shop.data.logoUrl ? <img src={shop.data.logoUrl} alt="" /> : shop.data.name.slice(0, 1)}
        </div>
        <div className="shop__meta">
          <h1 data-testid="shop-name">{shop.data.name}</h1>
          <p className="muted">
            {compact(following?.count ?? shop.data.followerCount)} followers · {shop.data.products.totalCount}{" "}
            products
          </p>
        </div>
        <button
          type="button"
          className={following?.is ? "button" : "button button--primary"}
          onClick={() => void toggleFollow()}
          data-testid="follow"
        >
          {following?.is ? "Following" : "Follow"}
        </button>
      </header>
      {shop.data.description && <p className="shop__description">{shop.data.description}</p>}
      <nav className="tabs tabs--light">
        <button
          type="button"
          className={tab === "products" ? "tab tab--active" : "tab"}
          onClick={() => setTab("products")}
        >
          Products
        </button>
        <button
          type="button"
          className={tab === "posts" ? "tab tab--active" : "tab"}
          onClick={() => setTab("posts")}
          data-testid="shop-posts-tab"
        >
          Posts
        </button>
      </nav>
      {tab === "products" ? (
        scope && (
          <>
            <CollectionLinks shopId={scope.shopId} title="Collections" />
            <Catalog scope={scope} showQuery />
          </>
        )
      ) : posts === null ? (
        <div className="skeleton skeleton--grid" />
      ) : posts.length === 0 ? (
        <p className="empty page-pad">No posts yet.</p>
      ) : (
        <div className="grid grid--posts">
          {posts.map((post) => (
            <Link
              key={post.id}
              to={`/posts/${encodeURIComponent(post.id)}`}
              className="post-thumb"
              data-testid="shop-post"
            >
              {post.media.kind !== "VIDEO" || post.media.posterUrl ? (
                <img src={post.media.posterUrl ?? post.media.url} alt={post.caption} loading="lazy" />
              ) : (
                <video src={post.media.url} muted playsInline preload="metadata" />
              )}
              <span className="post-thumb__count">
                <Icon name="play" filled size={12} /> {compact(post.viewCount)}
              </span>
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}
