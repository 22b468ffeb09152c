import { INPUT_ERROR_CODES } from "../shared/input.ts";
import { defineUserError } from "../shared/user-error.ts";

export const CatalogError = defineUserError("Catalog", {
  ...INPUT_ERROR_CODES,
  TAKEN: "Returned when a handle is already used by another shop, product or collection.",
  CURRENCY_LOCKED: "Returned when changing the currency of a shop that already has products.",
  DUPLICATE_OPTION_VALUE:
    "Returned when an option lists the same value twice, or two options of a product share a name.",
  INVALID_VARIANT_OPTIONS:
    "Returned when a variant's selected options do not match the product's options and values.",
  DUPLICATE_VARIANT: "Returned when two variants select the same option values.",
  INVENTORY_MISMATCH:
    "Returned when inventoryAdjust's expected quantity differs from the current quantity (someone changed it first).",
  INSUFFICIENT_INVENTORY: "Returned when an adjustment would take available stock below zero.",
  PRODUCT_ARCHIVED: "Returned when changing an archived product other than to restore it.",
  INVALID_RULE:
    "Returned when a collection rule pairs a field with a relation it does not take, or its value does not fit the field (such as a price that is not a decimal of the shop's currency).",
  AUTOMATIC_COLLECTION:
    "Returned when adding, removing or reordering the products of an automatic collection: its rules choose them.",
  MANUAL_COLLECTION:
    "Returned when giving rules to a manual collection: a collection's kind is chosen when it is created.",
  PRODUCT_OF_ANOTHER_SHOP: "Returned when a collection is given a product of another shop.",
  LAST_VARIANT:
    "Returned when productVariantsDelete would delete every variant of a product: a product always has at least one.",
  OPTION_VALUE_IN_USE:
    "Returned when productOptionUpdate leaves out a value that variants still select: delete those variants first.",
});

export type CatalogErrorCode = (typeof CatalogError.codes)[number];
