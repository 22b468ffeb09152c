/**
 * Wraps a Prisma driver adapter factory so that every SQL statement sent through it is
 * reported: tests use it to prove a request issues a bounded number of statements.
 */
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

export type StatementListener = (sql: string) => void;

export function countStatements(
  factory: SqlDriverAdapterFactory,
  listener: StatementListener,
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return wrapAdapter(await factory.connect(), listener);
    },
  };
}

function wrapQueryable<T extends SqlDriverAdapter | Transaction>(target: T, listener: StatementListener): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === "queryRaw" || prop === "executeRaw") {
        return (query: SqlQuery) => {
          listener(query.sql);
          return (value as (q: SqlQuery) => unknown).call(obj, query);
        };
      }
      if (prop === "startTransaction") {
        return async (...args: unknown[]) => {
          const tx = await (value as (...a: unknown[]) => Promise<Transaction>).apply(obj, args);
          return wrapQueryable(tx, listener);
        };
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

function wrapAdapter(adapter: SqlDriverAdapter, listener: StatementListener): SqlDriverAdapter {
  return wrapQueryable(adapter, listener);
}
