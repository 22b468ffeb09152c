/** Every entity's database id is a UUID. (No imports: the builder uses this.) */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a database id is well-formed. */
export const isUuid = (id: unknown): id is string => typeof id === "string" && UUID.test(id);

/**
 * A new UUID version 7 (RFC 9562: 48 bits of Unix milliseconds, then random bits), as Prisma's
 * `@default(uuid(7))` makes them: for rows a raw INSERT writes, so ids keep their time order.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
