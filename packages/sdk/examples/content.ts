/** Content: a creator posts a video with timed product tags; viewers watch, like and share. */
import { createShoppableClient } from "@shoppable/sdk";

export async function contentExample(
  url: string,
  publishableKey: string,
  creatorToken: string,
  productId: string,
) {
  const creator = createShoppableClient({ url, apiKey: publishableKey, userToken: creatorToken });
  const { post, userErrors } = await creator.postCreate({
    caption: "Styling the tee three ways #ootd",
    hashtags: ["ootd"],
    media: {
      kind: "VIDEO",
      url: "https://cdn.example.com/tee.mp4",
      width: 1080,
      height: 1920,
      durationMs: 30_000,
    },
    productTags: [{ productId, x: 0.5, y: 0.6, startMs: 2_000, endMs: 12_000 }],
  });
  if (!post) throw new Error(userErrors[0]?.message);

  const viewer = createShoppableClient({ url, apiKey: publishableKey });
  const { counted } = await viewer.postView({ postId: post.id, sessionId: "device-123" });
  const liked = await creator.postLike({ postId: post.id });
  return { postId: post.id, counted, likes: liked.post?.likeCount ?? 0 };
}
