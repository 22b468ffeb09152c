// Bench child: the floor. A bare node:http + pg server answering one prepared SELECT (the 20
// newest active products' own columns) with JSON built in Node: no GraphQL, auth or validation.
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const PRODUCTS = {
  name: "floor-products",
  text: `SELECT id, title, handle, tags, "minPrice", "maxPrice", "currencyCode", "totalInventory"
    FROM "Product" WHERE status = 'ACTIVE' ORDER BY "createdAt" DESC, id DESC LIMIT 20`,
};

const server = createServer(async (_req, res) => {
  try {
    const { rows } = await pool.query(PRODUCTS);
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
// The bench's end (or its crash) ends this process too.
process.on("disconnect", () => process.exit(0));
