/**
 * Product reviews: the stars of an average (`Product.rating`), the reviews list
 * (`productReviews`, by pages, filtered by rating) with the shop's replies, and the "Write a
 * review" form (`productReviewCreate`: 1–5 stars, title, text) for a buyer of the product. The
 * API decides who may review: the order line is the buyer's oldest one of the product without a
 * review, and NOT_A_BUYER / ALREADY_REVIEWED show as messages.
 */
import type { ProductReviewFieldsFragment } from "@shoppable/sdk";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { ReviewableLines } from "../account-documents.ts";
import { communityErrorText, shortDate } from "../account.ts";
import { useShoppable } from "../shoppable.tsx";
import { FormActions } from "./FormActions.tsx";

export interface Rating {
  average: number | null;
  count: number;
}

/** Five stars filled to `value` (halves rounded), for reading only. */
export function Stars({ value, size = 16 }: { value: number; size?: number }) {
  const rounded = Math.round(value * 2) / 2;
  return (
    <span className="stars" aria-hidden style={{ fontSize: size }}>
      {[1, 2, 3, 4, 5].map((star) => (
        <span
          key={star}
          className={
            rounded >= star
              ? "stars__star stars__star--on"
              : rounded >= star - 0.5
                ? "stars__star stars__star--half"
                : "stars__star"
          }
        >
          ★
        </span>
      ))}
    </span>
  );
}

/** "★★★★☆ 4.0 (12 reviews)" near a product's title; links to the reviews. */
export function RatingSummary({ rating }: { rating: Rating }) {
  if (!rating.count || rating.average == null)
    return (
      <a href="#reviews" className="rating-summary muted" data-testid="rating-summary">
        No reviews yet
      </a>
    );
  return (
    <a
      href="#reviews"
      className="rating-summary"
      data-testid="rating-summary"
      aria-label={`Rated ${rating.average.toFixed(1)} out of 5 from ${rating.count} ${rating.count === 1 ? "review" : "reviews"}`}
    >
      <Stars value={rating.average} />
      <span data-testid="rating-average">{rating.average.toFixed(1)}</span>
      <span className="muted" data-testid="rating-count">
        ({rating.count} {rating.count === 1 ? "review" : "reviews"})
      </span>
    </a>
  );
}

type Review = ProductReviewFieldsFragment;

/** The product page's reviews section. */
export function ProductReviews({
  productId,
  shopName,
  rating,
  onRating,
}: {
  productId: string;
  shopName: string;
  rating: Rating;
  onRating(rating: Rating): void;
}) {
  const { client, user } = useShoppable();
  const [filter, setFilter] = useState<number | null>(null);
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [writing, setWriting] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      setBusy(true);
      try {
        const page = await client.productReviews({
          productId,
          first: 5,
          ...(after ? { after } : {}),
          ...(filter ? { rating: filter } : {}),
        });
        if (!page) return setReviews([]);
        const nodes = page.edges.map((edge) => edge.node);
        setReviews((shown) => (after && shown ? [...shown, ...nodes] : nodes));
        setTotal(page.totalCount);
        setCursor(page.pageInfo.endCursor ?? null);
        setMore(page.pageInfo.hasNextPage);
      } catch {
        setReviews((shown) => shown ?? []);
      } finally {
        setBusy(false);
      }
    },
    [client, productId, filter],
  );
  useEffect(() => void load(null), [load]);

  return (
    <section
      id="reviews"
      className="reviews page-pad"
      aria-labelledby="reviews-heading"
      data-testid="reviews"
    >
      <div className="reviews__head">
        <div>
          <h2 id="reviews-heading">Reviews</h2>
          {rating.count > 0 && rating.average != null ? (
            <p className="reviews__score">
              <strong>{rating.average.toFixed(1)}</strong> <Stars value={rating.average} size={18} />{" "}
              <span className="muted">
                {rating.count} {rating.count === 1 ? "review" : "reviews"}
              </span>
            </p>
          ) : (
            <p className="muted">No reviews yet.</p>
          )}
        </div>
        {user !== "anonymous" && !writing && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setWriting(true)}
            data-testid="review-write"
          >
            Write a review
          </button>
        )}
      </div>
      {user === "anonymous" && (
        <p className="hint">Buyers of this product can review it: sign in with the switcher in the header.</p>
      )}
      {writing && (
        <ReviewForm
          productId={productId}
          onCancel={() => setWriting(false)}
          onCreated={(review, next) => {
            setWriting(false);
            onRating(next);
            if (!filter || filter === review.rating) setReviews((shown) => [review, ...(shown ?? [])]);
            setTotal((count) => count + 1);
          }}
        />
      )}
      {rating.count > 0 && (
        <fieldset className="reviews__filters">
          <legend className="visually-hidden">Filter by rating</legend>
          {[null, 5, 4, 3, 2, 1].map((value) => (
            <button
              key={value ?? "all"}
              type="button"
              className={filter === value ? "chip chip--selected" : "chip"}
              aria-pressed={filter === value}
              onClick={() => setFilter(value)}
              data-testid="review-filter"
            >
              {value ? `${value} ★` : "All"}
            </button>
          ))}
        </fieldset>
      )}
      {reviews && reviews.length === 0 && rating.count > 0 && (
        <p className="muted" data-testid="reviews-none">
          No {filter}-star reviews.
        </p>
      )}
      <ul className="review-list" data-testid="review-list" aria-busy={busy}>
        {(reviews ?? []).map((review) => (
          <li key={review.id} className="review" data-testid="review">
            <div className="review__head">
              <Stars value={review.rating} />
              <span className="visually-hidden">{review.rating} out of 5 stars</span>
              {review.title && <strong className="review__title">{review.title}</strong>}
            </div>
            <p className="review__meta muted">
              {review.author ? (review.author.displayName ?? `@${review.author.handle}`) : "A former buyer"} ·{" "}
              {shortDate(review.createdAt)}
              {review.variantTitle && !/^Default/.test(review.variantTitle)
                ? ` · ${review.variantTitle}`
                : ""}
              <span className="badge badge--inline">Verified buyer</span>
            </p>
            {review.body && <p className="review__body">{review.body}</p>}
            {review.reply && (
              <div className="review__reply" data-testid="review-reply">
                <strong>Reply from {shopName}</strong>
                <p>{review.reply.body}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
      {more && (
        <button
          type="button"
          className="button button--wide"
          disabled={busy}
          onClick={() => void load(cursor)}
        >
          {busy ? "Loading…" : `Show more reviews (${total - (reviews?.length ?? 0)} more)`}
        </button>
      )}
    </section>
  );
}

/** The buyer's oldest paid or shipped line of the product without a review, if any. */
async function reviewableLine(client: ReturnType<typeof useShoppable>["client"], productId: string) {
  const { viewer } = await client.request(ReviewableLines);
  const lines = viewer.orders.edges
    .map((edge) => edge.node)
    .filter(
      (order) =>
        order.status === "PAID" || order.status === "FULFILLED" || order.status === "PARTIALLY_REFUNDED",
    )
    .reverse()
    .flatMap((order) => order.lines);
  return lines.find((line) => line.productId === productId && !line.review)?.id ?? null;
}

/** The "Write a review" form: stars (radio buttons), title, text. */
export function ReviewForm({
  productId,
  orderLineId,
  onCreated,
  onCancel,
}: {
  productId: string;
  /** The order line reviewed; default: found among the viewer's orders (else the API's choice). */
  orderLineId?: string;
  onCreated(review: Review, rating: Rating): void;
  onCancel(): void;
}) {
  const { client } = useShoppable();
  const id = useId();
  const [stars, setStars] = useState(0);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stars) return setError({ field: "rating", message: "Choose 1 to 5 stars." });
    setBusy(true);
    setError(null);
    try {
      const line = orderLineId ?? (await reviewableLine(client, productId).catch(() => null));
      const result = await client.productReviewCreate({
        productId,
        rating: stars,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(body.trim() ? { body: body.trim() } : {}),
        ...(line ? { orderLineId: line } : {}),
      });
      const failure = result.userErrors[0];
      if (failure) {
        const field = failure.field?.at(-1) ?? "form";
        setError({
          field: field === "title" || field === "body" || field === "rating" ? field : "form",
          message: communityErrorText(failure),
        });
        return;
      }
      if (result.productReview) onCreated(result.productReview, result.productReview.product.rating);
    } catch (cause) {
      setError({ field: "form", message: `${(cause as Error).message}. Try again.` });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) =>
    error?.field === field ? (
      <p className="field-error" id={`${id}-${field}-error`} data-testid="review-field-error">
        {error.message}
      </p>
    ) : null;

  return (
    <form
      className="form review-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="review-form"
    >
      <fieldset
        className="star-input"
        aria-describedby={error?.field === "rating" ? `${id}-rating-error` : undefined}
      >
        <legend>Your rating</legend>
        <div className="star-input__stars">
          {[1, 2, 3, 4, 5].map((value) => (
            <label
              key={value}
              className={value <= stars ? "star-input__star star-input__star--on" : "star-input__star"}
            >
              <input
                type="radio"
                name={`${id}-rating`}
                value={value}
                checked={stars === value}
                onChange={() => setStars(value)}
                className="visually-hidden"
                data-testid={`review-star-${value}`}
              />
              <span aria-hidden>★</span>
              <span className="visually-hidden">
                {value} {value === 1 ? "star" : "stars"}
              </span>
            </label>
          ))}
        </div>
        {fieldError("rating")}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title (optional)</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={150}
          onChange={(event) => setTitle(event.target.value)}
          data-testid="review-title"
        />
        {fieldError("title")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Your review (optional)</label>
        <textarea
          id={`${id}-body`}
          value={body}
          rows={4}
          maxLength={5000}
          onChange={(event) => setBody(event.target.value)}
          data-testid="review-body"
        />
        {fieldError("body")}
      </div>
      <FormActions
        error={error?.field === "form" ? error.message : null}
        errorTestId="review-error"
        busy={busy}
        label="Post review"
        busyLabel="Posting…"
        submitTestId="review-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
