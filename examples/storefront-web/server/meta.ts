/**
 * Titles and Open Graph tags for the pages people share (`/products/<handle>`, `/shops/<handle>`,
 * `/posts/<id>`, `/live/<id>`): the server reads the entity through the SDK and writes its
 * `<title>`, description, `og:*`, `twitter:card` and canonical link into index.html, so a link
 * pasted into a chat shows a card. Any other path, an unknown entity or an API error gets the
 * plain index.html with the default tags.
 */
import type { ShoppableClient } from "@shoppable/sdk";

/** What a page's head says about it. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute. */
  url: string;
  /** Absolute, when the entity has a picture. */
  image?: string;
  type: "product" | "profile" | "video.other" | "website";
}

const SITE_NAME = "Shoppable";

/** Escapes text for an HTML attribute or element. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}

const clip = (text: string, length = 200) =>
  text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
const absolute = (url: string | null | undefined, origin: string) => {
  if (!url) return undefined;
  try {
    return new URL(url, origin).toString();
  } catch {
    return undefined;
  }
};

/** Reads the meta of the page at `path` (no query) from the API; null for pages it does not describe or entities that do not exist. */
export async function readPageMeta(
  api: ShoppableClient,
  path: string,
  origin: string,
): Promise<PageMeta | null> {
  const match = /^\/(products|shops|posts|live)\/([^/]+)\/?$/.exec(path);
  if (!match?.[1] || !match[2]) return null;
  const [, kind, raw] = match;
  const key = decodeURIComponent(raw);
  const url = `${origin}/${kind}/${raw}`;
  if (kind === "products") {
    const product = await api.product({ handle: key });
    if (!product) return null;
    return {
      title: `${product.title} · ${product.shop.name}`,
      description: clip(product.description || `${product.title} from ${product.shop.name}.`),
      url,
      image: absolute(product.media[0]?.posterUrl ?? product.media[0]?.url, origin),
      type: "product",
    };
  }
  if (kind === "shops") {
    const shop = await api.shop({ handle: key, productsFirst: 1 });
    if (!shop) return null;
    return {
      title: shop.name,
      description: clip(shop.description || `Shop ${shop.name} on ${SITE_NAME}.`),
      url,
      image: absolute(shop.logoUrl, origin),
      type: "profile",
    };
  }
  if (kind === "posts") {
    const post = await api.post({ id: key });
    if (!post) return null;
    const by = post.shop?.name ?? post.author.displayName ?? `@${post.author.handle}`;
    return {
      title: `${clip(post.caption || "A post", 70)} · ${by}`,
      description: clip(
        post.productTags.length
          ? `${post.caption} Shop ${post.productTags.map((tag) => tag.product.title).join(", ")}.`
          : post.caption,
      ),
      url,
      image: absolute(post.media.posterUrl ?? (post.media.kind === "IMAGE" ? post.media.url : null), origin),
      type: "video.other",
    };
  }
  const session = await api.liveSession({ id: key });
  if (!session) return null;
  const host = session.shop?.name ?? session.host.displayName ?? `@${session.host.handle}`;
  return {
    title: `${session.title} · Live · ${host}`,
    description: clip(
      session.status === "LIVE" ? `${host} is live now: shop along.` : `A live shopping session by ${host}.`,
    ),
    url,
    type: "video.other",
  };
}

/** index.html with the page's title, description, Open Graph and Twitter tags and canonical link, every value escaped. */
export function withPageMeta(html: string, meta: PageMeta): string {
  const title = `${meta.title} · ${SITE_NAME}`;
  const tags = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:type" content="${meta.type}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    ...(meta.image ? [`<meta property="og:image" content="${escapeHtml(meta.image)}" />`] : []),
    `<meta name="twitter:card" content="${meta.image ? "summary_large_image" : "summary"}" />`,
  ].join("\n    ");
  // The default title and description give way to the page's.
  const rest = html
    .replace(/<title>[\s\S]*?<\/title>\s*/i, "")
    .replace(/<meta name="description"[^>]*>\s*/i, "");
  return /<head>/i.test(rest)
    ? rest.replace(/<head>/i, (head) => `${head}\n    ${tags}`)
    : rest.replace(/^(<!doctype html>)?/i, (doctype) => `${doctype}\n${tags}\n`);
}
