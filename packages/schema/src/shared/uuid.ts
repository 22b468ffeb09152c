/** Every entity's database id is a UUID. (No imports: the builder uses this.) */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a database id is well-formed. */
export const isUuid = (id: unknown): id is string => typeof id === "string" && UUID.test(id);
