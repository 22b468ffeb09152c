import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentWorld, createPost, rawId, type ContentWorld } from "./content-world.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";

let api: TestApi;
let w: ContentWorld;

beforeAll(async () => {
  api = await startTestApi();
  w = await contentWorld(api);
});
afterAll(() => api?.close());

const PROOF = `query($id: ID!) { product(id: $id) { socialProof { purchasesLast24h postCount likeCount } } }`;

async function order(
  status: "PENDING" | "PAID" | "FULFILLED" | "CANCELLED" | "REFUNDED" | "PARTIALLY_REFUNDED",
  hoursAgo: number | null,
  quantity: number,
  refunded = 0,
) {
  await api.db.prisma.order.create({
    data: {
      shopId: w.shop.id,
      status,
      currencyCode: "EUR",
      subtotal: 1000 * quantity,
      total: 1000 * quantity,
      paidAt: hoursAgo === null ? null : new Date(Date.now() - hoursAgo * 3600_000),
      lines: {
        create: [
          {
            productId: w.tee.id,
            productTitle: "Linen tee",
            variantTitle: "V1",
            unitPrice: 1000,
            quantity,
            total: 1000 * quantity,
            refundedQuantity: refunded,
          },
        ],
      },
    },
  });
}

describe("Product.socialProof", () => {
  it("counts units paid in the last 24 hours, public live posts tagging the product and their likes", async () => {
    const tag = { productId: w.tee.gid, x: 0.5, y: 0.5 };
    const a = await createPost(api, w.creator.token, { productTags: [tag, { ...tag, x: 0.1 }] });
    const b = await createPost(api, w.merchant.token, { shopId: w.shop.gid, productTags: [tag] });
    const hidden = await createPost(api, w.creator.token, { visibility: "PRIVATE", productTags: [tag] });
    const followersOnly = await createPost(api, w.creator.token, {
      visibility: "FOLLOWERS",
      productTags: [tag],
    });
    const deleted = await createPost(api, w.creator.token, { productTags: [tag] });
    await createPost(api, w.creator.token, { productTags: [{ ...tag, productId: w.foreignActive.gid }] });
    const likes: [string, number][] = [
      [a, 4],
      [b, 3],
      [hidden, 100],
      [followersOnly, 50],
      [deleted, 70],
    ];
    for (const [id, likeCount] of likes)
      await api.db.prisma.post.update({ where: { id: rawId(id) }, data: { likeCount } });
    await api.db.prisma.post.update({ where: { id: rawId(deleted) }, data: { deletedAt: new Date() } });

    await order("PAID", 1, 2);
    await order("FULFILLED", 5, 1);
    await order("PARTIALLY_REFUNDED", 23, 3, 1);
    await order("PAID", 25, 5); // too old
    await order("CANCELLED", 1, 4);
    await order("REFUNDED", 1, 6, 6);
    await order("PENDING", null, 7);

    const res = ok(await api.gql(PROOF, { id: w.tee.gid }));
    expect(res.product.socialProof).toEqual({ purchasesLast24h: 5, postCount: 2, likeCount: 7 });
    // The same for everyone: only public posts count, whoever asks.
    const author = ok(await api.gql(PROOF, { id: w.tee.gid }, { user: w.creator.token }));
    expect(author.product.socialProof).toEqual(res.product.socialProof);

    const none = ok(await api.gql(PROOF, { id: w.foreignActive.gid }));
    expect(none.product.socialProof).toEqual({ purchasesLast24h: 0, postCount: 1, likeCount: 0 });
  });

  it("adds one statement to a page of products, whatever its size", async () => {
    for (let i = 0; i < 60; i++) {
      await api.db.prisma.product.create({
        data: {
          shopId: w.shop.id,
          handle: `filler-${i}`,
          title: `Filler ${i}`,
          status: "ACTIVE",
          currencyCode: "EUR",
          minPrice: 100,
          maxPrice: 100,
        },
      });
    }
    const page = (proof: boolean) =>
      `query($first: Int) { products(first: $first) { edges { node { id title ${proof ? "socialProof { purchasesLast24h postCount likeCount }" : ""} } } } }`;
    for (const first of [20, 50]) {
      const plain = await api.db.statementsDuring(() => api.gql(page(false), { first }));
      const withProof = await api.db.statementsDuring(() => api.gql(page(true), { first }));
      expect(ok(withProof.result).products.edges).toHaveLength(first);
      expect(withProof.statements.length, withProof.statements.join("\n\n")).toBe(
        plain.statements.length + 1,
      );
    }
  });
});
