/** `/posts/<id>`: one post (`post`), its comments below it. */
import { Comments } from "../components/Comments.tsx";
import { PostList } from "../components/PostList.tsx";
import { useQuery, useShoppable } from "../shoppable.tsx";
import { useDocumentTitle } from "../title.ts";

export function PostPage({ id }: { id: string }) {
  const { client } = useShoppable();
  const post = useQuery(() => client.post({ id }), [client, id]);
  const by = post.data?.shop?.name ?? post.data?.author.displayName ?? post.data?.author.handle;
  useDocumentTitle(post.data && (post.data.caption.slice(0, 60) || "Post"), by);
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
