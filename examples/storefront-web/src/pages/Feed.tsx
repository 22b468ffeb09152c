/** `/`: the shoppable feed (`feed` with kind FOR_YOU, TRENDING or FOLLOWING), paged by cursor. */
import type { FeedKind, ShoppableClient } from "@shoppable/sdk";
import { useCallback, useEffect, useState } from "react";
import { PostList } from "../components/PostList.tsx";
import type { Post } from "../components/PostCard.tsx";
import { useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

const TABS: { kind: FeedKind; label: string }[] = [
  { kind: "FOR_YOU", label: "For you" },
  { kind: "TRENDING", label: "Trending" },
  { kind: "FOLLOWING", label: "Following" },
];

/**
 * Ranked feeds count engagement by completed hours and take new posts from the next hour, so a
 * fresh demo has nothing trending yet. Then the feed shows the latest posts of who the viewer
 * follows, else the demo's curated posts, and says so.
 */
async function fallbackPosts(
  client: ShoppableClient,
  signedIn: boolean,
  demoPostIds: string[],
): Promise<{ posts: Post[]; note: string } | null> {
  if (signedIn) {
    const following = await client.feed({ kind: "FOLLOWING", first: 10 });
    if (following.edges.length)
      return {
        posts: following.edges.map((edge) => edge.node),
        note: "Nothing is trending yet this hour: the latest from who you follow.",
      };
  }
  const posts = (await Promise.all(demoPostIds.map((id) => client.post({ id }).catch(() => null)))).filter(
    (post): post is Post => !!post,
  );
  return posts.length
    ? { posts, note: "Nothing is trending yet this hour: fresh posts from our creators." }
    : null;
}

export function FeedPage() {
  const { client, user, config } = useShoppable();
  const [note, setNote] = useState<string | null>(null);
  const [kind, setKind] = useState<FeedKind>("FOR_YOU");
  const [posts, setPosts] = useState<Post[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(TABS.find((tab) => tab.kind === kind)?.label);

  useEffect(() => {
    let active = true;
    setLoading(true);
    setError(null);
    setPosts([]);
    setNote(null);
    client.feed({ kind, first: 10 }).then(
      async (feed) => {
        if (!active) return;
        const fallback =
          feed.edges.length === 0 && kind !== "FOLLOWING"
            ? await fallbackPosts(client, user !== "anonymous", config.demo?.postIds ?? []).catch(() => null)
            : null;
        if (!active) return;
        setPosts(fallback?.posts ?? feed.edges.map((edge) => edge.node));
        setNote(fallback?.note ?? null);
        setCursor(fallback ? null : feed.pageInfo.endCursor);
        setHasMore(fallback ? false : feed.pageInfo.hasNextPage);
        setLoading(false);
      },
      (cause: Error) => active && (setError(cause.message), setLoading(false)),
    );
    return () => {
      active = false;
    };
  }, [client, kind, user, config]);

  const more = useCallback(() => {
    if (loading || !cursor) return;
    setLoading(true);
    client.feed({ kind, first: 10, after: cursor }).then(
      (feed) => {
        setPosts((previous) => [
          ...previous,
          ...feed.edges.map((edge) => edge.node).filter((post) => !previous.some((p) => p.id === post.id)),
        ]);
        setCursor(feed.pageInfo.endCursor);
        setHasMore(feed.pageInfo.hasNextPage);
        setLoading(false);
      },
      () => setLoading(false),
    );
  }, [client, kind, cursor, loading]);

  return (
    <div className="feed">
      <div className="tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab.kind}
            type="button"
            role="tab"
            aria-selected={kind === tab.kind}
            className={kind === tab.kind ? "tab tab--active" : "tab"}
            onClick={() => setKind(tab.kind)}
            data-testid={`tab-${tab.kind}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {error && <p className="error page-pad">{error}</p>}
      {note && (
        <p className="feed__note" data-testid="feed-note">
          {note}
        </p>
      )}
      {!loading && !error && posts.length === 0 && (
        <div className="empty page-pad">
          {kind === "FOLLOWING" && user === "anonymous"
            ? "Choose a demo user to see the posts of the creators and shops they follow."
            : kind === "FOLLOWING"
              ? "Follow creators and shops to fill this feed."
              : "No posts yet."}
        </div>
      )}
      {posts.length === 0 && loading && <div className="skeleton skeleton--post" />}
      <PostList posts={posts} hasMore={hasMore} onEnd={more} />
    </div>
  );
}
