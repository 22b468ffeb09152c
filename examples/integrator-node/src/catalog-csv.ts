/**
 * The catalog CSV: reading it (streamed through csv-parse, each row with the line it starts
 * on) and turning its rows into products, one per handle, with every bad row explained.
 *
 * One row per variant, Shopify style: rows sharing a `handle` are one product; the product's
 * fields come from its first row (later rows leave them blank or repeat them).
 */
import type { Readable } from "node:stream";
import { parse } from "csv-parse";

/** The columns a catalog CSV may have, in the order `sample-catalog.csv` uses. */
export const CATALOG_COLUMNS = [
  "handle",
  "title",
  "description",
  "vendor",
  "productType",
  "tags",
  "status",
  "option1Name",
  "option1Value",
  "option2Name",
  "option2Value",
  "option3Name",
  "option3Value",
  "sku",
  "price",
  "compareAtPrice",
  "inventoryQuantity",
] as const;
export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];

/** Columns the header must have. */
export const REQUIRED_COLUMNS: readonly CatalogColumn[] = ["handle", "price"];

const PRODUCT_COLUMNS = ["title", "description", "vendor", "productType", "tags", "status"] as const;
const STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED"] as const;
export type ProductStatus = (typeof STATUSES)[number];

/** The API's limits (packages/schema/src/catalog/mutations.ts), checked before sending. */
const LIMITS = {
  handle: 100,
  title: 255,
  description: 20_000,
  text: 120,
  tag: 64,
  tags: 50,
  option: 64,
  sku: 100,
  variants: 100,
  quantity: 1_000_000_000,
};
const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DECIMAL_DIGITS = { whole: 15, fraction: 6 };

/**
 * Why `value` (of column `name`) is not an amount the catalog takes, or null: a plain decimal
 * of at most 15 digits before the point and 6 after, 0 or more.
 */
function amountProblem(name: string, value: string): string | null {
  const number = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!number) return `${name} "${value}" is not a decimal such as 12.50`;
  const [, minus, whole = "", fraction = ""] = number;
  if (minus) return `${name} "${value}" is negative: prices are 0 or more`;
  if (whole.length > DECIMAL_DIGITS.whole)
    return `${name} "${value}" has more than ${DECIMAL_DIGITS.whole} digits before the decimal point`;
  if (fraction.length > DECIMAL_DIGITS.fraction)
    return `${name} "${value}" has more than ${DECIMAL_DIGITS.fraction} digits after the decimal point`;
  return null;
}

/** A data row of the file: the line it starts on (1 is the header) and its fields by column. */
export interface CatalogRow {
  line: number;
  fields: Partial<Record<CatalogColumn, string>>;
}

/** A row that was not imported, and why. */
export interface RowError {
  line: number;
  handle: string;
  reason: string;
}

/** The file cannot be read as a catalog at all (bad header, broken quoting): nothing is imported. */
export class CatalogFileError extends Error {
  override name = "CatalogFileError";
}

/**
 * Reads a catalog CSV from a stream: a header row of known column names (any order, extra
 * blank columns allowed), then data rows. Quoted fields may hold commas, quotes ("") and line
 * breaks; blank lines are skipped; a UTF-8 BOM is ignored. Rows with the wrong number of fields
 * become row errors; a header naming unknown columns or lacking `handle` or `price`, or broken
 * quoting, throws `CatalogFileError`.
 */
export async function readCatalogCsv(input: Readable): Promise<{ rows: CatalogRow[]; errors: RowError[] }> {
  const parser = input.pipe(
    parse({
      raw: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n"],
    }),
  );
  // A file that cannot be read (missing, a directory, no permission) ends the parse with its
  // error; `pipe` alone would leave it unhandled.
  input.once("error", (error) => parser.destroy(error));
  const rows: CatalogRow[] = [];
  const errors: RowError[] = [];
  let header: (CatalogColumn | null)[] | undefined;
  // Lines consumed so far: `raw` holds a record's text with the blank lines before it and its
  // line break, so counting its line breaks gives where the next record starts. (In CRLF
  // files csv-parse's `raw` keeps only the "\r" of each break: a lone "\r" counts as one.)
  const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
  let consumed = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const line = consumed + breaks(/^[\r\n]*/.exec(raw)![0]) + 1;
      consumed += breaks(raw);
      if (!header) {
        header = readHeader(record);
        continue;
      }
      if (record.length !== header.length) {
        errors.push({
          line,
          handle: record[header.indexOf("handle")]?.trim() ?? "",
          reason: `has ${record.length} fields; the header has ${header.length}`,
        });
        continue;
      }
      const fields: CatalogRow["fields"] = {};
      header.forEach((column, i) => {
        if (column) fields[column] = record[i]!.trim();
      });
      rows.push({ line, fields });
    }
  } catch (error) {
    if (error instanceof CatalogFileError) throw error;
    const { code, lines, syscall } = error as { code?: string; lines?: number; syscall?: string };
    if (syscall)
      throw new CatalogFileError(
        code === "ENOENT"
          ? `No such file: ${(error as { path?: string }).path ?? "the catalog"}.`
          : `The file cannot be read: ${(error as Error).message}.`,
      );
    if (code?.startsWith("CSV_"))
      throw new CatalogFileError(
        `The file is not valid CSV near line ${lines ?? "?"}: ${(error as Error).message}`,
      );
    throw error;
  }
  if (!header) throw new CatalogFileError("The file is empty: it needs a header row.");
  return { rows, errors };
}

function readHeader(record: string[]): (CatalogColumn | null)[] {
  const known = new Map(CATALOG_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const unknown: string[] = [];
  const header = record.map((name) => {
    const trimmed = name.trim();
    if (!trimmed) return null;
    const column = known.get(trimmed.toLowerCase());
    if (!column) unknown.push(trimmed);
    return column ?? null;
  });
  if (unknown.length)
    throw new CatalogFileError(
      `Unknown columns: ${unknown.join(", ")}. Known: ${CATALOG_COLUMNS.join(", ")}.`,
    );
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CatalogFileError(`The header lacks the required columns: ${missing.join(", ")}.`);
  const repeated = header.filter((c, i) => c && header.indexOf(c) !== i);
  if (repeated.length) throw new CatalogFileError(`Columns named twice: ${repeated.join(", ")}.`);
  return header;
}

/** A variant to write: one valid row. Prices are decimal strings, as the API takes them. */
export interface VariantPlan {
  line: number;
  selectedOptions: { name: string; value: string }[];
  price: string;
  compareAtPrice: string | null;
  sku: string | null;
  /** null: not given (0 on create, unchanged on update). */
  inventoryQuantity: number | null;
}

/** A product to create or update: its first row's fields and its valid variant rows. */
export interface ProductPlan {
  handle: string;
  /** The line of its first row. */
  line: number;
  /** Blank fields are null: empty on create (a title is then required), unchanged on update. */
  title: string | null;
  description: string | null;
  vendor: string | null;
  productType: string | null;
  tags: string[] | null;
  status: ProductStatus | null;
  /** Option names in order, each with its values in the order rows first use them. */
  options: { name: string; values: string[] }[];
  variants: VariantPlan[];
}

const blankToNull = (value: string | undefined) => (value ? value : null);

/**
 * Groups rows into products by handle (rows of one product need not be adjacent) and checks
 * each against the API's rules, so that a bad row is reported with its line instead of failing
 * a whole request. A bad product-level field (handle, title, status, tags, option names) fails
 * every row of the product; a bad variant field (price, quantity, SKU, option values) fails
 * its row only, and the product is imported with its other rows.
 */
export function planProducts(rows: CatalogRow[]): { products: ProductPlan[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const groups = new Map<string, CatalogRow[]>();
  for (const row of rows) {
    const handle = row.fields.handle ?? "";
    if (!handle) errors.push({ line: row.line, handle, reason: "handle is required" });
    else if (handle.length > LIMITS.handle || !HANDLE.test(handle)) {
      errors.push({
        line: row.line,
        handle,
        reason: "handle must be lowercase letters, digits and single dashes (at most 100)",
      });
    } else groups.set(handle, [...(groups.get(handle) ?? []), row]);
  }
  const products: ProductPlan[] = [];
  for (const [handle, group] of groups) {
    const product = planProduct(handle, group);
    errors.push(...product.errors);
    if (product.plan) products.push(product.plan);
  }
  errors.sort((a, b) => a.line - b.line);
  return { products, errors };
}

function planProduct(handle: string, rows: CatalogRow[]): { plan?: ProductPlan; errors: RowError[] } {
  const first = rows[0]!;
  const f = first.fields;
  const problems: string[] = [];
  const title = blankToNull(f.title);
  // A blank title is fine for a product that exists (left unchanged); creating needs one.
  if (title && title.length > LIMITS.title) problems.push(`title is longer than ${LIMITS.title} characters`);
  if ((f.description ?? "").length > LIMITS.description)
    problems.push(`description is longer than ${LIMITS.description} characters`);
  for (const key of ["vendor", "productType"] as const)
    if ((f[key] ?? "").length > LIMITS.text) problems.push(`${key} is longer than ${LIMITS.text} characters`);
  const status = blankToNull(f.status)?.toUpperCase() ?? null;
  if (status && !STATUSES.includes(status as ProductStatus))
    problems.push(`status must be one of ${STATUSES.join(", ")}`);
  const tags = f.tags
    ? [
        ...new Set(
          f.tags
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ]
    : null;
  if (tags && tags.length > LIMITS.tags) problems.push(`at most ${LIMITS.tags} tags`);
  if (tags?.some((t) => t.length > LIMITS.tag))
    problems.push(`a tag is longer than ${LIMITS.tag} characters`);
  const optionNames: string[] = [];
  for (const n of [1, 2, 3] as const) {
    const name = f[`option${n}Name`] ?? "";
    if (!name) continue;
    if (optionNames.length !== n - 1) problems.push(`option${n}Name is given without option${n - 1}Name`);
    else if (name.length > LIMITS.option)
      problems.push(`option${n}Name is longer than ${LIMITS.option} characters`);
    else if (optionNames.includes(name)) problems.push(`option name "${name}" is used twice`);
    else optionNames.push(name);
  }
  if (problems.length) {
    const errors = [{ line: first.line, handle, reason: problems.join("; ") }];
    for (const row of rows.slice(1))
      errors.push({
        line: row.line,
        handle,
        reason: `product "${handle}" not imported: its first row (line ${first.line}) is invalid`,
      });
    return { errors };
  }

  const errors: RowError[] = [];
  const variants: VariantPlan[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const reasons: string[] = [];
    // Later rows may repeat the product's fields; a different value is a mistake worth reporting.
    if (row !== first) {
      for (const key of PRODUCT_COLUMNS) {
        const value = row.fields[key];
        if (value && value !== f[key])
          reasons.push(`${key} differs from the product's first row (line ${first.line})`);
      }
      for (const n of [1, 2, 3] as const) {
        const name = row.fields[`option${n}Name`];
        if (name && name !== (f[`option${n}Name`] ?? ""))
          reasons.push(`option${n}Name differs from the product's first row (line ${first.line})`);
      }
    }
    const selectedOptions: VariantPlan["selectedOptions"] = [];
    optionNames.forEach((name, i) => {
      const value = row.fields[`option${(i + 1) as 1 | 2 | 3}Value`] ?? "";
      if (!value) reasons.push(`option${i + 1}Value (${name}) is required`);
      else if (value.length > LIMITS.option)
        reasons.push(`option${i + 1}Value is longer than ${LIMITS.option} characters`);
      else selectedOptions.push({ name, value });
    });
    for (const n of [1, 2, 3] as const) {
      if (n > optionNames.length && row.fields[`option${n}Value`])
        reasons.push(`option${n}Value is given but the product has no option${n}Name`);
    }
    const price = row.fields.price ?? "";
    const priceProblem = price ? amountProblem("price", price) : "price is required";
    if (priceProblem) reasons.push(priceProblem);
    const compareAtPrice = blankToNull(row.fields.compareAtPrice);
    const compareAtProblem = compareAtPrice && amountProblem("compareAtPrice", compareAtPrice);
    if (compareAtProblem) reasons.push(compareAtProblem);
    const sku = blankToNull(row.fields.sku);
    if (sku && sku.length > LIMITS.sku) reasons.push(`sku is longer than ${LIMITS.sku} characters`);
    const quantityText = row.fields.inventoryQuantity ?? "";
    let inventoryQuantity: number | null = null;
    if (quantityText) {
      if (!/^\d+$/.test(quantityText) || Number(quantityText) > LIMITS.quantity)
        reasons.push(
          `inventoryQuantity "${quantityText}" is not a whole number from 0 to ${LIMITS.quantity}`,
        );
      else inventoryQuantity = Number(quantityText);
    }
    if (!reasons.length) {
      const key = JSON.stringify(selectedOptions.map((o) => o.value));
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        reasons.push(
          optionNames.length
            ? `repeats the options of line ${earlier}`
            : `a product without options has one variant, given on line ${earlier}`,
        );
      } else if (variants.length >= LIMITS.variants)
        reasons.push(`a product has at most ${LIMITS.variants} variants`);
      else seen.set(key, row.line);
    }
    if (reasons.length) errors.push({ line: row.line, handle, reason: reasons.join("; ") });
    else variants.push({ line: row.line, selectedOptions, price, compareAtPrice, sku, inventoryQuantity });
  }
  if (!variants.length) return { errors };
  const options = optionNames.map((name, i) => ({
    name,
    values: [...new Set(variants.map((v) => v.selectedOptions[i]!.value))],
  }));
  return {
    plan: {
      handle,
      line: first.line,
      title,
      description: blankToNull(f.description),
      vendor: blankToNull(f.vendor),
      productType: blankToNull(f.productType),
      tags,
      status: status as ProductStatus | null,
      options,
      variants,
    },
    errors,
  };
}
