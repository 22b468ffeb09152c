/**
 * A shoppable post, full height: its video (muted, autoplay, loop, playsinline) or image, with
 * product hotspots at their x/y shown only during their startMs–endMs (the SDK's
 * `tagVisibleAt`, as `<shoppable-post>` does). A tap records `productTagTap` and opens the
 * product with the post and tag as the cart line's attribution. The post counts a view
 * (`postView`) once it has been on screen for a second; likes go through `postLike`/`postUnlike`.
 */
import type { PostFieldsFragment } from "@shoppable/sdk";
import { tagVisibleAt } from "@shoppable/sdk/elements";
import { useEffect, useRef, useState } from "react";
import { compact, money } from "../format.ts";
import { Link } from "../router.tsx";
import { CommentsSheet } from "./Comments.tsx";
import { Icon } from "./Icon.tsx";
import { useShoppable } from "../shoppable.tsx";

export type Post = PostFieldsFragment;
export type ProductTag = Post["productTags"][number];

const viewed = new Set<string>();

export function PostCard({
  post,
  onTagTap,
  eager,
}: {
  post: Post;
  onTagTap(post: Post, tag: ProductTag): void;
  eager?: boolean;
}) {
  const { client, user, sessionId, notify } = useShoppable();
  const card = useRef<HTMLElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [ms, setMs] = useState(0);
  const [onScreen, setOnScreen] = useState(!!eager);
  const [liked, setLiked] = useState(post.viewerHasLiked);
  const [likes, setLikes] = useState(post.likeCount);
  const [comments, setComments] = useState(post.commentCount ?? 0);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const isVideo = post.media.kind === "VIDEO";

  // Play while at least 60% visible; pause otherwise.
  useEffect(() => {
    const element = card.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      ([entry]) => setOnScreen(!!entry && entry.intersectionRatio >= 0.6),
      { threshold: [0, 0.6, 1] },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (onScreen) void element.play().catch(() => {});
    else element.pause();
  }, [onScreen]);

  // A view counts after a second on screen, once per post per page load (the API also counts a viewer once per 30 minutes).
  useEffect(() => {
    if (!onScreen || viewed.has(post.id)) return;
    const timer = setTimeout(() => {
      viewed.add(post.id);
      void client
        .postView({ postId: post.id, ...(user === "anonymous" ? { sessionId } : {}) })
        .catch(() => {});
    }, 1000);
    return () => clearTimeout(timer);
  }, [onScreen, post.id, client, user, sessionId]);

  // Follow the video's clock smoothly (timeupdate alone fires only ~4 times a second).
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let frame = 0;
    const tick = () => {
      setMs(Math.floor(element.currentTime * 1000));
      frame = requestAnimationFrame(tick);
    };
    const start = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    const stop = () => {
      cancelAnimationFrame(frame);
      setMs(Math.floor(element.currentTime * 1000));
    };
    const onTimeUpdate = () => element.paused && stop();
    element.addEventListener("play", start);
    element.addEventListener("pause", stop);
    element.addEventListener("seeked", stop);
    element.addEventListener("timeupdate", onTimeUpdate);
    if (!element.paused) start();
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener("play", start);
      element.removeEventListener("pause", stop);
      element.removeEventListener("seeked", stop);
      element.removeEventListener("timeupdate", onTimeUpdate);
    };
  }, []);

  async function toggleLike() {
    if (user === "anonymous") return notify("Choose the demo buyer or creator to like posts");
    const next = !liked;
    setLiked(next);
    setLikes((count) => count + (next ? 1 : -1));
    const result = next
      ? await client.postLike({ postId: post.id })
      : await client.postUnlike({ postId: post.id });
    if (result.post) {
      setLiked(result.post.viewerHasLiked);
      setLikes(result.post.likeCount);
    }
  }

  async function share() {
    const url = `${window.location.origin}/posts/${encodeURIComponent(post.id)}`;
    await navigator.clipboard?.writeText(url).catch(() => {});
    void client.postShare({ postId: post.id, channel: "copy_link" }).catch(() => {});
    notify("Link copied");
  }

  const author = post.shop
    ? { name: post.shop.name, to: `/shops/${post.shop.handle}` }
    : {
        name: post.author.displayName ?? `@${post.author.handle}`,
        to: `/posts/${encodeURIComponent(post.id)}`,
      };

  return (
    <article
      className="post"
      ref={card}
      data-testid="post"
      data-post-id={post.id}
      data-media-kind={post.media.kind}
    >
      <div className="post__stage">
        {isVideo ? (
          <video
            ref={video}
            className="post__media"
            src={post.media.url}
            poster={post.media.posterUrl ?? undefined}
            muted
            loop
            playsInline
            autoPlay={eager}
            preload={eager || onScreen ? "auto" : "none"}
            data-testid="post-video"
          />
        ) : (
          <img
            className="post__media"
            src={post.media.url}
            alt={post.caption}
            loading={eager ? "eager" : "lazy"}
          />
        )}
        {post.productTags.map((tag) => {
          const visible = !isVideo || tagVisibleAt(tag, ms);
          const price = tag.variant?.price ?? tag.product.priceRange.min;
          return (
            <button
              key={tag.id}
              type="button"
              // Past the middle the label opens to the left of its dot, so it stays inside the frame.
              className={`hotspot${visible ? " hotspot--visible" : ""}${tag.x > 0.5 ? " hotspot--left" : ""}`}
              hidden={!visible}
              style={{ left: `${tag.x * 100}%`, top: `${tag.y * 100}%` }}
              data-testid="hotspot"
              data-tag-id={tag.id}
              data-product-handle={tag.product.handle}
              onClick={() => onTagTap(post, tag)}
            >
              <span className="hotspot__dot" aria-hidden />
              <span className="hotspot__label">
                <span className="hotspot__title">{tag.product.title}</span>
                <span className="hotspot__price">{money(price)}</span>
              </span>
            </button>
          );
        })}
        <div className="post__overlay">
          <Link to={author.to} className="post__author">
            {author.name}
          </Link>
          <p className="post__caption">{post.caption}</p>
          {post.hashtags.length > 0 && (
            <p className="post__hashtags">{post.hashtags.map((tag) => `#${tag}`).join(" ")}</p>
          )}
          {post.productTags.length > 0 && (
            <div className="post__products">
              {post.productTags.map((tag) => (
                <button
                  key={tag.id}
                  type="button"
                  className="product-pill"
                  onClick={() => onTagTap(post, tag)}
                  data-testid="product-pill"
                >
                  <Icon name="bag" size={14} /> {tag.product.title}
                </button>
              ))}
            </div>
          )}
        </div>
        <div className="post__actions">
          <button
            type="button"
            className={liked ? "action action--liked" : "action"}
            onClick={() => void toggleLike()}
            data-testid="like"
            aria-pressed={liked}
          >
            <Icon name="heart" filled size={30} />
            <small>{compact(likes)}</small>
          </button>
          <button
            type="button"
            className="action"
            onClick={() => setCommentsOpen(true)}
            aria-label={`Comments (${comments})`}
            data-testid="comments-button"
          >
            <Icon name="chat" filled size={28} />
            <small data-testid="post-comment-count">{compact(comments)}</small>
          </button>
          <button type="button" className="action" onClick={() => void share()} aria-label="Share">
            <Icon name="share" size={30} />
            <small>{compact(post.shareCount)}</small>
          </button>
          <span className="action action--static" title="Views">
            <Icon name="play" filled size={28} />
            <small>{compact(post.viewCount)}</small>
          </span>
        </div>
      </div>
      {/* From 1024 px wide: beside the video, who posted it and its products, the one on screen marked. */}
      <aside className="post__rail" aria-label="In this video">
        <Link to={author.to} className="rail__author">
          <span className="rail__avatar" aria-hidden>
            {author.name.replace(/^@/, "").slice(0, 1).toUpperCase()}
          </span>
          <span>
            <strong>{author.name}</strong>
            <small className="muted">
              {compact(post.viewCount)} views · {compact(likes)} likes
            </small>
          </span>
        </Link>
        <p className="rail__caption">{post.caption}</p>
        {post.productTags.length > 0 && (
          <>
            <h2 className="rail__title">In this video</h2>
            <ul className="rail__products">
              {post.productTags.map((tag) => {
                const now = isVideo && tagVisibleAt(tag, ms);
                return (
                  <li key={tag.id}>
                    <button
                      type="button"
                      className={now ? "rail__product rail__product--now" : "rail__product"}
                      onClick={() => onTagTap(post, tag)}
                      data-testid="rail-product"
                    >
                      <span className="rail__thumb" aria-hidden>
                        <Icon name="bag" size={18} />
                      </span>
                      <span className="rail__product-text">
                        <span className="rail__product-title">{tag.product.title}</span>
                        <span className="rail__product-price">
                          {money(tag.variant?.price ?? tag.product.priceRange.min)}
                        </span>
                      </span>
                      {now && <span className="badge badge--live">On screen</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </aside>
      {commentsOpen && (
        <CommentsSheet post={post} onClose={() => setCommentsOpen(false)} onCount={setComments} />
      )}
    </article>
  );
}
