import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.ts";
import { CURRENCY_CODES } from "../money.ts";

builder.scalarType("DateTime", {
  description: "An ISO 8601 date and time in UTC, such as 2026-11-27T10:15:00.000Z.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    if (typeof value !== "string") throw new GraphQLError("DateTime must be an ISO 8601 string.");
    const date = new Date(value);
    if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      throw new GraphQLError(`Not an ISO 8601 date and time: ${value.slice(0, 40)}`);
    }
    return date;
  },
});

builder.scalarType("Decimal", {
  description: 'A decimal number as a string, such as "12.50". Money amounts use it; never a float.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    throw new GraphQLError('Decimal must be a string such as "12.50".');
  },
});

builder.scalarType("URL", {
  description: "An absolute http(s) URL.",
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== "string" || value.length > 2048)
      throw new GraphQLError("URL must be a string of at most 2048 characters.");
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new GraphQLError(`Not an absolute URL: ${value.slice(0, 80)}`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new GraphQLError("URL must use http or https.");
    return url.toString();
  },
});

builder.scalarType("JSON", {
  description: "Arbitrary JSON.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : null),
});

export const CurrencyCode = builder.enumType("CurrencyCode", {
  description: "An ISO 4217 currency code.",
  values: CURRENCY_CODES,
});
