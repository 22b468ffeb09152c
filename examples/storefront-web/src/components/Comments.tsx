/**
 * A post's comments (`postComments`, newest first, by pages): the count, which follows
 * `postEngagement` live, each comment with its author and the products it mentions as links,
 * "Delete" on the viewer's own (`postCommentDelete`), and the form (`postCommentCreate`, 1 to
 * 1,000 characters, mentioning the post's tagged products if chosen). RATE_LIMITED (10 comments
 * a minute) shows under the field with how long to wait.
 */
import type { PostCommentFieldsFragment } from "@shoppable/sdk";
import { ShoppableGraphQLError } from "@shoppable/sdk";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { ViewerId } from "../account-documents.ts";
import { communityErrorText, shortDate } from "../account.ts";
import { money } from "../format.ts";
import { Link } from "../router.tsx";
import { useShoppable } from "../shoppable.tsx";
import type { Post } from "./PostCard.tsx";

type Comment = PostCommentFieldsFragment;
const MAX = 1000;

/** The signed-in user's id; null signed out (or while loading). */
function useViewerId(): string | null {
  const { client, user } = useShoppable();
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    if (user === "anonymous") return setId(null);
    let active = true;
    void client.request(ViewerId).then(
      ({ viewer }) => active && setId(viewer.user?.id ?? null),
      () => {},
    );
    return () => {
      active = false;
    };
  }, [client, user]);
  return id;
}

/** "You can comment again in 42 s" from a RATE_LIMITED error's retryAfter. */
export function rateLimitText(error: unknown): string | null {
  if (!(error instanceof ShoppableGraphQLError) || error.code !== "RATE_LIMITED") return null;
  const seconds = Number(error.errors[0]?.extensions?.retryAfter);
  return `You are commenting fast: you can comment again in ${Number.isFinite(seconds) && seconds > 0 ? `${seconds} s` : "a minute"}.`;
}

export function Comments({
  post,
  onCount,
  autoFocus,
}: {
  post: Pick<Post, "id" | "productTags"> & { commentCount?: number };
  /** Called with the count whenever it changes (a new comment, a deletion, a live event). */
  onCount?(count: number): void;
  autoFocus?: boolean;
}) {
  const { client, user, notify } = useShoppable();
  const viewerId = useViewerId();
  const id = useId();
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [count, setCountState] = useState(post.commentCount ?? 0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setCount = useCallback(
    (next: number) => {
      setCountState(next);
      onCount?.(next);
    },
    [onCount],
  );

  const load = useCallback(
    async (after: string | null) => {
      try {
        const page = await client.postComments({ postId: post.id, first: 10, ...(after ? { after } : {}) });
        if (!page) return setComments([]);
        const nodes = page.edges.map((edge) => edge.node);
        setComments((shown) => (after && shown ? [...shown, ...nodes] : nodes));
        setCursor(page.pageInfo.endCursor ?? null);
        setMore(page.pageInfo.hasNextPage);
        if (!after) setCount(page.totalCount);
      } catch {
        setComments((shown) => shown ?? []);
      }
    },
    [client, post.id, setCount],
  );
  useEffect(() => void load(null), [load]);

  // The count follows the post live: another viewer's comment shows in it (and in the list on the next read).
  useEffect(() => {
    const events = client.postEngagement({ postId: post.id });
    let active = true;
    void (async () => {
      try {
        for await (const event of events) {
          if (!active) break;
          if (event.refetch) void load(null);
          else if (typeof event.commentCount === "number") setCount(event.commentCount);
        }
      } catch {
        // The live count is a nicety: the list still works.
      }
    })();
    return () => {
      active = false;
      events.dispose();
    };
  }, [client, post.id, load, setCount]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError("Write something first.");
    if (text.length > MAX) return setError(`At most ${MAX} characters.`);
    setBusy(true);
    setError(null);
    try {
      const result = await client.postCommentCreate({
        postId: post.id,
        body: text,
        ...(mentions.length ? { productIds: mentions } : {}),
      });
      const failure = result.userErrors[0];
      if (failure) return setError(communityErrorText(failure));
      const created = result.postComment;
      if (created) {
        setComments((shown) => [created, ...(shown ?? [])]);
        setCount(created.post.commentCount);
      }
      setBody("");
      setMentions([]);
    } catch (cause) {
      setError(rateLimitText(cause) ?? `${(cause as Error).message}. Try again.`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(comment: Comment) {
    const result = await client.postCommentDelete({ id: comment.id }).catch((cause: Error) => {
      notify(cause.message);
      return null;
    });
    if (!result) return;
    if (result.userErrors[0]) return notify(result.userErrors[0].message);
    setComments((shown) => (shown ?? []).filter((other) => other.id !== comment.id));
    if (result.post) setCount(result.post.commentCount);
  }

  const tagged = [...new Map(post.productTags.map((tag) => [tag.product.id, tag.product])).values()];

  return (
    <div className="comments" data-testid="comments">
      <h2 className="comments__title">
        Comments{" "}
        <span className="muted" data-testid="comment-count">
          {count}
        </span>
      </h2>
      {user === "anonymous" ? (
        <p className="hint">Sign in with the switcher in the header to comment.</p>
      ) : (
        <form className="comments__form" onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor={`${id}-body`} className="visually-hidden">
            Add a comment
          </label>
          <textarea
            id={`${id}-body`}
            value={body}
            rows={2}
            placeholder="Add a comment…"
            onChange={(event) => {
              setBody(event.target.value);
              setError(null);
            }}
            // biome-ignore lint/a11y/noAutofocus: the sheet opens to write or read comments; the field is its first control
            autoFocus={autoFocus}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
            data-testid="comment-input"
          />
          {tagged.length > 0 && (
            <fieldset className="comments__mentions">
              <legend className="visually-hidden">Mention a product</legend>
              {tagged.map((product) => {
                const on = mentions.includes(product.id);
                return (
                  <button
                    key={product.id}
                    type="button"
                    className={on ? "chip chip--selected" : "chip"}
                    aria-pressed={on}
                    disabled={!on && mentions.length >= 3}
                    onClick={() =>
                      setMentions((shown) =>
                        on ? shown.filter((other) => other !== product.id) : [...shown, product.id],
                      )
                    }
                    data-testid="comment-mention"
                  >
                    @{product.title}
                  </button>
                );
              })}
            </fieldset>
          )}
          <div className="comments__actions">
            <span
              id={`${id}-help`}
              className={body.length > MAX ? "comments__counter field-error" : "comments__counter muted"}
            >
              {body.length}/{MAX}
            </span>
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={busy}
              data-testid="comment-submit"
            >
              {busy ? "Posting…" : "Post"}
            </button>
          </div>
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert" data-testid="comment-error">
              {error}
            </p>
          )}
        </form>
      )}
      {comments === null ? (
        <div className="skeleton skeleton--list" aria-busy="true" />
      ) : comments.length === 0 ? (
        <p className="muted comments__empty">No comments yet. Be the first.</p>
      ) : (
        <ul className="comment-list" data-testid="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment" data-testid="comment">
              <span className="comment__avatar" aria-hidden>
                {comment.author.avatarUrl ? (
                  <img src={comment.author.avatarUrl} alt="" />
                ) : (
                  (comment.author.displayName ?? comment.author.handle).slice(0, 1).toUpperCase()
                )}
              </span>
              <div className="comment__main">
                <p className="comment__meta">
                  <strong>{comment.author.displayName ?? `@${comment.author.handle}`}</strong>{" "}
                  <span className="muted">{shortDate(comment.createdAt)}</span>
                </p>
                <p className="comment__body" data-testid="comment-body">
                  {comment.body}
                </p>
                {comment.products.length > 0 && (
                  <p className="comment__products">
                    {comment.products.map((product) => (
                      <Link
                        key={product.id}
                        to={`/products/${product.handle}`}
                        className="product-pill product-pill--link"
                        data-testid="comment-product"
                      >
                        {product.title} · {money(product.priceRange.min)}
                      </Link>
                    ))}
                  </p>
                )}
              </div>
              {viewerId && comment.author.id === viewerId && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void remove(comment)}
                  aria-label="Delete your comment"
                  data-testid="comment-delete"
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {more && (
        <button type="button" className="button button--wide" onClick={() => void load(cursor)}>
          Show more comments
        </button>
      )}
    </div>
  );
}

/** The comments in a bottom sheet, opened from a post's comment button. */
export function CommentsSheet({
  post,
  onClose,
  onCount,
}: {
  post: Pick<Post, "id" | "productTags"> & { commentCount?: number };
  onClose(): void;
  onCount(count: number): void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="sheet" role="dialog" aria-modal="true" aria-label="Comments" data-testid="comments-sheet">
      <button type="button" className="sheet__backdrop" aria-label="Close comments" onClick={onClose} />
      <div className="sheet__panel comments-sheet">
        <div className="sheet__grip" />
        <button
          type="button"
          className="sheet__close"
          onClick={onClose}
          aria-label="Close"
          data-testid="comments-close"
        >
          ×
        </button>
        <Comments post={post} onCount={onCount} />
      </div>
    </div>
  );
}
