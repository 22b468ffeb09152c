/** `/`: the shoppable feed (`feed` with kind FOR_YOU, TRENDING or FOLLOWING), paged by cursor. */
import type { FeedKind } from "@shoppable/sdk";
import { useCallback, useEffect, useState } from "react";
import { PostList } from "../components/PostList.tsx";
import type { Post } from "../components/PostCard.tsx";
import { useShoppable } from "../shoppable.tsx";

const TABS: { kind: FeedKind; label: string }[] = [
  { kind: "FOR_YOU", label: "For you" },
  { kind: "TRENDING", label: "Trending" },
  { kind: "FOLLOWING", label: "Following" },
];

export function FeedPage() {
  const { client, user } = useShoppable();
  const [kind, setKind] = useState<FeedKind>("FOR_YOU");
  const [posts, setPosts] = useState<Post[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    setLoading(true);
    setError(null);
    setPosts([]);
    client.feed({ kind, first: 10 }).then(
      (feed) => {
        if (!active) return;
        setPosts(feed.edges.map((edge) => edge.node));
        setCursor(feed.pageInfo.endCursor);
        setHasMore(feed.pageInfo.hasNextPage);
        setLoading(false);
      },
      (cause: Error) => active && (setError(cause.message), setLoading(false)),
    );
    return () => {
      active = false;
    };
  }, [client, kind]);

  const more = useCallback(() => {
    if (loading || !cursor) return;
    setLoading(true);
    client.feed({ kind, first: 10, after: cursor }).then(
      (feed) => {
        setPosts((previous) => [...previous, ...feed.edges.map((edge) => edge.node).filter((post) => !previous.some((p) => p.id === post.id))]);
        setCursor(feed.pageInfo.endCursor);
        setHasMore(feed.pageInfo.hasNextPage);
        setLoading(false);
      },
      () => setLoading(false),
    );
  }, [client, kind, cursor, loading]);

  return (
    <div className="feed">
      <nav className="tabs" role="tablist">
        {TABS.map((tab) => (
          <button key={tab.kind} type="button" role="tab" aria-selected={kind === tab.kind} className={kind === tab.kind ? "tab tab--active" : "tab"} onClick={() => setKind(tab.kind)} data-testid={`tab-${tab.kind}`}>
            {tab.label}
          </button>
        ))}
      </nav>
      {error && <p className="error page-pad">{error}</p>}
      {!loading && !error && posts.length === 0 && (
        <div className="empty page-pad">
          {kind === "FOLLOWING" && user === "anonymous" ? "Choose a demo user to see the posts of the creators and shops they follow." : kind === "FOLLOWING" ? "Follow creators and shops to fill this feed." : "No posts yet."}
        </div>
      )}
      {posts.length === 0 && loading && <div className="skeleton skeleton--post" />}
      <PostList posts={posts} hasMore={hasMore} onEnd={more} />
    </div>
  );
}
