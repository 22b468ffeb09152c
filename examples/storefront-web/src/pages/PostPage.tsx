/** `/posts/<id>`: one post (`post`), its comments below it. */
import { useTitle } from "../account.ts";
import { Comments } from "../components/Comments.tsx";
import { PostList } from "../components/PostList.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";

export function PostPage({ id }: { id: string }) {
  const { client } = useShoppable();
  const post = useQuery(() => client.post({ id }), [client, id]);
  useTitle(post.data ? post.data.caption.slice(0, 60) || "Post" : null);
  if (post.loading && !post.data) return <div className="skeleton skeleton--post" />;
  if (!post.data) return <p className="empty page-pad">This post is not available.</p>;
  return (
    <>
      <PostList posts={[post.data]} />
      <section className="page-pad post-page__comments" aria-label="Comments">
        <Comments post={post.data} />
      </section>
    </>
  );
}
