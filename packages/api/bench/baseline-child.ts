// Bench child: the same products page straight from node:http + pg, with one hand-written SQL
// statement and no GraphQL, auth or validation: the floor to compare the API against.
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const SQL = `
SELECT p.id, p.title, p.handle, p.tags, p."minPrice", p."maxPrice", p."currencyCode",
  (SELECT coalesce(json_agg(json_build_object('name', o.name, 'values', o.values) ORDER BY o.position), '[]')
     FROM "ProductOption" o WHERE o."productId" = p.id) AS options,
  (SELECT coalesce(json_agg(json_build_object('id', v.id, 'title', v.title, 'sku', v.sku, 'price', v.price,
            'compareAtPrice', v."compareAtPrice", 'selectedOptions', v."selectedOptions", 'quantityAvailable', greatest(v."inventoryQuantity", 0))
            ORDER BY v.position), '[]')
     FROM "ProductVariant" v WHERE v."productId" = p.id) AS variants,
  (SELECT coalesce(json_agg(json_build_object('url', m.url, 'kind', m.kind, 'width', m.width, 'height', m.height, 'alt', m.alt) ORDER BY m.position), '[]')
     FROM "ProductMedia" m WHERE m."productId" = p.id) AS media
FROM "Product" p WHERE p.status = 'ACTIVE' ORDER BY p."createdAt" DESC, p.id DESC LIMIT 20`;

const server = createServer(async (_req, res) => {
  try {
    const { rows } = await pool.query(SQL);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: { products: rows } }));
  } catch (error) {
    res.writeHead(500);
    res.end(String(error));
  }
});
server.listen(0, "127.0.0.1", () =>
  process.send?.({ ready: (server.address() as import("node:net").AddressInfo).port }),
);
process.on("message", (m: { rss?: boolean }) => m.rss && process.send?.({ rss: process.memoryUsage().rss }));
