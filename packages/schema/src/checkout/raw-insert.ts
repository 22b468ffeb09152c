/**
 * Raw INSERTs whose columns are checked against Prisma's create input of their model, so that a
 * schema change fails the type check instead of production.
 *
 * Raw SQL is used where Prisma cannot say it (several tables in one statement, an INSERT fed by
 * an UPDATE's RETURNING), but then nothing ties its column list to the schema: a column added
 * without a default would pass `tsc` and fail at the first checkout with a NOT NULL violation.
 * Here a table's columns are declared once, `satisfies Columns<Prisma.XCreateManyInput>`: that
 * object must name every column the input requires (no default, not nullable) and may name only
 * columns the model has. The rows are typed from it (`RowOf`), and the SQL is generated from it,
 * so the declaration, the rows and the statement cannot drift apart.
 *
 * Proof (done when this was written): a required column without default (`proofChannel String`
 * on Order, and one each on OrderLine, Payment, DiscountRedemption and InventoryAdjustment)
 * added to packages/db/prisma/schema.prisma, then `prisma generate`, makes `pnpm --filter
 * @shoppable/schema typecheck` fail at ORDER_INSERT, LINE_INSERT, PAYMENT_INSERT and
 * REDEMPTION_INSERT (checkout/reservation.ts) and at takeStock's adjustment (inventory.ts):
 * "Property 'proofChannel' is missing … but required". raw-insert.test.ts keeps the rule itself
 * checked with @ts-expect-error.
 *
 * One gap the types cannot close: Prisma fills `@updatedAt` columns itself, so its input marks
 * them optional although the column has no database default, and a new one is not caught. Name
 * them in `Also` (the second type argument), which makes them required here too.
 */
import { Prisma } from "@shoppable/db/client";

/** The keys of `T` that may be left out (`{}` has them all, so they are optional). */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/**
 * The PostgreSQL type a column is read as from the rows' JSON: `"timestamp"` takes an ISO
 * instant and stores its UTC wall time (as Prisma does); a quoted name is an enum type.
 */
export type SqlType = "uuid" | "text" | "int" | "boolean" | "jsonb" | "timestamp" | `"${string}"`;

/**
 * The columns a raw INSERT writes to the model whose Prisma create input is `Input`, each with
 * its SqlType: every required column of `Input` (and every column in `Also`) must be named,
 * others may be. Declare it `as const satisfies Columns<...>` so that unknown names fail too.
 */
export type Columns<Input, Also extends keyof Input = never> = {
  readonly [K in RequiredKeys<Input> | Also]-?: SqlType;
} & { readonly [K in Exclude<OptionalKeys<Input>, Also>]?: SqlType };

/**
 * A cell as the rows' JSON carries it: as Prisma types the column, except that a nullable JSON
 * column takes a plain `null` (jsonb_to_recordset reads JSON null as SQL NULL) instead of
 * Prisma's DbNull marker.
 */
type Cell<T> = [Extract<T, Prisma.NullableJsonNullValueInput>] extends [never]
  ? Exclude<T, undefined>
  : Exclude<T, undefined | Prisma.NullableJsonNullValueInput> | null;

/** One row for the columns `C` of `Input`: every declared column present, typed as Prisma types it. */
export type RowOf<Input, C> = { [K in keyof C & keyof Input]-?: Cell<Input[K]> };

/**
 * A raw INSERT's values, one SQL expression per column (for an INSERT … SELECT whose values
 * come from the statement itself), checked like `Columns`.
 */
export type SqlValues<Input, Also extends keyof Input = never> = {
  readonly [K in RequiredKeys<Input> | Also]-?: Prisma.Sql;
} & { readonly [K in Exclude<OptionalKeys<Input>, Also>]?: Prisma.Sql };

const name = (column: string): Prisma.Sql => {
  if (!/^\w+$/.test(column)) throw new Error(`not a column name: ${column}`);
  return Prisma.raw(`"${column}"`);
};

/** How jsonb_to_recordset reads a SqlType: instants as timestamptz (then turned into UTC wall time). */
const sqlType = (type: string): Prisma.Sql => {
  if (!/^(\w+|"\w+")$/.test(type)) throw new Error(`not a type name: ${type}`);
  return Prisma.raw(type === "timestamp" ? "timestamptz" : type);
};

/**
 * `INSERT INTO "table" (columns…) SELECT … FROM jsonb_to_recordset(rows)`: every row in one
 * statement, its values bound as one JSON parameter. Append `RETURNING …` to use it in a WITH.
 */
export function insertRows<C extends Readonly<Record<string, SqlType>>>(
  table: string,
  columns: C,
  rows: readonly { readonly [K in keyof C]: unknown }[],
): Prisma.Sql {
  const entries = Object.entries(columns);
  const names = Prisma.join(
    entries.map(([column]) => name(column)),
    ", ",
  );
  const selected = Prisma.join(
    entries.map(([column, type]) =>
      type === "timestamp"
        ? Prisma.sql`(x.${name(column)} AT TIME ZONE 'UTC')`
        : Prisma.sql`x.${name(column)}`,
    ),
    ", ",
  );
  const recordType = Prisma.join(
    entries.map(([column, type]) => Prisma.sql`${name(column)} ${sqlType(type)}`),
    ", ",
  );
  return Prisma.sql`INSERT INTO ${name(table)} (${names})
      SELECT ${selected}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(${recordType})`;
}

/** The column list and the value list of an INSERT … SELECT whose values are SQL expressions. */
export function insertValues(values: Readonly<Record<string, Prisma.Sql>>): {
  columns: Prisma.Sql;
  values: Prisma.Sql;
} {
  const entries = Object.entries(values);
  return {
    columns: Prisma.join(
      entries.map(([column]) => name(column)),
      ", ",
    ),
    values: Prisma.join(
      entries.map(([, value]) => value),
      ", ",
    ),
  };
}
