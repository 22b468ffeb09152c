/**
 * Importing planned products into a shop through the SDK: a product whose handle the shop
 * already has is updated (productUpdate, then inventoryAdjust for stock), any other is created
 * (productCreate). The API's userErrors are mapped back to the rows they concern.
 */
import {
  ShoppableAuthError,
  ShoppableGraphQLError,
  type ProductQuery,
  type ShoppableClient,
} from "@shoppable/sdk";
import type { ProductPlan, RowError, VariantPlan } from "./catalog-csv.ts";

export interface ImportOptions {
  /** The shop's handle. */
  shop: string;
  /** Products written at once (default 4). */
  concurrency?: number;
  /** Look products up and validate, but write nothing. */
  dryRun?: boolean;
  /** Called as rows are done, with how many are done so far. */
  onProgress?: (rowsDone: number) => void;
}

export interface ImportReport {
  /** Products created (or, in a dry run, that would be). */
  created: number;
  /** Products updated (or, in a dry run, that would be). */
  updated: number;
  /** Rows written: variants created or updated. */
  importedRows: number;
  /** Rows not imported, by line. */
  failed: RowError[];
}

/** The shop named by `--shop` does not exist: nothing can be imported. */
export class ShopNotFoundError extends Error {
  override name = "ShopNotFoundError";
}

type ExistingProduct = NonNullable<ProductQuery["product"]>;
interface UserError {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

/** What happened to one product. */
interface ProductOutcome {
  kind: "created" | "updated" | "failed";
  importedRows: number;
  failed: RowError[];
}

/**
 * Imports `products` into the shop with at most `concurrency` products in flight. A
 * `ShoppableAuthError` (a bad key, or a merchant of another shop: FORBIDDEN) stops the
 * import and is thrown, as every later request would fail alike; other errors fail the
 * rows of the product concerned.
 */
export async function importProducts(
  client: ShoppableClient,
  products: ProductPlan[],
  options: ImportOptions,
): Promise<ImportReport> {
  const shop = await client.shop({ handle: options.shop, productsFirst: 1 });
  if (!shop) throw new ShopNotFoundError(`No shop has the handle "${options.shop}".`);
  const report: ImportReport = { created: 0, updated: 0, importedRows: 0, failed: [] };
  let rowsDone = 0;
  let stopped: unknown;
  const queue = [...products];
  const requeued = new Map<ProductPlan, number>();
  const worker = async () => {
    for (let product = queue.shift(); product && stopped === undefined; product = queue.shift()) {
      await paced(client);
      let outcome: ProductOutcome;
      try {
        outcome = await importProduct(client, shop.id, options.shop, product, options.dryRun ?? false);
      } catch (error) {
        if (error instanceof ShoppableAuthError) {
          stopped = error;
          return;
        }
        // Still refused after the SDK's retries (the bucket is shared by all the workers): the
        // product goes to the back of the queue. Nothing of the refused request ran, and a
        // product imports again safely (it is looked up again; updates set values).
        const times = requeued.get(product) ?? 0;
        if (isRateLimited(error) && times < MAX_REQUEUES) {
          requeued.set(product, times + 1);
          queue.push(product);
          continue;
        }
        outcome = {
          kind: "failed",
          importedRows: 0,
          failed: product.variants.map((v) =>
            rowError(product, v.line, `request failed: ${(error as Error).message}`),
          ),
        };
      }
      if (outcome.kind !== "failed") report[outcome.kind]++;
      report.importedRows += outcome.importedRows;
      report.failed.push(...outcome.failed);
      rowsDone += product.variants.length;
      options.onProgress?.(rowsDone);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  if (stopped !== undefined) throw stopped;
  report.failed.sort((a, b) => a.line - b.line);
  return report;
}

/** How often a product refused by the rate limit goes back to the queue before its rows fail. */
const MAX_REQUEUES = 8;

const isRateLimited = (error: unknown) =>
  error instanceof ShoppableGraphQLError && error.code === "RATE_LIMITED";

/** The share of the rate limit's bucket the import leaves for others (the storefront, other jobs). */
const RESERVE = 0.1;

/**
 * Waits, when the API's rate limit (`client.throttleStatus`) is down to its last tenth, until
 * that tenth is back: the import slows to the bucket's restore rate instead of being refused.
 * A request refused all the same (RATE_LIMITED) is sent again by the SDK after its Retry-After,
 * and a product still refused goes back to the queue (MAX_REQUEUES times).
 */
async function paced(client: ShoppableClient): Promise<void> {
  const status = client.throttleStatus;
  if (!status) return;
  const reserve = status.maximumAvailable * RESERVE;
  if (status.currentlyAvailable >= reserve) return;
  const ms = ((reserve - status.currentlyAvailable) / status.restoreRate) * 1000;
  await new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));
}

const rowError = (product: ProductPlan, line: number, reason: string): RowError => ({
  line,
  handle: product.handle,
  reason,
});

async function importProduct(
  client: ShoppableClient,
  shopId: string,
  shopHandle: string,
  product: ProductPlan,
  dryRun: boolean,
): Promise<ProductOutcome> {
  const existing = await client.product({ handle: product.handle });
  if (existing && existing.shop.id !== shopId) {
    const reason = `handle "${product.handle}" belongs to a product of another shop (${existing.shop.handle}), not ${shopHandle}`;
    return {
      kind: "failed",
      importedRows: 0,
      failed: product.variants.map((v) => rowError(product, v.line, reason)),
    };
  }
  return existing
    ? updateProduct(client, product, existing, dryRun)
    : createProduct(client, shopId, product, dryRun);
}

/**
 * Maps userErrors to rows: an error whose field starts with ["variants", i] belongs to the
 * i-th variant sent; any other concerns the whole product, so every row gets it.
 */
function rowsOfErrors(
  product: ProductPlan,
  sent: VariantPlan[],
  errors: readonly UserError[],
  verb: string,
): RowError[] {
  const byRow = new Map<number, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const text = `${error.code}: ${error.message}${error.field?.length ? ` (${error.field.join(".")})` : ""}`;
    const variant = error.field?.[0] === "variants" ? sent[Number(error.field[1])] : undefined;
    if (variant) byRow.set(variant.line, [...(byRow.get(variant.line) ?? []), text]);
    else general.push(text);
  }
  return sent.map((v) => {
    const own = [...general, ...(byRow.get(v.line) ?? [])];
    const reason =
      byRow.has(v.line) || general.length
        ? own.join("; ")
        : `product "${product.handle}" not ${verb}: another of its rows was refused`;
    return rowError(product, v.line, `the API refused it: ${reason}`);
  });
}

async function createProduct(
  client: ShoppableClient,
  shopId: string,
  product: ProductPlan,
  dryRun: boolean,
): Promise<ProductOutcome> {
  if (product.title === null) {
    const reason = `title is required to create product "${product.handle}" (blank on its first row, line ${product.line})`;
    return {
      kind: "failed",
      importedRows: 0,
      failed: product.variants.map((v) => rowError(product, v.line, reason)),
    };
  }
  if (dryRun) return { kind: "created", importedRows: product.variants.length, failed: [] };
  const { userErrors } = await client.productCreate({
    shopId,
    handle: product.handle,
    title: product.title ?? "",
    ...(product.description !== null ? { description: product.description } : {}),
    ...(product.vendor !== null ? { vendor: product.vendor } : {}),
    ...(product.productType !== null ? { productType: product.productType } : {}),
    ...(product.tags !== null ? { tags: product.tags } : {}),
    ...(product.status !== null ? { status: product.status } : {}),
    options: product.options,
    variants: product.variants.map((v) => ({
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      sku: v.sku,
      selectedOptions: v.selectedOptions,
      inventoryQuantity: v.inventoryQuantity ?? 0,
    })),
  });
  if (userErrors.length)
    return {
      kind: "failed",
      importedRows: 0,
      failed: rowsOfErrors(product, product.variants, userErrors, "created"),
    };
  return { kind: "created", importedRows: product.variants.length, failed: [] };
}

const optionKey = (options: readonly { name: string; value: string }[]) =>
  JSON.stringify(options.map((o) => [o.name, o.value]));

async function updateProduct(
  client: ShoppableClient,
  product: ProductPlan,
  existing: ExistingProduct,
  dryRun: boolean,
): Promise<ProductOutcome> {
  // Rows are matched to the product's variants by their option values. The API's
  // productUpdate changes existing variants only: rows naming other option values fail.
  const variantsByOptions = new Map(existing.variants.map((v) => [optionKey(v.selectedOptions), v]));
  const existingNames = existing.options.map((o) => o.name);
  const failed: RowError[] = [];
  const matched: { plan: VariantPlan; variant: ExistingProduct["variants"][number] }[] = [];
  for (const plan of product.variants) {
    const names = plan.selectedOptions.map((o) => o.name);
    const variant = variantsByOptions.get(optionKey(plan.selectedOptions));
    if (variant) matched.push({ plan, variant });
    else if (JSON.stringify(names) !== JSON.stringify(existingNames)) {
      failed.push(
        rowError(
          product,
          plan.line,
          `the product exists with options (${existingNames.join(", ") || "none"}); the file gives (${names.join(", ") || "none"}), and productUpdate cannot change options`,
        ),
      );
    } else {
      const label = plan.selectedOptions.map((o) => `${o.name}=${o.value}`).join(", ");
      failed.push(
        rowError(
          product,
          plan.line,
          `the existing product has no variant ${label}, and productUpdate cannot add variants`,
        ),
      );
    }
  }
  if (!matched.length) return { kind: "failed", importedRows: 0, failed };
  if (dryRun) return { kind: "updated", importedRows: matched.length, failed };

  // Sets values rather than adding to them: safe to send again after a lost connection.
  const { userErrors } = await client.productUpdate(
    {
      id: existing.id,
      ...(product.title !== null ? { title: product.title } : {}),
      ...(product.description !== null ? { description: product.description } : {}),
      ...(product.vendor !== null ? { vendor: product.vendor } : {}),
      ...(product.productType !== null ? { productType: product.productType } : {}),
      ...(product.tags !== null ? { tags: product.tags } : {}),
      ...(product.status !== null ? { status: product.status } : {}),
      // A blank compareAtPrice removes it (null); a blank SKU leaves it as it is.
      variants: matched.map(({ plan, variant }) => ({
        id: variant.id,
        price: plan.price,
        compareAtPrice: plan.compareAtPrice,
        ...(plan.sku !== null ? { sku: plan.sku } : {}),
      })),
    },
    { idempotent: true },
  );
  if (userErrors.length) {
    const sent = matched.map((m) => m.plan);
    return {
      kind: "failed",
      importedRows: 0,
      failed: [...failed, ...rowsOfErrors(product, sent, userErrors, "updated")],
    };
  }
  // Stock: compare-and-set from the quantity just read, so a sale meanwhile is not overwritten
  // silently but reported (INVENTORY_MISMATCH) for that row.
  let importedRows = 0;
  for (const { plan, variant } of matched) {
    const delta = plan.inventoryQuantity === null ? 0 : plan.inventoryQuantity - variant.quantityAvailable;
    if (delta !== 0) {
      // Compare-and-set: sent again after it ran, it is refused (INVENTORY_MISMATCH), never applied twice.
      const adjusted = await client.inventoryAdjust(
        {
          variantId: variant.id,
          delta,
          expectedQuantity: variant.quantityAvailable,
          reason: "catalog CSV import",
        },
        { idempotent: true },
      );
      if (adjusted.userErrors.length) {
        const reason = adjusted.userErrors.map((e) => `${e.code}: ${e.message}`).join("; ");
        failed.push(rowError(product, plan.line, `updated, but its stock was not set: ${reason}`));
        continue;
      }
    }
    importedRows++;
  }
  return { kind: "updated", importedRows, failed };
}
