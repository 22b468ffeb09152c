/**
 * `/shops/<handle>`: a brand's shop tab: header and follow (`shop`, `userFollow`,
 * `userUnfollow`), products by page (`products` filtered by shop), and its posts (`Shop.posts`).
 */
import type { ProductFieldsFragment } from "@shoppable/sdk";
import { useEffect, useState } from "react";
import { ProductGrid } from "../components/ProductGrid.tsx";
import type { Post } from "../components/PostCard.tsx";
import { Icon } from "../components/Icon.tsx";
import { ShopPosts } from "../documents.ts";
import { compact } from "../format.ts";
import { Link } from "../router.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

export function ShopPage({ handle }: { handle: string }) {
  const { client, user, notify } = useShoppable();
  const shop = useQuery(() => client.shop({ handle, productsFirst: 1 }), [client, handle]);
  const [tab, setTab] = useState<"products" | "posts">("products");
  const [products, setProducts] = useState<ProductFieldsFragment[]>([]);
  const [page, setPage] = useState<{
    cursor: string | null;
    hasMore: boolean;
    loading: boolean;
    total: number;
  }>({ cursor: null, hasMore: false, loading: false, total: 0 });
  const [posts, setPosts] = useState<Post[] | null>(null);
  const [following, setFollowing] = useState<{ is: boolean; count: number } | null>(null);
  const shopId = shop.data?.id;
  useDocumentTitle(shop.data?.name);

  useEffect(() => {
    if (shop.data) setFollowing({ is: shop.data.viewerIsFollowing, count: shop.data.followerCount });
  }, [shop.data]);

  async function loadProducts(after: string | null) {
    if (!shopId) return;
    setPage((previous) => ({ ...previous, loading: true }));
    const connection = await client.products({ filter: { shopId }, first: 12, after });
    setProducts((previous) =>
      after
        ? [...previous, ...connection.edges.map((edge) => edge.node)]
        : connection.edges.map((edge) => edge.node),
    );
    setPage({
      cursor: connection.pageInfo.endCursor,
      hasMore: connection.pageInfo.hasNextPage,
      loading: false,
      total: connection.totalCount,
    });
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page loads again when the shop changes; loadProducts is remade each render and reads these
  useEffect(() => {
    void loadProducts(null);
    setPosts(null);
  }, [client, shopId]);
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
            {compact(following?.count ?? shop.data.followerCount)} followers · {page.total} products
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
        <>
          <ProductGrid products={products} />
          {page.hasMore && (
            <button
              type="button"
              className="button button--wide more"
              disabled={page.loading}
              onClick={() => void loadProducts(page.cursor)}
              data-testid="more-products"
            >
              {page.loading ? "Loading…" : "Show more"}
            </button>
          )}
        </>
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
