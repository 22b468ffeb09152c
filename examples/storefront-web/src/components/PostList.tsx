/** Posts one under another, each a snap point, with the product sheet their hotspots open. */
import { useCallback, useEffect, useRef, useState } from "react";
import { useShoppable } from "../shoppable.tsx";
import { PostCard, type Post, type ProductTag } from "./PostCard.tsx";
import { ProductSheet, type SheetProduct } from "./ProductSheet.tsx";

export function PostList({
  posts,
  onEnd,
  hasMore,
  eagerFirst = true,
}: {
  posts: Post[];
  onEnd?(): void;
  hasMore?: boolean;
  eagerFirst?: boolean;
}) {
  const { client } = useShoppable();
  const [sheet, setSheet] = useState<SheetProduct | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  const onTagTap = useCallback(
    (post: Post, tag: ProductTag) => {
      void client.productTagTap({ productTagId: tag.id }).catch(() => {});
      setSheet({
        productId: tag.product.id,
        handle: tag.product.handle,
        variantId: tag.variant?.id ?? null,
        attribution: { postId: post.id, productTagId: tag.id },
      });
    },
    [client],
  );

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || !onEnd || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && onEnd(), {
      rootMargin: "600px",
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, onEnd]);

  return (
    <>
      <div className="posts">
        {posts.map((post, index) => (
          <PostCard key={post.id} post={post} onTagTap={onTagTap} eager={eagerFirst && index === 0} />
        ))}
        {hasMore && <div ref={sentinel} className="posts__sentinel" />}
      </div>
      <ProductSheet open={sheet} onClose={() => setSheet(null)} />
    </>
  );
}
