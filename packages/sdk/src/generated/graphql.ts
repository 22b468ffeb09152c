/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddressErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a province code is not a subdivision of the country. */
  | 'INVALID_PROVINCE'
  /** Returned when a postal code does not have the shape the country uses. */
  | 'INVALID_ZIP'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when the buyer already has 20 saved addresses; delete one first. */
  | 'TOO_MANY_ADDRESSES'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a country code is not an ISO 3166-1 alpha-2 country. */
  | 'UNKNOWN_COUNTRY'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

/** OPEN to any creator, or INVITE_ONLY. */
export type AffiliateAccess =
  | 'INVITE_ONLY'
  | 'OPEN';

export type AffiliateErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when accepting or declining an invitation that was already answered; the message names its status. */
  | 'INVITATION_NOT_PENDING'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when the creator has no PAYABLE commissions, or their sum is not above zero (a negative balance carries into the next payout). */
  | 'NOTHING_TO_PAY'
  /** Returned when the invited user, or the caller creating a link, does not have the CREATOR role. */
  | 'NOT_A_CREATOR'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when creating a link for an invitation-only program without an accepted invitation. */
  | 'NOT_INVITED'
  /** Returned when the shop has no affiliate program (affiliateProgramUpsert creates it). */
  | 'NO_PROGRAM'
  /** Returned when a per-product rate or a link names a product of another shop. */
  | 'PRODUCT_NOT_IN_SHOP'
  /** Returned when the link's target may not be promoted: a product that is not ACTIVE, or a post that is not the creator's own PUBLIC post tagging a product of the shop. */
  | 'TARGET_NOT_PROMOTABLE'
  /** Returned when affiliateLinkCreate names no target: one of productId, postId or shopId is needed. */
  | 'TARGET_REQUIRED'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when the program would have more than 250 per-product rates; remove some (rate null) first. */
  | 'TOO_MANY_PRODUCT_RATES'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

export type AffiliateInvitationAnswerInput = {
  id: string | number;
};

export type AffiliateInvitationStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PENDING';

export type AffiliateInviteInput = {
  /** A User with the CREATOR role. */
  creatorId: string | number;
  shopId: string | number;
};

/** One target: productId, postId (with shopId when the post tags several shops) or shopId alone. */
export type AffiliateLinkCreateInput = {
  postId?: string | number | null | undefined;
  productId?: string | number | null | undefined;
  shopId?: string | number | null | undefined;
};

export type AffiliatePayoutInput = {
  creatorId: string | number;
  /** Pay only this currency; default every currency. */
  currencyCode?: string | null | undefined;
};

export type AffiliateProductRateInput = {
  productId: string | number;
  /** Basis points (1000 = 10%); null removes the product's rate (the default applies). */
  rate?: number | null | undefined;
};

/** Absent fields keep their value (or take their default when the program is created). */
export type AffiliateProgramUpsertInput = {
  /** Default OPEN. */
  access?: AffiliateAccess | null | undefined;
  /** 1 second to 90 days; default 7 days. */
  attributionWindowSeconds?: number | null | undefined;
  /** Basis points (1000 = 10%), 0 to 10000. Required to create the program. */
  defaultRate?: number | null | undefined;
  /** Days after fulfilment before commissions become payable, 0 to 365; default 15. */
  holdDays?: number | null | undefined;
  /** Default LAST_CLICK. */
  model?: AttributionModel | null | undefined;
  /** Per-product rates to set or (rate null) remove; at most 100. */
  productRates?: Array<AffiliateProductRateInput> | null | undefined;
  shopId: string | number;
};

export type AffiliateTargetKind =
  | 'POST'
  | 'PRODUCT'
  | 'SHOP';

export type ApiKeyKind =
  | 'PUBLISHABLE'
  | 'SECRET';

/** Which link wins when a buyer clicked several within the window: the latest (LAST_CLICK) or the earliest (FIRST_CLICK). */
export type AttributionModel =
  | 'FIRST_CLICK'
  | 'LAST_CLICK';

export type CartBuyerIdentityInput = {
  /** ISO 3166-1 alpha-2, such as DE. null clears it; absent keeps it. */
  countryCode?: string | null | undefined;
  /** null clears it; absent keeps it. */
  email?: string | null | undefined;
};

export type CartBuyerIdentityUpdateInput = {
  buyerIdentity: CartBuyerIdentityInput;
  cartId: string | number;
};

export type CartCreateInput = {
  buyerIdentity?: CartBuyerIdentityInput | null | undefined;
  discountCodes?: Array<string> | null | undefined;
  lines?: Array<CartLineInput> | null | undefined;
};

export type CartDeliveryAddressUpdateInput = {
  /** An address given inline. */
  address?: MailingAddressInput | null | undefined;
  /** Or a `BuyerAddress` ID of the viewer (the cart keeps a copy). Neither: clears the address. */
  addressId?: string | number | null | undefined;
  cartId: string | number;
};

export type CartDiscountCodesUpdateInput = {
  cartId: string | number;
  /** Replaces the cart's codes; at most 10; [] removes them all. */
  discountCodes: Array<string>;
};

export type CartErrorCode =
  /** Returned when the affiliate code names a disabled link. */
  | 'AFFILIATE_LINK_INACTIVE'
  /** Returned when a line's attribution does not hold together: the product tag is not on the post or tags another product, or the affiliate link is for another shop. */
  | 'ATTRIBUTION_MISMATCH'
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when changing a cart that was checked out. */
  | 'CART_COMPLETED'
  /** Returned when the cart had no change for 30 days and expired; create a new cart. */
  | 'CART_EXPIRED'
  /** Returned when changing an anonymous cart whose lines moved into its buyer's cart at sign-in; use that cart. */
  | 'CART_MERGED'
  /** Returned when changing a cart while a checkout of it is under way. */
  | 'CHECKOUT_IN_PROGRESS'
  /** Returned when adding a product priced in another currency than the cart's other lines. */
  | 'CURRENCY_MISMATCH'
  /** Returned when selecting a delivery option the shop's delivery group does not offer at the cart's delivery address now (see `CartDeliveryGroup.deliveryOptions`). */
  | 'DELIVERY_OPTION_UNAVAILABLE'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a province code is not a subdivision of the country. */
  | 'INVALID_PROVINCE'
  /** Returned when a postal code does not have the shape the country uses. */
  | 'INVALID_ZIP'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when the quantity asked for, over all lines of the variant, exceeds its stock; `quantityAvailable` says how many can be bought. */
  | 'OUT_OF_STOCK'
  /** Returned when the product is not for sale (draft, archived, or hidden by moderation). */
  | 'PRODUCT_UNAVAILABLE'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when the cart would hold more than 100 lines. */
  | 'TOO_MANY_LINES'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a country code is not an ISO 3166-1 alpha-2 country. */
  | 'UNKNOWN_COUNTRY'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

/** How the buyer found the product. A product tag alone implies its post. */
export type CartLineAttributionInput = {
  /** The affiliate click the storefront was sent with (`click` in the redirect URL, also in the attribution cookie); its link must be of the product's shop. */
  affiliateClickId?: string | null | undefined;
  /** A creator's affiliate link code for the product's shop. */
  affiliateCode?: string | null | undefined;
  /** The live session the product was bought from: its live price applies while it holds. */
  liveSessionId?: string | number | null | undefined;
  postId?: string | number | null | undefined;
  /** A tag on the post, tagging this line's product. */
  productTagId?: string | number | null | undefined;
};

export type CartLineInput = {
  attribution?: CartLineAttributionInput | null | undefined;
  /** 1 to 1000; default 1. */
  quantity?: number | null | undefined;
  variantId: string | number;
};

export type CartLineUpdateInput = {
  id: string | number;
  /** 0 to 1000; 0 removes the line. */
  quantity: number;
};

export type CartLinesAddInput = {
  cartId: string | number;
  lines: Array<CartLineInput>;
};

export type CartLinesRemoveInput = {
  cartId: string | number;
  lineIds: Array<string | number>;
};

export type CartLinesUpdateInput = {
  cartId: string | number;
  lines: Array<CartLineUpdateInput>;
};

export type CartSelectedDeliveryOptionInput = {
  /** A `CartDeliveryOption.handle` the group offers. */
  handle: string;
  /** The shop of the delivery group. */
  shopId: string | number;
};

export type CartSelectedDeliveryOptionsUpdateInput = {
  cartId: string | number;
  /** One per shop at most (at most 100); shops not named keep their selection. */
  selections: Array<CartSelectedDeliveryOptionInput>;
};

/** ACTIVE takes changes; CHECKING_OUT while a checkout holds its stock and payment; COMPLETED once checked out. */
export type CartStatus =
  | 'ACTIVE'
  | 'CHECKING_OUT'
  | 'COMPLETED'
  | 'MERGED';

export type CatalogErrorCode =
  /** Returned when adding, removing or reordering the products of an automatic collection: its rules choose them. */
  | 'AUTOMATIC_COLLECTION'
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when changing the currency of a shop that already has products. */
  | 'CURRENCY_LOCKED'
  /** Returned when an option lists the same value twice, or two options of a product share a name. */
  | 'DUPLICATE_OPTION_VALUE'
  /** Returned when two variants select the same option values. */
  | 'DUPLICATE_VARIANT'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when an adjustment would take available stock below zero. */
  | 'INSUFFICIENT_INVENTORY'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a collection rule pairs a field with a relation it does not take, or its value does not fit the field (such as a price that is not a decimal of the shop's currency). */
  | 'INVALID_RULE'
  /** Returned when a variant's selected options do not match the product's options and values. */
  | 'INVALID_VARIANT_OPTIONS'
  /** Returned when inventoryAdjust's expected quantity differs from the current quantity (someone changed it first). */
  | 'INVENTORY_MISMATCH'
  /** Returned when productVariantsDelete would delete every variant of a product: a product always has at least one. */
  | 'LAST_VARIANT'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when giving rules to a manual collection: a collection's kind is chosen when it is created. */
  | 'MANUAL_COLLECTION'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when productOptionUpdate leaves out a value that variants still select: delete those variants first. */
  | 'OPTION_VALUE_IN_USE'
  /** Returned when changing an archived product other than to restore it. */
  | 'PRODUCT_ARCHIVED'
  /** Returned when a collection is given a product of another shop. */
  | 'PRODUCT_OF_ANOTHER_SHOP'
  /** Returned when a handle is already used by another shop, product or collection. */
  | 'TAKEN'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

export type CheckoutCompleteInput = {
  cartId: string | number;
  /** A key the client makes per checkout attempt (a UUID): retrying with the same key and input returns the first result and never charges twice; keys live 24 hours. */
  idempotencyKey: string;
  payment: CheckoutPaymentInput;
};

export type CheckoutErrorCode =
  /** Returned when an order's total would exceed the largest amount accepted. */
  | 'AMOUNT_TOO_LARGE'
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when the cart was already checked out (with another idempotency key). */
  | 'CART_COMPLETED'
  /** Returned when the cart expired (30 days without changes). */
  | 'CART_EXPIRED'
  /** Returned when the cart's lines moved into its buyer's cart at sign-in; check that cart out. */
  | 'CART_MERGED'
  /** Returned to a retry of a checkout that stopped before it finished (interrupted, or its payment stayed pending) and was released after CHECKOUT_RELEASE_AFTER_MS without activity: nothing was charged (any authorisation was voided), the stock and the cart were given back. Check the cart out again with a new idempotency key. */
  | 'CHECKOUT_ABANDONED'
  /** Returned when another checkout of the cart, or the first request with this idempotency key, is still running; retry shortly with the same key. */
  | 'CHECKOUT_IN_PROGRESS'
  /** Returned when the cart holds goods that ship and has no delivery address (cartDeliveryAddressUpdate); `shopId` names a shop concerned. */
  | 'DELIVERY_ADDRESS_REQUIRED'
  /** Returned when no delivery option is chosen for a shop whose goods ship (cartSelectedDeliveryOptionsUpdate); `shopId` names the shop. */
  | 'DELIVERY_OPTION_REQUIRED'
  /** Returned when the delivery option chosen for a shop is no longer offered (the address, the cart or the shop's rates changed); choose again. `shopId` names the shop. */
  | 'DELIVERY_OPTION_UNAVAILABLE'
  /** Returned when a shop does not deliver to the cart's address (no shipping zone covers it) or none of its rates applies to the goods (weight or value); `shopId` names the shop. */
  | 'DELIVERY_UNAVAILABLE'
  /** Returned when a discount code on the cart matches a shop in it but no longer applies (ended, minimum subtotal not met, usage limit reached overall or for this buyer); remove it or change the cart. */
  | 'DISCOUNT_CODE_NOT_APPLICABLE'
  /** Returned when an anonymous buyer gave no email (cartBuyerIdentityUpdate) and no user token names one. */
  | 'EMAIL_REQUIRED'
  /** Returned when the cart has no lines. */
  | 'EMPTY_CART'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when the idempotency key was used in the last 24 hours with different input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when the cart asks for more units of a variant (over all its lines) than are in stock; `quantityAvailable` says how many are. */
  | 'OUT_OF_STOCK'
  /** Returned when the payment provider declined the payment; nothing was charged and the stock was released. Retry with another payment and a new idempotency key. */
  | 'PAYMENT_DECLINED'
  /** Returned when the payment provider kept failing with retryable errors; nothing was charged, the stock was released and the idempotency key may be used again. */
  | 'PAYMENT_FAILED'
  /** Returned when the payment provider did not answer in time: the outcome is unknown, the stock stays reserved. Retry with the same idempotency key and input; it never charges twice. */
  | 'PAYMENT_PENDING'
  /** Returned when a line's product is no longer for sale; remove the line. */
  | 'PRODUCT_UNAVAILABLE'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

export type CheckoutPaymentInput = {
  /** The payment method token from the payment provider's client SDK. The built-in test provider takes: `tok_success`: Authorises and captures. `tok_declined`: Declined at authorisation (card_declined): nothing is charged. `tok_transient`: The first authorisation attempt per idempotency key fails with a retryable error; the retry succeeds. `tok_unavailable`: Every authorisation attempt fails with a retryable error: nothing is ever charged. `tok_timeout`: The authorisation goes through, but the provider's first two answers per idempotency key are lost (they time out); asking again with the same key returns it. `tok_refund_declined`: Authorises and captures; every refund is refused. */
  token: string;
};

export type CollectionCreateInput = {
  description?: string | null | undefined;
  /** Default: made from the title. */
  handle?: string | null | undefined;
  /** Manual collections only: its first products, in order (at most 250). */
  productIds?: Array<string | number> | null | undefined;
  /** Makes the collection automatic: its rules choose its products. A collection's kind is fixed at creation. */
  ruleSet?: CollectionRuleSetInput | null | undefined;
  shopId: string | number;
  /** Default: MANUAL for a manual collection, CREATED for an automatic one (which cannot be MANUAL). */
  sortOrder?: CollectionSortOrder | null | undefined;
  title: string;
};

export type CollectionDeleteInput = {
  id: string | number;
};

/** MANUAL: the merchant picks the products; AUTOMATIC: rules pick them, always current. */
export type CollectionKind =
  | 'AUTOMATIC'
  | 'MANUAL';

export type CollectionProductMoveInput = {
  /** 0-based; past the end moves it last. */
  newPosition: number;
  productId: string | number;
};

export type CollectionProductsInput = {
  /** The manual collection. */
  id: string | number;
  /** 1 to 250 products of its shop. */
  productIds: Array<string | number>;
};

export type CollectionProductsReorderInput = {
  /** The manual collection. */
  id: string | number;
  /** 1 to 250 moves, applied one after the other. */
  moves: Array<CollectionProductMoveInput>;
};

/** What a rule tests: TAG (EQUALS, NOT_EQUALS; exact), VENDOR (EQUALS, NOT_EQUALS, CONTAINS), PRODUCT_TYPE (EQUALS, NOT_EQUALS), TITLE (CONTAINS), all case-insensitive; PRICE (GREATER_THAN, LESS_THAN: some variant's price); OPTION_VALUE (EQUALS: some variant selects the value, of `optionName` when given). */
export type CollectionRuleField =
  | 'OPTION_VALUE'
  | 'PRICE'
  | 'PRODUCT_TYPE'
  | 'TAG'
  | 'TITLE'
  | 'VENDOR';

export type CollectionRuleInput = {
  field: CollectionRuleField;
  /** OPTION_VALUE only: the option the value belongs to ("Color"); left out: any option. */
  optionName?: string | null | undefined;
  relation: CollectionRuleRelation;
  /** What the field is compared with: a tag, vendor, product type, title fragment, option value, or for PRICE a decimal amount of the shop's currency ("25.00"). */
  value: string;
};

export type CollectionRuleRelation =
  | 'CONTAINS'
  | 'EQUALS'
  | 'GREATER_THAN'
  | 'LESS_THAN'
  | 'NOT_EQUALS';

export type CollectionRuleSetInput = {
  /** true: a product matching any rule belongs; false: it must match all of them. */
  appliedDisjunctively: boolean;
  /** 1 to 10 rules. */
  rules: Array<CollectionRuleInput>;
};

/** A collection's default product order: MANUAL (the merchant's positions; manual collections only), CREATED (newest first), TITLE (A→Z), PRICE_ASC, PRICE_DESC (by the lowest variant price). */
export type CollectionSortOrder =
  | 'CREATED'
  | 'MANUAL'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'TITLE';

export type CollectionUpdateInput = {
  description?: string | null | undefined;
  handle?: string | null | undefined;
  id: string | number;
  /** Automatic collections only: replaces the rules. */
  ruleSet?: CollectionRuleSetInput | null | undefined;
  sortOrder?: CollectionSortOrder | null | undefined;
  title?: string | null | undefined;
};

export type CommissionEventKind =
  /** An order through the creator's link was paid: new PENDING entries. */
  | 'EARNED'
  /** The order was fulfilled: the entries will be PAYABLE at `payableAt`. */
  | 'HOLD_STARTED'
  /** A payout paid the entries. */
  | 'PAID'
  /** The hold passed: the entries are PAYABLE. */
  | 'PAYABLE'
  /** A refund reversed part of a commission: new negative entries. */
  | 'REVERSED';

/** PENDING (on hold until `payableAt`, set to fulfilment + the program's hold days) → PAYABLE → PAID (in a payout). */
export type CommissionStatus =
  | 'PAID'
  | 'PAYABLE'
  | 'PENDING';

export type CommunityErrorCode =
  /** Returned when the caller reported this content before (one report per user and content). */
  | 'ALREADY_REPORTED'
  /** Returned when every such order line of the caller already has a review (one review per line). */
  | 'ALREADY_REVIEWED'
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a moderation decision does not apply to the case's status: hiding hidden content, restoring content that is not hidden, dismissing a case that is not OPEN. */
  | 'INVALID_TRANSITION'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when the caller has no paid or delivered (and not wholly refunded) order line of the product to review. */
  | 'NOT_A_BUYER'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when commenting on a post that was deleted. */
  | 'POST_DELETED'
  /** Returned when a comment mentions a product that is not active. */
  | 'PRODUCT_NOT_AVAILABLE'
  /** Returned when the reported content was deleted before the decision; the case is closed as DISMISSED. */
  | 'TARGET_GONE'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

export type ContentErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when a VIDEO has no durationMs, or an IMAGE has one. */
  | 'MEDIA_DURATION'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when acting on a post that was deleted. */
  | 'POST_DELETED'
  /** Returned when tagging an archived product. */
  | 'PRODUCT_ARCHIVED'
  /** Returned when users try to follow themselves. */
  | 'SELF_FOLLOW'
  /** Returned when a product tag's time range goes beyond the video's duration. */
  | 'TAG_OUTSIDE_VIDEO'
  /** Returned when a product tag on an IMAGE post has startMs or endMs. */
  | 'TAG_TIME_ON_IMAGE'
  /** Returned when a product tag's startMs is not before its endMs. */
  | 'TAG_TIME_RANGE_INVALID'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY'
  /** Returned when a product tag's variantId is not a variant of its productId. */
  | 'VARIANT_MISMATCH'
  /** Returned when postView has neither a user token nor a sessionId to count the view by. */
  | 'VIEWER_REQUIRED';

export type ContentReportInput = {
  /** What is wrong, in the reporter's words (at most 1,000 characters). */
  details?: string | null | undefined;
  reason: ContentReportReason;
  /** A post, comment, review, live session or product the caller can see. */
  targetId: string | number;
};

/** Why content is reported. */
export type ContentReportReason =
  | 'COUNTERFEIT'
  | 'HARASSMENT'
  | 'HATE'
  | 'MISINFORMATION'
  | 'NUDITY'
  | 'OTHER'
  | 'SCAM'
  | 'SPAM'
  | 'VIOLENCE';

/** An ISO 4217 currency code. */
export type CurrencyCode =
  | 'AED'
  | 'AFN'
  | 'ALL'
  | 'AMD'
  | 'ANG'
  | 'AOA'
  | 'ARS'
  | 'AUD'
  | 'AWG'
  | 'AZN'
  | 'BAM'
  | 'BBD'
  | 'BDT'
  | 'BGN'
  | 'BHD'
  | 'BIF'
  | 'BMD'
  | 'BND'
  | 'BOB'
  | 'BRL'
  | 'BSD'
  | 'BTN'
  | 'BWP'
  | 'BYN'
  | 'BZD'
  | 'CAD'
  | 'CDF'
  | 'CHF'
  | 'CLP'
  | 'CNY'
  | 'COP'
  | 'CRC'
  | 'CUC'
  | 'CUP'
  | 'CVE'
  | 'CZK'
  | 'DJF'
  | 'DKK'
  | 'DOP'
  | 'DZD'
  | 'EGP'
  | 'ERN'
  | 'ETB'
  | 'EUR'
  | 'FJD'
  | 'FKP'
  | 'GBP'
  | 'GEL'
  | 'GHS'
  | 'GIP'
  | 'GMD'
  | 'GNF'
  | 'GTQ'
  | 'GYD'
  | 'HKD'
  | 'HNL'
  | 'HTG'
  | 'HUF'
  | 'IDR'
  | 'ILS'
  | 'INR'
  | 'IQD'
  | 'IRR'
  | 'ISK'
  | 'JMD'
  | 'JOD'
  | 'JPY'
  | 'KES'
  | 'KGS'
  | 'KHR'
  | 'KMF'
  | 'KPW'
  | 'KRW'
  | 'KWD'
  | 'KYD'
  | 'KZT'
  | 'LAK'
  | 'LBP'
  | 'LKR'
  | 'LRD'
  | 'LSL'
  | 'LYD'
  | 'MAD'
  | 'MDL'
  | 'MGA'
  | 'MKD'
  | 'MMK'
  | 'MNT'
  | 'MOP'
  | 'MRU'
  | 'MUR'
  | 'MVR'
  | 'MWK'
  | 'MXN'
  | 'MYR'
  | 'MZN'
  | 'NAD'
  | 'NGN'
  | 'NIO'
  | 'NOK'
  | 'NPR'
  | 'NZD'
  | 'OMR'
  | 'PAB'
  | 'PEN'
  | 'PGK'
  | 'PHP'
  | 'PKR'
  | 'PLN'
  | 'PYG'
  | 'QAR'
  | 'RON'
  | 'RSD'
  | 'RUB'
  | 'RWF'
  | 'SAR'
  | 'SBD'
  | 'SCR'
  | 'SDG'
  | 'SEK'
  | 'SGD'
  | 'SHP'
  | 'SLE'
  | 'SOS'
  | 'SRD'
  | 'SSP'
  | 'STN'
  | 'SVC'
  | 'SYP'
  | 'SZL'
  | 'THB'
  | 'TJS'
  | 'TMT'
  | 'TND'
  | 'TOP'
  | 'TRY'
  | 'TTD'
  | 'TWD'
  | 'TZS'
  | 'UAH'
  | 'UGX'
  | 'USD'
  | 'UYU'
  | 'UZS'
  | 'VED'
  | 'VES'
  | 'VND'
  | 'VUV'
  | 'WST'
  | 'XAF'
  | 'XCD'
  | 'XOF'
  | 'XPF'
  | 'YER'
  | 'ZAR'
  | 'ZMW'
  | 'ZWG';

/** Why a delivery group that needs delivery has no options. */
export type DeliveryUnavailableReason =
  /** The shop does not ship to the delivery address: none of its shipping zones covers it. */
  | 'NOT_COVERED'
  /** The cart has no delivery address yet (`cartDeliveryAddressUpdate`). */
  | 'NO_ADDRESS'
  /** The shop ships to the address, but none of the zone's rates applies to these items (their weight or value is outside every rate's range). */
  | 'NO_RATE_APPLIES';

export type DiscountCodeCreateInput = {
  /** Letters, digits, - and _; stored upper case, matched in any case. */
  code: string;
  endsAt?: string | null | undefined;
  kind: DiscountKind;
  /** The shop's items in a cart must reach this subtotal. */
  minSubtotal?: string | null | undefined;
  /** Orders each buyer (user, else email) may use it for. */
  perBuyerLimit?: number | null | undefined;
  shopId: string | number;
  startsAt?: string | null | undefined;
  /** Orders that may use the code in all. */
  usageLimit?: number | null | undefined;
  /** PERCENTAGE: the percentage off, above 0 and at most 100 ("12.5"). FIXED_AMOUNT: the amount off in the shop's currency ("5.00"). */
  value: string;
};

/** Why a discount code on a cart does not apply. */
export type DiscountCodeReason =
  /** This buyer has used the code as many times as allowed. */
  | 'BUYER_LIMIT_REACHED'
  /** The code has ended. */
  | 'EXPIRED'
  /** The shop's items in the cart do not reach the code's minimum subtotal. */
  | 'MINIMUM_SUBTOTAL_NOT_MET'
  /** Another code of the same shop gives a larger discount; codes do not stack. */
  | 'NOT_COMBINABLE'
  /** The code is not valid yet. */
  | 'NOT_STARTED'
  /** The cart holds nothing from the shops that have this code. */
  | 'NO_MATCHING_ITEMS'
  /** No shop has this code. */
  | 'UNKNOWN_CODE'
  /** The code has been used as many times as allowed. */
  | 'USAGE_LIMIT_REACHED';

export type DiscountErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when the shop already has a discount code with this code. */
  | 'TAKEN'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

/** PERCENTAGE off the shop's items in the cart, or a FIXED_AMOUNT off them (never more than their subtotal). */
export type DiscountKind =
  | 'FIXED_AMOUNT'
  | 'PERCENTAGE';

/** Which feed to read. */
export type FeedKind =
  /** Newest first: posts of the creators and shops the viewer follows. Empty without a user token. */
  | 'FOLLOWING'
  /** Ranked for the viewer from their own signals (hashtags and products they engaged with, creators and shops they follow) when they consented to personalisation; otherwise TRENDING. */
  | 'FOR_YOU'
  /** Newest first: posts with `hashtag`. */
  | 'HASHTAG'
  /** Public posts ranked by time-decayed engagement (views, likes, shares, purchases) over the last 48 completed hours; ties by id. */
  | 'TRENDING';

export type FulfillmentTrackingInput = {
  /** The carrier's name, at most 60 characters. */
  carrier?: string | null | undefined;
  /** The tracking number, at most 100 characters. */
  number?: string | null | undefined;
  /** An http(s) tracking page. */
  url?: string | null | undefined;
};

export type InventoryAdjustInput = {
  /** Units to add (positive) or remove (negative). */
  delta: number;
  /** Compare-and-set: apply only if the current quantity is exactly this. */
  expectedQuantity?: number | null | undefined;
  /** Why, for the audit trail; default "correction". */
  reason?: string | null | undefined;
  variantId: string | number;
};

export type LiveErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when the named host is neither a CREATOR nor a MERCHANT of the session's shop. */
  | 'HOST_NOT_ELIGIBLE'
  /** Returned when the platform (a secret key without a user token) schedules a session without naming its host (hostId). */
  | 'HOST_REQUIRED'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when the session's status does not allow the action (start needs SCHEDULED, end needs LIVE, cancel needs SCHEDULED, pinning needs SCHEDULED or LIVE, joining needs LIVE); the message names the current status. */
  | 'INVALID_STATE'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when the live price is not below the regular price: the variant's, or for a pin of the whole product the cheapest variant's. */
  | 'LIVE_PRICE_NOT_BELOW_PRICE'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when pinning an archived product, or a product that is not ACTIVE in a creator's session. */
  | 'PRODUCT_NOT_ACTIVE'
  /** Returned when pinning, in a shop's session, a product of another shop. */
  | 'PRODUCT_NOT_IN_SHOP'
  /** Returned when re-pinning with a quantity cap below the units already sold through the pin. */
  | 'QUANTITY_CAP_BELOW_SOLD'
  /** Returned when scheduledAt is not in the future. */
  | 'SCHEDULED_AT_IN_PAST'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when the session already has 30 products pinned; unpin one first. */
  | 'TOO_MANY_PINS'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY'
  /** Returned when joining or leaving a session without a user token or a sessionId for an anonymous viewer. */
  | 'VIEWER_REQUIRED';

export type LiveSessionCancelInput = {
  id: string | number;
};

export type LiveSessionEndInput = {
  id: string | number;
  /** Publishes a replay post tagged with the products pinned during the session, each over the time it was pinned. */
  replay?: LiveSessionReplayInput | null | undefined;
};

export type LiveSessionEventKind =
  /** The scheduled session was CANCELLED. */
  | 'CANCELLED'
  /** The session ENDED. */
  | 'ENDED'
  /** A pinned product's live price or cap changed: `pinnedProduct`. */
  | 'PRICE_CHANGED'
  /** A product (or variant) was pinned: `pinnedProduct`. */
  | 'PRODUCT_PINNED'
  /** A product was unpinned: `pinnedProduct`. */
  | 'PRODUCT_UNPINNED'
  /** Events may have been missed: refetch the session (see `refetch`). */
  | 'REFETCH'
  /** The session went LIVE. */
  | 'STARTED'
  /** The viewer count changed: `viewerCount` (at most one per second). */
  | 'VIEWER_COUNT';

export type LiveSessionJoinInput = {
  liveSessionId: string | number;
  /** Identifies an anonymous viewer (an opaque id the app keeps per device); ignored when a user token is sent. */
  sessionId?: string | null | undefined;
};

export type LiveSessionLeaveInput = {
  liveSessionId: string | number;
  /** Identifies an anonymous viewer (an opaque id the app keeps per device); ignored when a user token is sent. */
  sessionId?: string | null | undefined;
};

export type LiveSessionPinProductInput = {
  /** A live-only unit price in the product's currency: at least 0 and below the regular price. Applies only while the session is LIVE. */
  livePrice?: string | null | undefined;
  liveSessionId: string | number;
  productId: string | number;
  /** Units that may be sold through the pin while live (at least 1); default no cap. */
  quantityCap?: number | null | undefined;
  /** Pin one variant; default the whole product. */
  variantId?: string | number | null | undefined;
};

/** The recording of the session, published as its replay post. */
export type LiveSessionReplayInput = {
  /** The video's length in milliseconds. */
  durationMs: number;
  /** Default 1920. */
  height?: number | null | undefined;
  posterUrl?: string | null | undefined;
  /** The video: an http(s) URL or an absolute path. */
  url: string;
  /** Default 1080. */
  width?: number | null | undefined;
};

export type LiveSessionScheduleInput = {
  /** For the platform (a secret key without a user token): the host, a CREATOR or a MERCHANT of the shop. */
  hostId?: string | number | null | undefined;
  /** Where viewers will play the stream: an http(s) URL or an absolute path (see LiveSession.playbackUrl). */
  playbackUrl?: string | null | undefined;
  /** When the session is announced to start; in the future, within a year. */
  scheduledAt: string;
  /** The shop the session sells for; the caller must manage it. */
  shopId?: string | number | null | undefined;
  title: string;
};

export type LiveSessionStartInput = {
  id: string | number;
  /** Where viewers play the stream, when it is known only now; replaces the one given at scheduling. An http(s) URL or an absolute path. */
  playbackUrl?: string | null | undefined;
};

/** SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. ENDED and CANCELLED are final. */
export type LiveSessionStatus =
  | 'CANCELLED'
  | 'ENDED'
  | 'LIVE'
  | 'SCHEDULED';

export type LiveSessionUnpinProductInput = {
  /** A LivePinnedProduct ID. */
  pinnedProductId: string | number;
};

/** A postal address, validated per country: `lastName`, `address1`, `city` and `countryCode` always; `zip` where the country has postal codes (and of its shape); `provinceCode` where carriers need it (US, CA, AU, BR, MX, JP, IN, CN, IT, AR). */
export type MailingAddressInput = {
  address1: string;
  address2?: string | null | undefined;
  city: string;
  company?: string | null | undefined;
  /** ISO 3166-1 alpha-2, such as DE or US. */
  countryCode: string;
  firstName?: string | null | undefined;
  lastName: string;
  phone?: string | null | undefined;
  provinceCode?: string | null | undefined;
  zip?: string | null | undefined;
};

export type MediaInput = {
  alt?: string | null | undefined;
  durationMs?: number | null | undefined;
  height?: number | null | undefined;
  /** Default IMAGE. */
  kind?: MediaKind | null | undefined;
  posterUrl?: string | null | undefined;
  url: string;
  width?: number | null | undefined;
};

export type MediaKind =
  | 'IMAGE'
  | 'VIDEO';

export type ModerationAction =
  /** The reports are unfounded; the content stays as it is. */
  | 'DISMISS'
  /** Hide the content from everyone but its author and the platform. */
  | 'HIDE'
  /** Show hidden content again. */
  | 'RESTORE';

/** OPEN: reports wait for a decision. HIDDEN: the content is hidden. DISMISSED: the reports were unfounded (a new report opens the case again). RESTORED: hidden, then shown again. */
export type ModerationCaseStatus =
  | 'DISMISSED'
  | 'HIDDEN'
  | 'OPEN'
  | 'RESTORED';

export type ModerationResolveInput = {
  action: ModerationAction;
  caseId: string | number;
  /** Why, for the record (at most 1,000 characters). */
  note?: string | null | undefined;
};

/** VISIBLE to everyone who may see it, or HIDDEN by moderation (then to its author and the platform only). */
export type ModerationStatus =
  | 'HIDDEN'
  | 'VISIBLE';

/** What a case is about. */
export type ModerationTargetKind =
  | 'COMMENT'
  | 'LIVE_SESSION'
  | 'POST'
  | 'PRODUCT'
  | 'REVIEW';

export type OrderCancelInput = {
  id: string | number;
  reason?: string | null | undefined;
};

export type OrderErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when fulfilling more units of a line than are left to ship (bought, not shipped yet and not refunded before shipping); `quantityFulfillable` says how many are. */
  | 'FULFILL_QUANTITY_EXCEEDED'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when the order's status does not allow the change (for example fulfilling a cancelled or fulfilled order, or cancelling one of which something was fulfilled). */
  | 'INVALID_STATUS_TRANSITION'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when no unit of the order is left to ship: every unit was shipped or refunded before shipping. */
  | 'NOTHING_TO_FULFILL'
  /** Returned when every unit of the order was already refunded. */
  | 'NOTHING_TO_REFUND'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when the payment provider refused the refund; the order is unchanged. */
  | 'REFUND_FAILED'
  /** Returned when the payment provider did not answer: the refund stays pending and the next orderRefund or orderCancel of the order resumes it (never repeating it). */
  | 'REFUND_PENDING'
  /** Returned when refunding more units of a line than were bought and not yet refunded. */
  | 'REFUND_QUANTITY_EXCEEDED'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when the order already has 49 fulfilments and this one would leave units to ship: an order takes at most 50, the last fulfilling everything left (orderFulfill without lines). */
  | 'TOO_MANY_FULFILLMENTS'
  /** Returned when the order already has 9 refunds (succeeded or pending) and this one would leave units unrefunded: an order takes at most 10, the last refunding everything left (orderRefund without lines, or orderCancel). */
  | 'TOO_MANY_REFUNDS'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

export type OrderFulfillInput = {
  id: string | number;
  /** Lines and units to ship; absent: every unit left to ship. */
  lines?: Array<OrderFulfillLineInput> | null | undefined;
  tracking?: FulfillmentTrackingInput | null | undefined;
};

export type OrderFulfillLineInput = {
  /** An OrderLine of the order. */
  lineId: string | number;
  /** Units to ship, at least 1. */
  quantity: number;
};

/** How much of an order shipped, from its lines. */
export type OrderFulfillmentStatus =
  /** Every unit shipped, apart from those refunded before shipping. */
  | 'FULFILLED'
  /** Some units shipped, some are left to ship. */
  | 'PARTIALLY_FULFILLED'
  /** No unit shipped yet. */
  | 'UNFULFILLED';

export type OrderRefundInput = {
  id: string | number;
  /** Lines and units to refund; absent: every unit not refunded yet. */
  lines?: Array<OrderRefundLineInput> | null | undefined;
  reason?: string | null | undefined;
  /** Put the refunded units back in stock; default false. */
  restock?: boolean | null | undefined;
};

export type OrderRefundLineInput = {
  /** An OrderLine of the order. */
  lineId: string | number;
  /** Units to refund, at least 1. */
  quantity: number;
};

/** PENDING (stock reserved, payment under way) → PAID → FULFILLED; PAID → CANCELLED; PAID or FULFILLED → PARTIALLY_REFUNDED → REFUNDED. */
export type OrderStatus =
  | 'CANCELLED'
  | 'FULFILLED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED';

export type PaymentStatus =
  | 'AUTHORIZED'
  | 'CAPTURED'
  | 'DECLINED'
  | 'FAILED'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED'
  | 'VOIDED';

export type PostCommentCreateInput = {
  /** 1 to 1000 characters. */
  body: string;
  postId: string | number;
  /** Active products the comment mentions, shown as links (at most 3). */
  productIds?: Array<string | number> | null | undefined;
};

export type PostCommentDeleteInput = {
  id: string | number;
};

export type PostCreateInput = {
  /** At most 2200 characters; its #hashtags are added to `hashtags`. */
  caption?: string | null | undefined;
  /** With or without #; stored lower case. At most 30, the caption's included. */
  hashtags?: Array<string> | null | undefined;
  media: PostMediaInput;
  /** At most 30. */
  productTags?: Array<ProductTagInput> | null | undefined;
  /** Post for this shop; the caller must be one of its merchants. Without it a creator posts as themselves. */
  shopId?: string | number | null | undefined;
  /** Default PUBLIC. */
  visibility?: PostVisibility | null | undefined;
};

export type PostDeleteInput = {
  id: string | number;
};

export type PostLikeInput = {
  postId: string | number;
};

export type PostMediaInput = {
  /** Required for VIDEO; absent for IMAGE. */
  durationMs?: number | null | undefined;
  /** Pixels. */
  height: number;
  kind: MediaKind;
  /** The frame shown before a video plays. */
  posterUrl?: string | null | undefined;
  /** An http(s) URL or an absolute path on the host platform's media server. */
  url: string;
  /** Pixels. */
  width: number;
};

export type PostShareInput = {
  /** Where it was shared: a short lower-case name such as copy_link, message, whatsapp. */
  channel: string;
  postId: string | number;
};

export type PostUnlikeInput = {
  postId: string | number;
};

export type PostUpdateInput = {
  caption?: string | null | undefined;
  /** Replaces the explicit hashtags; the caption's are always added. */
  hashtags?: Array<string> | null | undefined;
  id: string | number;
  /** Replaces all tags; tags given unchanged keep their id and counters. */
  productTags?: Array<ProductTagInput> | null | undefined;
  visibility?: PostVisibility | null | undefined;
};

export type PostViewInput = {
  postId: string | number;
  /** Identifies an anonymous viewer (ignored with a user token). */
  sessionId?: string | null | undefined;
};

/** PUBLIC: everyone. FOLLOWERS: the followers of the author (or of the shop, for a shop's post). PRIVATE: the author (and the shop's staff) only. */
export type PostVisibility =
  | 'FOLLOWERS'
  | 'PRIVATE'
  | 'PUBLIC';

/** The kinds of suggestion a predictive search returns. */
export type PredictiveSearchType =
  | 'CREATOR'
  | 'HASHTAG'
  | 'POST'
  | 'PRODUCT'
  | 'SHOP';

export type PrivacyErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when viewerErase is sent without `confirm: true`. */
  | 'CONFIRMATION_REQUIRED'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY'
  /** Returned when viewerDataExport names a section that does not exist. */
  | 'UNKNOWN_SECTION';

export type ProductArchiveInput = {
  id: string | number;
};

export type ProductCreateInput = {
  description?: string | null | undefined;
  /** Default: made from the title. */
  handle?: string | null | undefined;
  media?: Array<MediaInput> | null | undefined;
  /** At most 3. */
  options?: Array<ProductOptionInput> | null | undefined;
  productType?: string | null | undefined;
  shopId: string | number;
  /** Default DRAFT. */
  status?: ProductStatus | null | undefined;
  tags?: Array<string> | null | undefined;
  title: string;
  /** 1 to 100; a product without options has exactly one. */
  variants: Array<ProductVariantCreateInput>;
  vendor?: string | null | undefined;
};

export type ProductFilter = {
  /** true: only products the caller may make an affiliate link for (their shop's program is open, or by invitation and the caller accepted one). */
  affiliateLinkable?: boolean | null | undefined;
  /** true: in stock; false: sold out. */
  available?: boolean | null | undefined;
  collectionId?: string | number | null | undefined;
  /** Products with a variant having these option values: any of the values given for one option, and every option named (Color Red or Blue, and Size M). */
  options?: Array<ProductOptionFilter> | null | undefined;
  price?: ProductPriceFilter | null | undefined;
  productType?: string | null | undefined;
  /** Products of any of these types (facet values). */
  productTypes?: Array<string> | null | undefined;
  shopId?: string | number | null | undefined;
  /** For shop managers: which statuses to list (default ACTIVE). Others always get ACTIVE products only. */
  status?: Array<ProductStatus> | null | undefined;
  /** Products with any of these tags. */
  tags?: Array<string> | null | undefined;
  vendor?: string | null | undefined;
  /** Products of any of these vendors (facet values). */
  vendors?: Array<string> | null | undefined;
};

/** An option value, as `ProductFacets.options` lists it. */
export type ProductOptionFilter = {
  name: string;
  value: string;
};

export type ProductOptionInput = {
  name: string;
  values: Array<string>;
};

export type ProductOptionUpdateInput = {
  /** A new name, unique among the product's options. */
  name?: string | null | undefined;
  optionId: string | number;
  /** The option's new place among the product's options, from 0; the others keep their order. Variants' selections and titles follow the new order. */
  position?: number | null | undefined;
  productId: string | number;
  /** All the option's values (1 to 100) in their new order. A value left out is removed, which is refused (OPTION_VALUE_IN_USE) while a variant selects it. */
  values?: Array<ProductOptionValueInput> | null | undefined;
};

/** A value of an option in productOptionUpdate: a value kept or added (`name` alone), or a value renamed (`currentName` → `name`). */
export type ProductOptionValueInput = {
  /** The name of the existing value this entry renames (in every variant's selection and title). Left out: `name` is a value the option has, kept, or a new one. */
  currentName?: string | null | undefined;
  /** The value's name from now on. */
  name: string;
};

export type ProductOptionsCreateInput = {
  /** The options to add after the product's own (it has at most 3). Every existing variant selects each new option's first value. */
  options: Array<ProductOptionInput>;
  productId: string | number;
};

export type ProductOptionsDeleteInput = {
  /** 1 to 3 options of the product. */
  optionIds: Array<string | number>;
  productId: string | number;
};

/** Products with a variant priced within [min, max], in one currency. */
export type ProductPriceFilter = {
  currencyCode: CurrencyCode;
  max?: string | null | undefined;
  min?: string | null | undefined;
};

export type ProductReviewCreateInput = {
  /** The text, at most 5000 characters. */
  body?: string | null | undefined;
  /** Images (http(s) URLs on the host platform's media), at most 4. */
  mediaUrls?: Array<string> | null | undefined;
  /** The order line the review is for (see `OrderLine.review`); default: the buyer's oldest line of the product without a review. */
  orderLineId?: string | number | null | undefined;
  productId: string | number;
  /** 1 to 5 stars. */
  rating: number;
  /** At most 150 characters. */
  title?: string | null | undefined;
};

export type ProductReviewReplyInput = {
  /** The reply, 1 to 2000 characters; replaces an earlier one. */
  body: string;
  reviewId: string | number;
};

/** Product orderings. Natural directions: RELEVANCE best first (needs `query`), TITLE A→Z, PRICE lowest first, CREATED_AT and UPDATED_AT newest first, ID ascending, MANUAL a manual collection's order (needs a collection: `Collection.products` or `filter.collectionId`). `reverse` flips them. */
export type ProductSortKey =
  | 'CREATED_AT'
  | 'ID'
  | 'MANUAL'
  | 'PRICE'
  | 'RELEVANCE'
  | 'TITLE'
  | 'UPDATED_AT';

export type ProductStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

export type ProductTagInput = {
  /** Video only, exclusive, at most the duration; default the duration. */
  endMs?: number | null | undefined;
  /** A product the caller can see (active, or of a shop they manage), not archived. */
  productId: string | number;
  /** Video only; default 0. */
  startMs?: number | null | undefined;
  /** One of the product's variants. */
  variantId?: string | number | null | undefined;
  /** 0 (left) to 1 (right). */
  x: number;
  /** 0 (top) to 1 (bottom). */
  y: number;
};

export type ProductTagTapInput = {
  productTagId: string | number;
};

export type ProductUpdateInput = {
  description?: string | null | undefined;
  handle?: string | null | undefined;
  id: string | number;
  /** Replaces all media when given. */
  media?: Array<MediaInput> | null | undefined;
  productType?: string | null | undefined;
  status?: ProductStatus | null | undefined;
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
  /** Price, SKU, weight and shipping changes to existing variants. Stock changes go through inventoryAdjust. */
  variants?: Array<ProductVariantUpdateInput> | null | undefined;
  vendor?: string | null | undefined;
};

export type ProductVariantCreateInput = {
  compareAtPrice?: string | null | undefined;
  /** Initial stock; default 0. */
  inventoryQuantity?: number | null | undefined;
  /** In the shop's currency. */
  price: string;
  /** False for digital goods and services: no delivery needed (default true). */
  requiresShipping?: boolean | null | undefined;
  /** One per product option, in option order. */
  selectedOptions?: Array<SelectedOptionInput> | null | undefined;
  sku?: string | null | undefined;
  /** Grams per unit (0 to 1,000,000; default 0): what weight-based shipping rates add up. */
  weightGrams?: number | null | undefined;
};

export type ProductVariantUpdateInput = {
  /** null removes it. */
  compareAtPrice?: string | null | undefined;
  id: string | number;
  price?: string | null | undefined;
  requiresShipping?: boolean | null | undefined;
  sku?: string | null | undefined;
  /** Grams per unit (0 to 1,000,000). */
  weightGrams?: number | null | undefined;
};

export type ProductVariantsCreateInput = {
  productId: string | number;
  /** 1 to 100 new variants (the product has at most 100). Each selects one value of each of the product's options, in option order; a value the option does not list yet is added to it. */
  variants: Array<ProductVariantCreateInput>;
};

export type ProductVariantsDeleteInput = {
  productId: string | number;
  /** 1 to 100 variants of the product. */
  variantIds: Array<string | number>;
};

export type RecommendationBasis =
  /** Bought together with the product and co-engaged with it. */
  | 'PRODUCT'
  /** Not personalised: the week's trending products. */
  | 'TRENDING'
  /** From the viewer's own signals (with their consent to personalisation). */
  | 'VIEWER';

/** PENDING: sent to the payment provider, no answer yet. SUCCEEDED. FAILED: refused; the order was left as before. */
export type RefundStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type ReturnApproveInput = {
  /** A REQUESTED Return. */
  id: string | number;
  /** Put the returned units back in stock; default true. */
  restock?: boolean | null | undefined;
};

export type ReturnDeclineInput = {
  /** A REQUESTED Return. */
  id: string | number;
  /** Why, for the buyer; at most 500 characters. */
  reason?: string | null | undefined;
};

export type ReturnErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when the order's status no longer allows the return's refund (the order was cancelled). */
  | 'INVALID_STATUS_TRANSITION'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when a line has fewer units that may be returned than asked: units not delivered yet, already refunded, or in another return; `quantityReturnable` says how many may be. */
  | 'NOT_RETURNABLE'
  /** Returned when the payment provider refused the return's refund; the return stays requested and the order unchanged. */
  | 'REFUND_FAILED'
  /** Returned when the payment provider did not answer: the return is approved, its refund stays pending and the next orderRefund, orderCancel or returnApprove of the order settles it (never repeating it). */
  | 'REFUND_PENDING'
  /** Returned when the shop takes no returns (its return window is 0 days). */
  | 'RETURNS_NOT_ACCEPTED'
  /** Returned when the return was already approved or declined. */
  | 'RETURN_NOT_REQUESTED'
  /** Returned when a line was delivered (its latest fulfilment) longer ago than the shop's return window. */
  | 'RETURN_WINDOW_CLOSED'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when approving would be the order's 10th refund and leave units unrefunded: an order takes at most 10 refunds, the last refunding everything left. */
  | 'TOO_MANY_REFUNDS'
  /** Returned when the order already has 20 returns (requested, approved or declined). */
  | 'TOO_MANY_RETURNS'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

export type ReturnRequestInput = {
  /** Lines and units to return, each line once. */
  lines: Array<ReturnRequestLineInput>;
  orderId: string | number;
  /** Why the goods go back, 1 to 500 characters. */
  reason: string;
};

export type ReturnRequestLineInput = {
  /** An OrderLine of the order. */
  lineId: string | number;
  /** Units to return, at least 1. */
  quantity: number;
};

/** REQUESTED: the buyer asked, the shop has not decided. APPROVED: refunded (see `refund`). DECLINED: refused (see `declineReason`). */
export type ReturnStatus =
  | 'APPROVED'
  | 'DECLINED'
  | 'REQUESTED';

export type Role =
  | 'ADMIN'
  | 'BUYER'
  | 'CREATOR'
  | 'MERCHANT';

export type SelectedOptionInput = {
  name: string;
  value: string;
};

export type ShippingErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a zone's province code is not "CC-SUB" with CC one of the zone's countries and SUB a subdivision of it. */
  | 'INVALID_PROVINCE'
  /** Returned when a range's minimum is above its maximum (delivery days, weight, order value). */
  | 'INVALID_RANGE'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when another rate of the shop (in any zone) already has the handle, or the input repeats it. */
  | 'TAKEN'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when the shop already has 50 shipping zones; delete one first. */
  | 'TOO_MANY_ZONES'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a country code is not an ISO 3166-1 alpha-2 country. */
  | 'UNKNOWN_COUNTRY'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

/** Group subtotals (after discounts) in the shop's currency, both bounds inclusive. */
export type ShippingOrderValueRangeInput = {
  /** Left out: no upper bound. */
  max?: string | null | undefined;
  /** Default 0. */
  min?: string | null | undefined;
};

/** When a shipping rate is offered. */
export type ShippingRateCondition =
  /** Always. */
  | 'NONE'
  /** When the group's subtotal (after discounts) is within `orderValueRange`. */
  | 'ORDER_VALUE'
  /** When the group's weight is within `weightRange`. */
  | 'WEIGHT';

/** A delivery option of a zone. Give at most one of `weightRange` and `orderValueRange`. */
export type ShippingRateInput = {
  /** From this group subtotal (after discounts) on, the rate costs nothing. */
  freeAbove?: string | null | undefined;
  /** Unique in the shop: lowercase letters, digits, dashes. */
  handle: string;
  /** At least `minDays`. */
  maxDays: number;
  /** Delivery estimate, business days (0..365). */
  minDays: number;
  /** Offered only for groups of this subtotal. */
  orderValueRange?: ShippingOrderValueRangeInput | null | undefined;
  /** In the shop's currency. */
  price: string;
  title: string;
  /** Offered only for groups of this weight. */
  weightRange?: ShippingWeightRangeInput | null | undefined;
};

/** Grams, both bounds inclusive. */
export type ShippingWeightRangeInput = {
  /** Left out: no upper bound. */
  maxGrams?: number | null | undefined;
  /** Default 0. */
  minGrams?: number | null | undefined;
};

export type ShippingZoneCreateInput = {
  /** ISO 3166-1 alpha-2 (1 to 250). */
  countryCodes: Array<string>;
  name: string;
  /** ISO 3166-2 such as "US-CA", of the zone's countries (at most 200): the zone then covers only those provinces of their countries. */
  provinceCodes?: Array<string> | null | undefined;
  /** 1 to 20, in the order they are offered. */
  rates: Array<ShippingRateInput>;
  shopId: string | number;
};

export type ShippingZoneDeleteInput = {
  /** A `ShippingZone` ID. */
  id: string | number;
};

/** Fields left out stay as they are. */
export type ShippingZoneUpdateInput = {
  /** ISO 3166-1 alpha-2 (1 to 250). */
  countryCodes?: Array<string> | null | undefined;
  /** A `ShippingZone` ID. */
  id: string | number;
  name?: string | null | undefined;
  /** ISO 3166-2 such as "US-CA", of the zone's countries (at most 200): the zone then covers only those provinces of their countries. */
  provinceCodes?: Array<string> | null | undefined;
  /** 1 to 20, in the order they are offered. Replaces all the zone's rates. */
  rates?: Array<ShippingRateInput> | null | undefined;
};

export type ShopCreateInput = {
  /** ISO 4217 code of all the shop's prices, such as EUR. */
  currencyCode: string;
  description?: string | null | undefined;
  /** URL-safe, unique: lowercase letters, digits, dashes. */
  handle: string;
  logoUrl?: string | null | undefined;
  /** INVENTORY_LOW webhooks fire when a variant's stock falls below this (default 5). */
  lowStockThreshold?: number | null | undefined;
  name: string;
  /** Whether prices (and shipping) include tax, EU style, or tax is added at checkout (default false). */
  pricesIncludeTax?: boolean | null | undefined;
  /** Whether an approved return also refunds the returned lines' share of shipping (default false). */
  refundShippingOnReturn?: boolean | null | undefined;
  /** Days after fulfilment during which buyers may request a return (0 to 365; 0: no returns; default 30). */
  returnWindowDays?: number | null | undefined;
};

export type ShopUpdateInput = {
  /** Only while the shop has no products. */
  currencyCode?: string | null | undefined;
  description?: string | null | undefined;
  handle?: string | null | undefined;
  id: string | number;
  logoUrl?: string | null | undefined;
  lowStockThreshold?: number | null | undefined;
  name?: string | null | undefined;
  /** Whether prices (and shipping) include tax, EU style, or tax is added at checkout (default false). */
  pricesIncludeTax?: boolean | null | undefined;
  /** Whether an approved return also refunds the returned lines' share of shipping (default false). */
  refundShippingOnReturn?: boolean | null | undefined;
  /** Days after fulfilment during which buyers may request a return (0 to 365; 0: no returns; default 30). */
  returnWindowDays?: number | null | undefined;
};

export type TaxErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a tax rate's province code is not a subdivision of its country, as MailingAddress.provinceCode holds it ("CA"). */
  | 'INVALID_PROVINCE'
  /** Returned when a percentage is not a decimal from 0 to 100 with at most four decimals, such as "19" or "8.875". */
  | 'INVALID_RATE'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when a new tax rate would exceed the limit: 200 per shop, 500 for the platform; delete one first. */
  | 'LIMIT_REACHED'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when a country code is not an ISO 3166-1 alpha-2 country. */
  | 'UNKNOWN_COUNTRY'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY';

export type TaxRateDeleteInput = {
  /** A `TaxRate` ID. */
  id: string | number;
};

/** A tax rate for a scope (a shop, or the platform), country and province. Setting one where the scope has a rate for that country and province replaces it. */
export type TaxRateSetInput = {
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** What receipts call the tax, such as "VAT" (1 to 60 characters). */
  name: string;
  /** The rate in percent, from 0 to 100 with at most four decimals, such as "19" or "8.875". */
  percentage: string;
  /** A subdivision of the country as `MailingAddress.provinceCode` holds it ("CA"); left out: the whole country. */
  provinceCode?: string | null | undefined;
  /** Whether the shipping charge is taxed at this rate too (default true). */
  shippingTaxable?: boolean | null | undefined;
  /** The shop whose own rate this is; left out: a platform rate (the platform only). */
  shopId?: string | number | null | undefined;
};

/** The completed hours trendingProducts counts, before the ranking instant. */
export type TrendingWindow =
  /** The last 24 complete hours. */
  | 'DAY'
  /** The last complete hour. */
  | 'HOUR'
  /** The last 168 complete hours. */
  | 'WEEK';

export type UserFollowInput = {
  /** The shop to follow; give userId or shopId. */
  shopId?: string | number | null | undefined;
  /** The user to follow; give userId or shopId. */
  userId?: string | number | null | undefined;
};

export type UserUnfollowInput = {
  /** The shop to unfollow; give userId or shopId. */
  shopId?: string | number | null | undefined;
  /** The user to unfollow; give userId or shopId. */
  userId?: string | number | null | undefined;
};

export type ViewerAddressCreateInput = {
  address: MailingAddressInput;
  /** Make it the default (the first saved address always is). */
  isDefault?: boolean | null | undefined;
};

export type ViewerAddressDeleteInput = {
  /** A `BuyerAddress` ID of the viewer. */
  id: string | number;
};

export type ViewerAddressUpdateInput = {
  /** The whole new address; left out: unchanged. */
  address?: MailingAddressInput | null | undefined;
  /** A `BuyerAddress` ID of the viewer. */
  id: string | number;
  /** Left out or null: unchanged. */
  isDefault?: boolean | null | undefined;
};

export type ViewerConsentUpdateInput = {
  /** Left out or null: unchanged. */
  analytics?: boolean | null | undefined;
  /** Left out or null: unchanged. */
  personalization?: boolean | null | undefined;
};

export type ViewerDataExportInput = {
  /** Only these sections (such as "orders", "likes"); all when left out. */
  sections?: Array<string> | null | undefined;
};

export type ViewerEraseInput = {
  /** Must be true: erasure cannot be undone. */
  confirm: boolean;
};

export type WebhookEndpointCreateInput = {
  description?: string | null | undefined;
  /** The shop whose events it receives; omitted: every shop's (the platform only). */
  shopId?: string | number | null | undefined;
  topics: Array<WebhookTopic>;
  /** Where events are POSTed: an absolute https URL (http too outside production) on a public address. */
  url: string;
};

export type WebhookEndpointDeleteInput = {
  id: string | number;
};

export type WebhookEndpointUpdateInput = {
  description?: string | null | undefined;
  /** false stops deliveries at once: pending ones are FAILED. */
  enabled?: boolean | null | undefined;
  id: string | number;
  /** true replaces the signing secret. */
  rotateSecret?: boolean | null | undefined;
  topics?: Array<WebhookTopic> | null | undefined;
  url?: string | null | undefined;
};

export type WebhookErrorCode =
  /** Returned when a required text is empty. */
  | 'BLANK'
  /** Returned when a number is above its maximum. */
  | 'GREATER_THAN_MAXIMUM'
  /** Returned when the endpoint url's host name does not resolve (checked where private targets are refused). */
  | 'HOST_NOT_FOUND'
  /** Returned when a value has the wrong format. */
  | 'INVALID'
  /** Returned when an ID is malformed or names an object of another type. */
  | 'INVALID_ID'
  /** Returned when a number is below its minimum (for example a negative price or quantity). */
  | 'LESS_THAN_MINIMUM'
  /** Returned when an ID or handle names nothing the caller can see. */
  | 'NOT_FOUND'
  /** Returned when the endpoint url's host is, or resolves (even partly) to, an address that is not public: loopback, private, link-local, reserved and the like (refused unless private targets are allowed, as they are outside production). */
  | 'PRIVATE_TARGET'
  /** Returned when a text or list is longer than allowed. */
  | 'TOO_LONG'
  /** Returned when a shop (or the platform) already has 20 endpoints. */
  | 'TOO_MANY_ENDPOINTS'
  /** Returned when a text or list is shorter than allowed. */
  | 'TOO_SHORT'
  /** Returned when an endpoint would subscribe to no topic. */
  | 'TOPICS_REQUIRED'
  /** Returned when a currency code is not an ISO 4217 currency. */
  | 'UNKNOWN_CURRENCY'
  /** Returned when the endpoint url is not an absolute https URL (or, outside production, http URL) without credentials. */
  | 'URL_NOT_HTTP';

/** What an endpoint is told about: ORDER_PAID (order.paid), ORDER_REFUNDED, ORDER_FULFILLED (some or all of an order shipped: the fulfilment with its lines and tracking), RETURN_REQUESTED (a buyer asked to return goods), COMMISSION_PAYABLE, INVENTORY_LOW (a variant fell below its shop's lowStockThreshold). */
export type WebhookTopic =
  | 'COMMISSION_PAYABLE'
  | 'CONTENT_MODERATED'
  | 'INVENTORY_LOW'
  | 'ORDER_FULFILLED'
  | 'ORDER_PAID'
  | 'ORDER_REFUNDED'
  | 'RETURN_REQUESTED';

export type AffiliateInvitationAcceptMutationVariables = Exact<{
  input: AffiliateInvitationAnswerInput;
}>;


export type AffiliateInvitationAcceptMutation = { affiliateInvitationAccept: { invitation: { id: string, status: AffiliateInvitationStatus, createdAt: string, creator: { id: string, handle: string, displayName: string | null }, program: { id: string, access: AffiliateAccess, model: AttributionModel, defaultRate: number, attributionWindowSeconds: number, holdDays: number, updatedAt: string, productRates: Array<{ productId: string, rate: number }>, shop: { id: string, handle: string, name: string } } } | null, userErrors: Array<{ code: AffiliateErrorCode, field: Array<string> | null, message: string }> } };

export type AffiliateInvitationDeclineMutationVariables = Exact<{
  input: AffiliateInvitationAnswerInput;
}>;


export type AffiliateInvitationDeclineMutation = { affiliateInvitationDecline: { invitation: { id: string, status: AffiliateInvitationStatus, createdAt: string, creator: { id: string, handle: string, displayName: string | null }, program: { id: string, access: AffiliateAccess, model: AttributionModel, defaultRate: number, attributionWindowSeconds: number, holdDays: number, updatedAt: string, productRates: Array<{ productId: string, rate: number }>, shop: { id: string, handle: string, name: string } } } | null, userErrors: Array<{ code: AffiliateErrorCode, field: Array<string> | null, message: string }> } };

export type AffiliateInviteMutationVariables = Exact<{
  input: AffiliateInviteInput;
}>;


export type AffiliateInviteMutation = { affiliateInvite: { invitation: { id: string, status: AffiliateInvitationStatus, createdAt: string, creator: { id: string, handle: string, displayName: string | null }, program: { id: string, access: AffiliateAccess, model: AttributionModel, defaultRate: number, attributionWindowSeconds: number, holdDays: number, updatedAt: string, productRates: Array<{ productId: string, rate: number }>, shop: { id: string, handle: string, name: string } } } | null, userErrors: Array<{ code: AffiliateErrorCode, field: Array<string> | null, message: string }> } };

export type AffiliateLinkQueryVariables = Exact<{
  code: string;
}>;


export type AffiliateLinkQuery = { affiliateLink: { id: string, code: string, url: string, targetKind: AffiliateTargetKind, enabled: boolean, rate: number | null, rateLockedUntil: string | null, createdAt: string, postId: string | null, product: { id: string, handle: string, title: string } | null, shop: { id: string, handle: string, name: string }, creator: { id: string, handle: string, displayName: string | null } } | null };

export type AffiliateLinkCreateMutationVariables = Exact<{
  input: AffiliateLinkCreateInput;
}>;


export type AffiliateLinkCreateMutation = { affiliateLinkCreate: { affiliateLink: { id: string, code: string, url: string, targetKind: AffiliateTargetKind, enabled: boolean, rate: number | null, rateLockedUntil: string | null, createdAt: string, postId: string | null, product: { id: string, handle: string, title: string } | null, shop: { id: string, handle: string, name: string }, creator: { id: string, handle: string, displayName: string | null } } | null, userErrors: Array<{ code: AffiliateErrorCode, field: Array<string> | null, message: string }> } };

export type AffiliatePayoutMutationVariables = Exact<{
  input: AffiliatePayoutInput;
}>;


export type AffiliatePayoutMutation = { affiliatePayout: { payouts: Array<{ id: string, commissionCount: number, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode }, creator: { id: string, handle: string } }>, userErrors: Array<{ code: AffiliateErrorCode, field: Array<string> | null, message: string }> } };

export type AffiliateProgramUpsertMutationVariables = Exact<{
  input: AffiliateProgramUpsertInput;
}>;


export type AffiliateProgramUpsertMutation = { affiliateProgramUpsert: { affiliateProgram: { id: string, access: AffiliateAccess, model: AttributionModel, defaultRate: number, attributionWindowSeconds: number, holdDays: number, updatedAt: string, productRates: Array<{ productId: string, rate: number }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: AffiliateErrorCode, field: Array<string> | null, message: string }> } };

export type CommissionEventsSubscriptionVariables = Exact<{
  withCurrentState?: boolean | null | undefined;
}>;


export type CommissionEventsSubscription = { commissionEvents: { kind: CommissionEventKind | null, refetch: boolean, commissions: Array<{ id: string, status: CommissionStatus, rate: number, reversal: boolean, selfReferral: boolean, orderId: string, orderNumber: number, payableAt: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode }, revenue: { amount: string, currencyCode: CurrencyCode }, link: { id: string, code: string } }> } };

export type CartQueryVariables = Exact<{
  id: string | number;
}>;


export type CartQuery = { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null };

export type CartBuyerIdentityUpdateMutationVariables = Exact<{
  input: CartBuyerIdentityUpdateInput;
}>;


export type CartBuyerIdentityUpdateMutation = { cartBuyerIdentityUpdate: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartCreateMutationVariables = Exact<{
  input?: CartCreateInput | null | undefined;
}>;


export type CartCreateMutation = { cartCreate: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartDeliveryAddressUpdateMutationVariables = Exact<{
  input: CartDeliveryAddressUpdateInput;
}>;


export type CartDeliveryAddressUpdateMutation = { cartDeliveryAddressUpdate: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartDiscountCodesUpdateMutationVariables = Exact<{
  input: CartDiscountCodesUpdateInput;
}>;


export type CartDiscountCodesUpdateMutation = { cartDiscountCodesUpdate: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartLinesAddMutationVariables = Exact<{
  input: CartLinesAddInput;
}>;


export type CartLinesAddMutation = { cartLinesAdd: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartLinesRemoveMutationVariables = Exact<{
  input: CartLinesRemoveInput;
}>;


export type CartLinesRemoveMutation = { cartLinesRemove: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartLinesUpdateMutationVariables = Exact<{
  input: CartLinesUpdateInput;
}>;


export type CartLinesUpdateMutation = { cartLinesUpdate: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartSelectedDeliveryOptionsUpdateMutationVariables = Exact<{
  input: CartSelectedDeliveryOptionsUpdateInput;
}>;


export type CartSelectedDeliveryOptionsUpdateMutation = { cartSelectedDeliveryOptionsUpdate: { cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null, userErrors: Array<{ code: CartErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null }> } };

export type CartUpdatedSubscriptionVariables = Exact<{
  cartId: string | number;
  withCurrentState?: boolean | null | undefined;
}>;


export type CartUpdatedSubscription = { cartUpdated: { refetch: boolean, cart: { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> } | null } };

export type DiscountCodeCreateMutationVariables = Exact<{
  input: DiscountCodeCreateInput;
}>;


export type DiscountCodeCreateMutation = { discountCodeCreate: { discountCode: { id: string, code: string, kind: DiscountKind, percentage: string | null, usageLimit: number | null, usageCount: number, startsAt: string | null, endsAt: string | null, amount: { amount: string, currencyCode: CurrencyCode } | null } | null, userErrors: Array<{ code: DiscountErrorCode, field: Array<string> | null, message: string }> } };

export type CollectionQueryVariables = Exact<{
  handle: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  sortKey?: ProductSortKey | null | undefined;
  reverse?: boolean | null | undefined;
}>;


export type CollectionQuery = { collection: { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, shop: { id: string, handle: string, name: string }, products: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } }> }, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null } | null };

export type CollectionCreateMutationVariables = Exact<{
  input: CollectionCreateInput;
}>;


export type CollectionCreateMutation = { collectionCreate: { collection: { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type CollectionDeleteMutationVariables = Exact<{
  input: CollectionDeleteInput;
}>;


export type CollectionDeleteMutation = { collectionDelete: { deletedCollectionId: string | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type CollectionProductsAddMutationVariables = Exact<{
  input: CollectionProductsInput;
}>;


export type CollectionProductsAddMutation = { collectionProductsAdd: { collection: { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type CollectionProductsRemoveMutationVariables = Exact<{
  input: CollectionProductsInput;
}>;


export type CollectionProductsRemoveMutation = { collectionProductsRemove: { collection: { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type CollectionProductsReorderMutationVariables = Exact<{
  input: CollectionProductsReorderInput;
}>;


export type CollectionProductsReorderMutation = { collectionProductsReorder: { collection: { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type CollectionUpdateMutationVariables = Exact<{
  input: CollectionUpdateInput;
}>;


export type CollectionUpdateMutation = { collectionUpdate: { collection: { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type CollectionsQueryVariables = Exact<{
  shopId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type CollectionsQuery = { collections: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null } }> } };

export type InventoryAdjustMutationVariables = Exact<{
  input: InventoryAdjustInput;
}>;


export type InventoryAdjustMutation = { inventoryAdjust: { variant: { id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, product: { id: string, totalInventory: number | null }, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type InventoryChangedSubscriptionVariables = Exact<{
  productId: string | number;
  withCurrentState?: boolean | null | undefined;
}>;


export type InventoryChangedSubscription = { inventoryChanged: { refetch: boolean, product: { id: string, availableForSale: boolean, totalInventory: number | null, variants: Array<{ id: string, availableForSale: boolean, quantityAvailable: number }> } | null } };

export type ProductQueryVariables = Exact<{
  id?: string | number | null | undefined;
  handle?: string | null | undefined;
}>;


export type ProductQuery = { product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, socialProof: { purchasesLast24h: number, postCount: number, likeCount: number }, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null };

export type ProductArchiveMutationVariables = Exact<{
  input: ProductArchiveInput;
}>;


export type ProductArchiveMutation = { productArchive: { product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductCreateMutationVariables = Exact<{
  input: ProductCreateInput;
}>;


export type ProductCreateMutation = { productCreate: { product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductOptionUpdateMutationVariables = Exact<{
  input: ProductOptionUpdateInput;
}>;


export type ProductOptionUpdateMutation = { productOptionUpdate: { product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductOptionsCreateMutationVariables = Exact<{
  input: ProductOptionsCreateInput;
}>;


export type ProductOptionsCreateMutation = { productOptionsCreate: { product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductOptionsDeleteMutationVariables = Exact<{
  input: ProductOptionsDeleteInput;
}>;


export type ProductOptionsDeleteMutation = { productOptionsDelete: { deletedOptionIds: Array<string> | null, product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductUpdateMutationVariables = Exact<{
  input: ProductUpdateInput;
}>;


export type ProductUpdateMutation = { productUpdate: { product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductVariantsCreateMutationVariables = Exact<{
  input: ProductVariantsCreateInput;
}>;


export type ProductVariantsCreateMutation = { productVariantsCreate: { product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }> | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductVariantsDeleteMutationVariables = Exact<{
  input: ProductVariantsDeleteInput;
}>;


export type ProductVariantsDeleteMutation = { productVariantsDelete: { deletedVariantIds: Array<string> | null, product: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ProductsQueryVariables = Exact<{
  query?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
  sortKey?: ProductSortKey | null | undefined;
  reverse?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  withFacets?: boolean | null | undefined;
}>;


export type ProductsQuery = { products: { totalCount: number, facets?: { vendors: Array<{ value: string, count: number }>, productTypes: Array<{ value: string, count: number }>, options: Array<{ name: string, values: Array<{ value: string, count: number }> }>, priceRanges: Array<{ count: number, min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } | null }>, availability: { inStock: number, outOfStock: number } }, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } }> } };

export type ShopQueryVariables = Exact<{
  handle: string;
  productsFirst?: number | null | undefined;
}>;


export type ShopQuery = { shop: { id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean, shippingZones: Array<{ id: string, name: string, countryCodes: Array<string>, provinceCodes: Array<string>, createdAt: string, updatedAt: string, rates: Array<{ handle: string, title: string, condition: ShippingRateCondition, price: { amount: string, currencyCode: CurrencyCode }, weightRange: { minGrams: number, maxGrams: number | null } | null, orderValueRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } | null } | null, freeAbove: { amount: string, currencyCode: CurrencyCode } | null, estimatedDays: { min: number, max: number } }> }>, taxRates: Array<{ id: string, countryCode: string, provinceCode: string | null, name: string, percentage: string, shippingTaxable: boolean, createdAt: string, updatedAt: string, shop: { id: string } | null }>, products: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } }> } } | null };

export type ShopCreateMutationVariables = Exact<{
  input: ShopCreateInput;
}>;


export type ShopCreateMutation = { shopCreate: { shop: { id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ShopUpdateMutationVariables = Exact<{
  input: ShopUpdateInput;
}>;


export type ShopUpdateMutation = { shopUpdate: { shop: { id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean } | null, userErrors: Array<{ code: CatalogErrorCode, field: Array<string> | null, message: string }> } };

export type ShopsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ShopsQuery = { shops: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean } }> } };

export type CheckoutCompleteMutationVariables = Exact<{
  input: CheckoutCompleteInput;
}>;


export type CheckoutCompleteMutation = { checkoutComplete: { order: { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> } | null, orders: Array<{ id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> }>, userErrors: Array<{ code: CheckoutErrorCode, field: Array<string> | null, message: string, quantityAvailable: number | null, variantId: string | null, shopId: string | null }> } };

export type OrderQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderQuery = { order: { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, fulfillments: Array<{ id: string, createdAt: string, tracking: { carrier: string | null, number: string | null, url: string | null } | null, lines: Array<{ quantity: number, line: { id: string } }> }>, returns: Array<{ id: string, status: ReturnStatus, reason: string, restock: boolean, declineReason: string | null, createdAt: string, decidedAt: string | null, lines: Array<{ quantity: number, line: { id: string } }>, refund: { status: RefundStatus, amount: { amount: string, currencyCode: CurrencyCode } } | null }>, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> } | null };

export type OrderCancelMutationVariables = Exact<{
  input: OrderCancelInput;
}>;


export type OrderCancelMutation = { orderCancel: { order: { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: OrderErrorCode, field: Array<string> | null, message: string }> } };

export type OrderFulfillMutationVariables = Exact<{
  input: OrderFulfillInput;
}>;


export type OrderFulfillMutation = { orderFulfill: { order: { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> } | null, fulfillment: { id: string, createdAt: string, tracking: { carrier: string | null, number: string | null, url: string | null } | null, lines: Array<{ quantity: number, line: { id: string } }> } | null, userErrors: Array<{ code: OrderErrorCode, field: Array<string> | null, message: string, quantityFulfillable: number | null }> } };

export type OrderRefundMutationVariables = Exact<{
  input: OrderRefundInput;
}>;


export type OrderRefundMutation = { orderRefund: { order: { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: OrderErrorCode, field: Array<string> | null, message: string }> } };

export type OrderStatusChangedSubscriptionVariables = Exact<{
  orderId: string | number;
  cartId?: string | number | null | undefined;
  withCurrentState?: boolean | null | undefined;
}>;


export type OrderStatusChangedSubscription = { orderStatusChanged: { status: OrderStatus | null, refetch: boolean, order: { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> } | null } };

export type ReturnApproveMutationVariables = Exact<{
  input: ReturnApproveInput;
}>;


export type ReturnApproveMutation = { returnApprove: { return: { id: string, status: ReturnStatus, reason: string, restock: boolean, declineReason: string | null, createdAt: string, decidedAt: string | null, lines: Array<{ quantity: number, line: { id: string } }>, refund: { status: RefundStatus, amount: { amount: string, currencyCode: CurrencyCode } } | null } | null, userErrors: Array<{ code: ReturnErrorCode, field: Array<string> | null, message: string, quantityReturnable: number | null }> } };

export type ReturnDeclineMutationVariables = Exact<{
  input: ReturnDeclineInput;
}>;


export type ReturnDeclineMutation = { returnDecline: { return: { id: string, status: ReturnStatus, reason: string, restock: boolean, declineReason: string | null, createdAt: string, decidedAt: string | null, lines: Array<{ quantity: number, line: { id: string } }>, refund: { status: RefundStatus, amount: { amount: string, currencyCode: CurrencyCode } } | null } | null, userErrors: Array<{ code: ReturnErrorCode, field: Array<string> | null, message: string, quantityReturnable: number | null }> } };

export type ReturnRequestMutationVariables = Exact<{
  input: ReturnRequestInput;
}>;


export type ReturnRequestMutation = { returnRequest: { return: { id: string, status: ReturnStatus, reason: string, restock: boolean, declineReason: string | null, createdAt: string, decidedAt: string | null, lines: Array<{ quantity: number, line: { id: string } }>, refund: { status: RefundStatus, amount: { amount: string, currencyCode: CurrencyCode } } | null } | null, userErrors: Array<{ code: ReturnErrorCode, field: Array<string> | null, message: string, quantityReturnable: number | null }> } };

export type ContentReportMutationVariables = Exact<{
  input: ContentReportInput;
}>;


export type ContentReportMutation = { contentReport: { report: { reason: ContentReportReason, details: string, createdAt: string } | null, userErrors: Array<{ code: CommunityErrorCode, field: Array<string> | null, message: string }> } };

export type ModerationQueueQueryVariables = Exact<{
  status?: ModerationCaseStatus | null | undefined;
  targetKind?: ModerationTargetKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ModerationQueueQuery = { moderationQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, targetKind: ModerationTargetKind, status: ModerationCaseStatus, reportCount: number, lastReportedAt: string, decidedAt: string | null, note: string | null, post: { moderationStatus: ModerationStatus, id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, comment: { id: string, body: string, createdAt: string, moderationStatus: ModerationStatus, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, products: Array<{ id: string, handle: string, title: string, priceRange: { min: { amount: string, currencyCode: CurrencyCode } } }> } | null, review: { id: string, rating: number, title: string, body: string, variantTitle: string, createdAt: string, moderationStatus: ModerationStatus, media: Array<{ url: string }>, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null } | null, reply: { body: string, createdAt: string } | null } | null, liveSession: { id: string, title: string, status: LiveSessionStatus, moderationStatus: ModerationStatus } | null, product: { id: string, handle: string, title: string, moderationStatus: ModerationStatus } | null, reports: Array<{ reason: ContentReportReason, details: string, createdAt: string, reporter: { id: string, handle: string } }> } }> } };

export type ModerationResolveMutationVariables = Exact<{
  input: ModerationResolveInput;
}>;


export type ModerationResolveMutation = { moderationResolve: { case: { id: string, targetKind: ModerationTargetKind, status: ModerationCaseStatus, reportCount: number, lastReportedAt: string, decidedAt: string | null, note: string | null, post: { moderationStatus: ModerationStatus, id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, comment: { id: string, body: string, createdAt: string, moderationStatus: ModerationStatus, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, products: Array<{ id: string, handle: string, title: string, priceRange: { min: { amount: string, currencyCode: CurrencyCode } } }> } | null, review: { id: string, rating: number, title: string, body: string, variantTitle: string, createdAt: string, moderationStatus: ModerationStatus, media: Array<{ url: string }>, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null } | null, reply: { body: string, createdAt: string } | null } | null, liveSession: { id: string, title: string, status: LiveSessionStatus, moderationStatus: ModerationStatus } | null, product: { id: string, handle: string, title: string, moderationStatus: ModerationStatus } | null, reports: Array<{ reason: ContentReportReason, details: string, createdAt: string, reporter: { id: string, handle: string } }> } | null, userErrors: Array<{ code: CommunityErrorCode, field: Array<string> | null, message: string }> } };

export type PostCommentCreateMutationVariables = Exact<{
  input: PostCommentCreateInput;
}>;


export type PostCommentCreateMutation = { postCommentCreate: { postComment: { id: string, body: string, createdAt: string, moderationStatus: ModerationStatus, post: { id: string, commentCount: number }, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, products: Array<{ id: string, handle: string, title: string, priceRange: { min: { amount: string, currencyCode: CurrencyCode } } }> } | null, userErrors: Array<{ code: CommunityErrorCode, field: Array<string> | null, message: string }> } };

export type PostCommentDeleteMutationVariables = Exact<{
  input: PostCommentDeleteInput;
}>;


export type PostCommentDeleteMutation = { postCommentDelete: { deletedCommentId: string | null, post: { id: string, commentCount: number } | null, userErrors: Array<{ code: CommunityErrorCode, field: Array<string> | null, message: string }> } };

export type PostCommentsQueryVariables = Exact<{
  postId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type PostCommentsQuery = { postComments: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, body: string, createdAt: string, moderationStatus: ModerationStatus, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, products: Array<{ id: string, handle: string, title: string, priceRange: { min: { amount: string, currencyCode: CurrencyCode } } }> } }> } | null };

export type ProductReviewCreateMutationVariables = Exact<{
  input: ProductReviewCreateInput;
}>;


export type ProductReviewCreateMutation = { productReviewCreate: { productReview: { id: string, rating: number, title: string, body: string, variantTitle: string, createdAt: string, moderationStatus: ModerationStatus, product: { id: string, rating: { average: number | null, count: number } }, media: Array<{ url: string }>, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null } | null, reply: { body: string, createdAt: string } | null } | null, userErrors: Array<{ code: CommunityErrorCode, field: Array<string> | null, message: string }> } };

export type ProductReviewReplyMutationVariables = Exact<{
  input: ProductReviewReplyInput;
}>;


export type ProductReviewReplyMutation = { productReviewReply: { productReview: { id: string, rating: number, title: string, body: string, variantTitle: string, createdAt: string, moderationStatus: ModerationStatus, media: Array<{ url: string }>, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null } | null, reply: { body: string, createdAt: string } | null } | null, userErrors: Array<{ code: CommunityErrorCode, field: Array<string> | null, message: string }> } };

export type ProductReviewsQueryVariables = Exact<{
  productId: string | number;
  rating?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ProductReviewsQuery = { productReviews: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, rating: number, title: string, body: string, variantTitle: string, createdAt: string, moderationStatus: ModerationStatus, media: Array<{ url: string }>, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null } | null, reply: { body: string, createdAt: string } | null } }> } | null };

export type PostQueryVariables = Exact<{
  id: string | number;
}>;


export type PostQuery = { post: { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null };

export type PostCreateMutationVariables = Exact<{
  input: PostCreateInput;
}>;


export type PostCreateMutation = { postCreate: { post: { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type PostDeleteMutationVariables = Exact<{
  input: PostDeleteInput;
}>;


export type PostDeleteMutation = { postDelete: { deletedPostId: string | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type PostEngagementSubscriptionVariables = Exact<{
  postId: string | number;
  withCurrentState?: boolean | null | undefined;
}>;


export type PostEngagementSubscription = { postEngagement: { refetch: boolean, viewCount: number | null, likeCount: number | null, shareCount: number | null, purchaseCount: number | null, commentCount: number | null } };

export type PostLikeMutationVariables = Exact<{
  input: PostLikeInput;
}>;


export type PostLikeMutation = { postLike: { post: { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type PostShareMutationVariables = Exact<{
  input: PostShareInput;
}>;


export type PostShareMutation = { postShare: { post: { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type PostUnlikeMutationVariables = Exact<{
  input: PostUnlikeInput;
}>;


export type PostUnlikeMutation = { postUnlike: { post: { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type PostUpdateMutationVariables = Exact<{
  input: PostUpdateInput;
}>;


export type PostUpdateMutation = { postUpdate: { post: { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type PostViewMutationVariables = Exact<{
  input: PostViewInput;
}>;


export type PostViewMutation = { postView: { counted: boolean, post: { id: string, viewCount: number } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type ProductTagTapMutationVariables = Exact<{
  input: ProductTagTapInput;
}>;


export type ProductTagTapMutation = { productTagTap: { productTag: { id: string, tapCount: number | null } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type UserFollowMutationVariables = Exact<{
  input: UserFollowInput;
}>;


export type UserFollowMutation = { userFollow: { user: { id: string, handle: string, displayName: string | null, avatarUrl: string | null, isCreator: boolean, followerCount: number, followingCount: number, viewerIsFollowing: boolean } | null, shop: { id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type UserUnfollowMutationVariables = Exact<{
  input: UserUnfollowInput;
}>;


export type UserUnfollowMutation = { userUnfollow: { user: { id: string, handle: string, displayName: string | null, avatarUrl: string | null, isCreator: boolean, followerCount: number, followingCount: number, viewerIsFollowing: boolean } | null, shop: { id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean } | null, userErrors: Array<{ code: ContentErrorCode, field: Array<string> | null, message: string }> } };

export type PlatformTaxRatesQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformTaxRatesQuery = { platformTaxRates: Array<{ id: string, countryCode: string, provinceCode: string | null, name: string, percentage: string, shippingTaxable: boolean, createdAt: string, updatedAt: string, shop: { id: string } | null }> };

export type ShippingZoneCreateMutationVariables = Exact<{
  input: ShippingZoneCreateInput;
}>;


export type ShippingZoneCreateMutation = { shippingZoneCreate: { shippingZone: { id: string, name: string, countryCodes: Array<string>, provinceCodes: Array<string>, createdAt: string, updatedAt: string, rates: Array<{ handle: string, title: string, condition: ShippingRateCondition, price: { amount: string, currencyCode: CurrencyCode }, weightRange: { minGrams: number, maxGrams: number | null } | null, orderValueRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } | null } | null, freeAbove: { amount: string, currencyCode: CurrencyCode } | null, estimatedDays: { min: number, max: number } }> } | null, userErrors: Array<{ code: ShippingErrorCode, field: Array<string> | null, message: string }> } };

export type ShippingZoneDeleteMutationVariables = Exact<{
  input: ShippingZoneDeleteInput;
}>;


export type ShippingZoneDeleteMutation = { shippingZoneDelete: { deletedShippingZoneId: string | null, userErrors: Array<{ code: ShippingErrorCode, field: Array<string> | null, message: string }> } };

export type ShippingZoneUpdateMutationVariables = Exact<{
  input: ShippingZoneUpdateInput;
}>;


export type ShippingZoneUpdateMutation = { shippingZoneUpdate: { shippingZone: { id: string, name: string, countryCodes: Array<string>, provinceCodes: Array<string>, createdAt: string, updatedAt: string, rates: Array<{ handle: string, title: string, condition: ShippingRateCondition, price: { amount: string, currencyCode: CurrencyCode }, weightRange: { minGrams: number, maxGrams: number | null } | null, orderValueRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } | null } | null, freeAbove: { amount: string, currencyCode: CurrencyCode } | null, estimatedDays: { min: number, max: number } }> } | null, userErrors: Array<{ code: ShippingErrorCode, field: Array<string> | null, message: string }> } };

export type TaxRateDeleteMutationVariables = Exact<{
  input: TaxRateDeleteInput;
}>;


export type TaxRateDeleteMutation = { taxRateDelete: { deletedTaxRateId: string | null, userErrors: Array<{ code: TaxErrorCode, field: Array<string> | null, message: string }> } };

export type TaxRateSetMutationVariables = Exact<{
  input: TaxRateSetInput;
}>;


export type TaxRateSetMutation = { taxRateSet: { taxRate: { id: string, countryCode: string, provinceCode: string | null, name: string, percentage: string, shippingTaxable: boolean, createdAt: string, updatedAt: string, shop: { id: string } | null } | null, userErrors: Array<{ code: TaxErrorCode, field: Array<string> | null, message: string }> } };

export type ViewerAddressCreateMutationVariables = Exact<{
  input: ViewerAddressCreateInput;
}>;


export type ViewerAddressCreateMutation = { viewerAddressCreate: { address: { id: string, isDefault: boolean, createdAt: string, updatedAt: string, address: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } } | null, userErrors: Array<{ code: AddressErrorCode, field: Array<string> | null, message: string }> } };

export type ViewerAddressDeleteMutationVariables = Exact<{
  input: ViewerAddressDeleteInput;
}>;


export type ViewerAddressDeleteMutation = { viewerAddressDelete: { deletedAddressId: string | null, userErrors: Array<{ code: AddressErrorCode, field: Array<string> | null, message: string }> } };

export type ViewerAddressUpdateMutationVariables = Exact<{
  input: ViewerAddressUpdateInput;
}>;


export type ViewerAddressUpdateMutation = { viewerAddressUpdate: { address: { id: string, isDefault: boolean, createdAt: string, updatedAt: string, address: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } } | null, userErrors: Array<{ code: AddressErrorCode, field: Array<string> | null, message: string }> } };

export type FeedQueryVariables = Exact<{
  kind: FeedKind;
  hashtag?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type FeedQuery = { feed: { kind: FeedKind, personalized: boolean, rankedAt: string | null, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } }> } };

export type RecommendedProductsQueryVariables = Exact<{
  productId?: string | number | null | undefined;
  forViewer?: boolean | null | undefined;
  first?: number | null | undefined;
}>;


export type RecommendedProductsQuery = { recommendedProducts: { basis: RecommendationBasis, personalized: boolean, products: Array<{ id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } }> } };

export type TrendingProductsQueryVariables = Exact<{
  window?: TrendingWindow | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type TrendingProductsQuery = { trendingProducts: { window: TrendingWindow, rankedAt: string, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } }> } };

export type AffiliateLinkFieldsFragment = { id: string, code: string, url: string, targetKind: AffiliateTargetKind, enabled: boolean, rate: number | null, rateLockedUntil: string | null, createdAt: string, postId: string | null, product: { id: string, handle: string, title: string } | null, shop: { id: string, handle: string, name: string }, creator: { id: string, handle: string, displayName: string | null } };

export type AffiliateProgramFieldsFragment = { id: string, access: AffiliateAccess, model: AttributionModel, defaultRate: number, attributionWindowSeconds: number, holdDays: number, updatedAt: string, productRates: Array<{ productId: string, rate: number }>, shop: { id: string, handle: string, name: string } };

export type AffiliateInvitationFieldsFragment = { id: string, status: AffiliateInvitationStatus, createdAt: string, creator: { id: string, handle: string, displayName: string | null }, program: { id: string, access: AffiliateAccess, model: AttributionModel, defaultRate: number, attributionWindowSeconds: number, holdDays: number, updatedAt: string, productRates: Array<{ productId: string, rate: number }>, shop: { id: string, handle: string, name: string } } };

export type AffiliateEarningsFieldsFragment = { currencyCode: CurrencyCode, pending: { amount: string, currencyCode: CurrencyCode }, payable: { amount: string, currencyCode: CurrencyCode }, paid: { amount: string, currencyCode: CurrencyCode } };

export type CommissionFieldsFragment = { id: string, status: CommissionStatus, rate: number, reversal: boolean, selfReferral: boolean, orderId: string, orderNumber: number, payableAt: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode }, revenue: { amount: string, currencyCode: CurrencyCode }, link: { id: string, code: string } };

export type CartFieldsFragment = { id: string, status: CartStatus, currencyCode: CurrencyCode | null, totalQuantity: number, createdAt: string, updatedAt: string, expiresAt: string, buyerIdentity: { email: string | null, countryCode: string | null }, discountCodes: Array<{ code: string, applicable: boolean, reason: DiscountCodeReason | null, amount: { amount: string, currencyCode: CurrencyCode } | null }>, cost: { subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, shipping: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, includedTax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode } } | null, deliveryAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, deliveryGroups: Array<{ requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null }>, lines: Array<{ id: string, quantity: number, livePriceApplied: boolean, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null }, cost: { taxIncluded: boolean, unitPrice: { amount: string, currencyCode: CurrencyCode }, regularUnitPrice: { amount: string, currencyCode: CurrencyCode }, subtotal: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } }, variant: { id: string, title: string, sku: string | null, availableForSale: boolean, quantityAvailable: number, product: { id: string, handle: string, title: string, shop: { id: string, name: string } } } | null }> };

export type ShopFieldsFragment = { id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean };

export type VariantFieldsFragment = { id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> };

export type ProductFieldsFragment = { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } };

export type ProductConnectionFieldsFragment = { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } } }> };

export type ProductFacetsFieldsFragment = { vendors: Array<{ value: string, count: number }>, productTypes: Array<{ value: string, count: number }>, options: Array<{ name: string, values: Array<{ value: string, count: number }> }>, priceRanges: Array<{ count: number, min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } | null }>, availability: { inStock: number, outOfStock: number } };

export type CollectionFieldsFragment = { id: string, handle: string, title: string, description: string, kind: CollectionKind, sortOrder: CollectionSortOrder, productsCount: number, ruleSet: { appliedDisjunctively: boolean, rules: Array<{ field: CollectionRuleField, relation: CollectionRuleRelation, value: string, optionName: string | null }> } | null };

export type OrderFieldsFragment = { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> };

export type FulfillmentFieldsFragment = { id: string, createdAt: string, tracking: { carrier: string | null, number: string | null, url: string | null } | null, lines: Array<{ quantity: number, line: { id: string } }> };

export type ReturnFieldsFragment = { id: string, status: ReturnStatus, reason: string, restock: boolean, declineReason: string | null, createdAt: string, decidedAt: string | null, lines: Array<{ quantity: number, line: { id: string } }>, refund: { status: RefundStatus, amount: { amount: string, currencyCode: CurrencyCode } } | null };

export type MoneyFieldsFragment = { amount: string, currencyCode: CurrencyCode };

export type PageInfoFieldsFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type AttributionFieldsFragment = { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null };

export type UserFieldsFragment = { id: string, handle: string, displayName: string | null, avatarUrl: string | null, isCreator: boolean, followerCount: number, followingCount: number, viewerIsFollowing: boolean };

export type ProductReviewFieldsFragment = { id: string, rating: number, title: string, body: string, variantTitle: string, createdAt: string, moderationStatus: ModerationStatus, media: Array<{ url: string }>, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null } | null, reply: { body: string, createdAt: string } | null };

export type PostCommentFieldsFragment = { id: string, body: string, createdAt: string, moderationStatus: ModerationStatus, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, products: Array<{ id: string, handle: string, title: string, priceRange: { min: { amount: string, currencyCode: CurrencyCode } } }> };

export type ModerationCaseFieldsFragment = { id: string, targetKind: ModerationTargetKind, status: ModerationCaseStatus, reportCount: number, lastReportedAt: string, decidedAt: string | null, note: string | null, post: { moderationStatus: ModerationStatus, id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> } | null, comment: { id: string, body: string, createdAt: string, moderationStatus: ModerationStatus, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, products: Array<{ id: string, handle: string, title: string, priceRange: { min: { amount: string, currencyCode: CurrencyCode } } }> } | null, review: { id: string, rating: number, title: string, body: string, variantTitle: string, createdAt: string, moderationStatus: ModerationStatus, media: Array<{ url: string }>, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null } | null, reply: { body: string, createdAt: string } | null } | null, liveSession: { id: string, title: string, status: LiveSessionStatus, moderationStatus: ModerationStatus } | null, product: { id: string, handle: string, title: string, moderationStatus: ModerationStatus } | null, reports: Array<{ reason: ContentReportReason, details: string, createdAt: string, reporter: { id: string, handle: string } }> };

export type ProductTagFieldsFragment = { id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null };

export type PostFieldsFragment = { id: string, caption: string, hashtags: Array<string>, visibility: PostVisibility, createdAt: string, likeCount: number, viewCount: number, shareCount: number, purchaseCount: number, commentCount: number, viewerHasLiked: boolean, author: { id: string, handle: string, displayName: string | null, avatarUrl: string | null }, shop: { id: string, handle: string, name: string } | null, media: { kind: MediaKind, url: string, posterUrl: string | null, width: number, height: number, durationMs: number | null }, productTags: Array<{ id: string, position: number, x: number, y: number, startMs: number | null, endMs: number | null, product: { id: string, handle: string, title: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, variants: Array<{ id: string, availableForSale: boolean }> }, variant: { id: string, title: string, availableForSale: boolean, price: { amount: string, currencyCode: CurrencyCode } } | null }> };

export type MailingAddressFieldsFragment = { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string };

export type BuyerAddressFieldsFragment = { id: string, isDefault: boolean, createdAt: string, updatedAt: string, address: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } };

export type DeliveryOptionFieldsFragment = { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } };

export type CartDeliveryGroupFieldsFragment = { requiresShipping: boolean, deliveryUnavailableReason: DeliveryUnavailableReason | null, shop: { id: string, name: string }, deliveryOptions: Array<{ handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } }>, selectedDeliveryOption: { handle: string, title: string, estimatedDays: { min: number, max: number }, cost: { amount: string, currencyCode: CurrencyCode } } | null };

export type ShippingZoneFieldsFragment = { id: string, name: string, countryCodes: Array<string>, provinceCodes: Array<string>, createdAt: string, updatedAt: string, rates: Array<{ handle: string, title: string, condition: ShippingRateCondition, price: { amount: string, currencyCode: CurrencyCode }, weightRange: { minGrams: number, maxGrams: number | null } | null, orderValueRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } | null } | null, freeAbove: { amount: string, currencyCode: CurrencyCode } | null, estimatedDays: { min: number, max: number } }> };

export type TaxRateFieldsFragment = { id: string, countryCode: string, provinceCode: string | null, name: string, percentage: string, shippingTaxable: boolean, createdAt: string, updatedAt: string, shop: { id: string } | null };

export type LiveSessionFieldsFragment = { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> };

export type WebhookEndpointFieldsFragment = { id: string, url: string, description: string, topics: Array<WebhookTopic>, enabled: boolean, signingSecret: string, createdAt: string, shop: { id: string, handle: string, name: string } | null };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'AffiliateInvitation', id: string }
    | { __typename: 'AffiliateLink', id: string }
    | { __typename: 'AffiliateProgram', id: string }
    | { __typename: 'BuyerAddress', id: string }
    | { __typename: 'Cart', id: string }
    | { __typename: 'CartLine', id: string }
    | { __typename: 'Collection', id: string }
    | { __typename: 'DiscountCode', id: string }
    | { __typename: 'Fulfillment', id: string }
    | { __typename: 'LivePinnedProduct', id: string }
    | { __typename: 'LiveSession', id: string }
    | { __typename: 'Media', id: string }
    | { __typename: 'ModerationCase', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderLine', id: string }
    | { __typename: 'Post', id: string }
    | { __typename: 'PostComment', id: string }
    | { __typename: 'Product', id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } }
    | { __typename: 'ProductOption', id: string }
    | { __typename: 'ProductReview', id: string }
    | { __typename: 'ProductTag', id: string }
    | { __typename: 'ProductVariant', id: string }
    | { __typename: 'Return', id: string }
    | { __typename: 'ShippingZone', id: string }
    | { __typename: 'Shop', id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean }
    | { __typename: 'TaxRate', id: string }
    | { __typename: 'User', id: string, handle: string, displayName: string | null, avatarUrl: string | null, isCreator: boolean, followerCount: number, followingCount: number, viewerIsFollowing: boolean }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
   | null };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { __typename: 'AffiliateInvitation', id: string }
    | { __typename: 'AffiliateLink', id: string }
    | { __typename: 'AffiliateProgram', id: string }
    | { __typename: 'BuyerAddress', id: string }
    | { __typename: 'Cart', id: string }
    | { __typename: 'CartLine', id: string }
    | { __typename: 'Collection', id: string }
    | { __typename: 'DiscountCode', id: string }
    | { __typename: 'Fulfillment', id: string }
    | { __typename: 'LivePinnedProduct', id: string }
    | { __typename: 'LiveSession', id: string }
    | { __typename: 'Media', id: string }
    | { __typename: 'ModerationCase', id: string }
    | { __typename: 'Order', id: string }
    | { __typename: 'OrderLine', id: string }
    | { __typename: 'Post', id: string }
    | { __typename: 'PostComment', id: string }
    | { __typename: 'Product', id: string, handle: string, title: string, description: string, vendor: string, productType: string, tags: Array<string>, status: ProductStatus, availableForSale: boolean, currencyCode: CurrencyCode, totalInventory: number | null, publishedAt: string | null, rating: { average: number | null, count: number }, priceRange: { min: { amount: string, currencyCode: CurrencyCode }, max: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ id: string, kind: MediaKind, url: string, alt: string, width: number | null, height: number | null, posterUrl: string | null }>, options: Array<{ id: string, name: string, values: Array<string> }>, variants: Array<{ id: string, title: string, sku: string | null, position: number, availableForSale: boolean, quantityAvailable: number, weightGrams: number, requiresShipping: boolean, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null, selectedOptions: Array<{ name: string, value: string }> }>, shop: { id: string, handle: string, name: string } }
    | { __typename: 'ProductOption', id: string }
    | { __typename: 'ProductReview', id: string }
    | { __typename: 'ProductTag', id: string }
    | { __typename: 'ProductVariant', id: string }
    | { __typename: 'Return', id: string }
    | { __typename: 'ShippingZone', id: string }
    | { __typename: 'Shop', id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean }
    | { __typename: 'TaxRate', id: string }
    | { __typename: 'User', id: string, handle: string, displayName: string | null, avatarUrl: string | null, isCreator: boolean, followerCount: number, followingCount: number, viewerIsFollowing: boolean }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
   | null> };

export type ViewerQueryVariables = Exact<{
  ordersFirst?: number | null | undefined;
  cartsFirst?: number | null | undefined;
  affiliateLinksFirst?: number | null | undefined;
}>;


export type ViewerQuery = { viewer: { roles: Array<Role>, apiKey: { kind: ApiKeyKind }, user: { email: string | null, id: string, handle: string, displayName: string | null, avatarUrl: string | null, isCreator: boolean, followerCount: number, followingCount: number, viewerIsFollowing: boolean } | null, consent: { personalization: boolean, analytics: boolean } | null, addresses: Array<{ id: string, isDefault: boolean, createdAt: string, updatedAt: string, address: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } }>, shops: Array<{ id: string, handle: string, name: string, description: string, currencyCode: CurrencyCode, logoUrl: string | null, followerCount: number, viewerIsFollowing: boolean, pricesIncludeTax: boolean, returnWindowDays: number, refundShippingOnReturn: boolean }>, carts: { edges: Array<{ node: { id: string, status: CartStatus, totalQuantity: number, updatedAt: string } }> }, orders: { pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, number: number, status: OrderStatus, fulfillmentStatus: OrderFulfillmentStatus, currencyCode: CurrencyCode, email: string | null, countryCode: string | null, discountCodes: Array<string>, createdAt: string, paidAt: string | null, fulfilledAt: string | null, cancelledAt: string | null, taxesIncluded: boolean, subtotal: { amount: string, currencyCode: CurrencyCode }, discountTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, refundedTotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, shippingAddress: { firstName: string | null, lastName: string, company: string | null, address1: string, address2: string | null, city: string, provinceCode: string | null, zip: string | null, countryCode: string, phone: string | null, formatted: string } | null, shippingLine: { handle: string, title: string, estimatedDays: { min: number, max: number }, price: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode } } | null, taxLines: Array<{ name: string, percentage: string, amount: { amount: string, currencyCode: CurrencyCode } }>, shop: { id: string, handle: string, name: string }, lines: Array<{ id: string, productId: string | null, productTitle: string, variantTitle: string, sku: string | null, quantity: number, refundedQuantity: number, fulfilledQuantity: number, returnedQuantity: number, review: { id: string, rating: number } | null, unitPrice: { amount: string, currencyCode: CurrencyCode }, discount: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, attribution: { postId: string | null, productTagId: string | null, affiliateCode: string | null, liveSessionId: string | null } }>, payments: Array<{ provider: string, status: PaymentStatus, amount: { amount: string, currencyCode: CurrencyCode }, refundedAmount: { amount: string, currencyCode: CurrencyCode } }>, refunds: Array<{ status: RefundStatus, restock: boolean, cancelsOrder: boolean, reason: string | null, createdAt: string, amount: { amount: string, currencyCode: CurrencyCode } }> } }> }, earnings: Array<{ currencyCode: CurrencyCode, pending: { amount: string, currencyCode: CurrencyCode }, payable: { amount: string, currencyCode: CurrencyCode }, paid: { amount: string, currencyCode: CurrencyCode } }>, affiliateLinks: { pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, code: string, url: string, targetKind: AffiliateTargetKind, enabled: boolean, rate: number | null, rateLockedUntil: string | null, createdAt: string, postId: string | null, product: { id: string, handle: string, title: string } | null, shop: { id: string, handle: string, name: string }, creator: { id: string, handle: string, displayName: string | null } } }> }, affiliateInvitations: Array<{ id: string, status: AffiliateInvitationStatus, createdAt: string, creator: { id: string, handle: string, displayName: string | null }, program: { id: string, access: AffiliateAccess, model: AttributionModel, defaultRate: number, attributionWindowSeconds: number, holdDays: number, updatedAt: string, productRates: Array<{ productId: string, rate: number }>, shop: { id: string, handle: string, name: string } } }> } };

export type LiveSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type LiveSessionQuery = { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null };

export type LiveSessionCancelMutationVariables = Exact<{
  input: LiveSessionCancelInput;
}>;


export type LiveSessionCancelMutation = { liveSessionCancel: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionEndMutationVariables = Exact<{
  input: LiveSessionEndInput;
}>;


export type LiveSessionEndMutation = { liveSessionEnd: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionEventsSubscriptionVariables = Exact<{
  liveSessionId: string | number;
  withCurrentState?: boolean | null | undefined;
}>;


export type LiveSessionEventsSubscription = { liveSessionEvents: { kind: LiveSessionEventKind, liveSessionId: string, occurredAt: string | null, status: LiveSessionStatus | null, viewerCount: number | null, refetch: boolean, pinnedProduct: { pinnedProductId: string, productId: string, variantId: string | null, quantityCap: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null } | null } };

export type LiveSessionJoinMutationVariables = Exact<{
  input: LiveSessionJoinInput;
}>;


export type LiveSessionJoinMutation = { liveSessionJoin: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionLeaveMutationVariables = Exact<{
  input: LiveSessionLeaveInput;
}>;


export type LiveSessionLeaveMutation = { liveSessionLeave: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionPinProductMutationVariables = Exact<{
  input: LiveSessionPinProductInput;
}>;


export type LiveSessionPinProductMutation = { liveSessionPinProduct: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionScheduleMutationVariables = Exact<{
  input: LiveSessionScheduleInput;
}>;


export type LiveSessionScheduleMutation = { liveSessionSchedule: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionStartMutationVariables = Exact<{
  input: LiveSessionStartInput;
}>;


export type LiveSessionStartMutation = { liveSessionStart: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionUnpinProductMutationVariables = Exact<{
  input: LiveSessionUnpinProductInput;
}>;


export type LiveSessionUnpinProductMutation = { liveSessionUnpinProduct: { liveSession: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } | null, userErrors: Array<{ code: LiveErrorCode, field: Array<string> | null, message: string }> } };

export type LiveSessionsQueryVariables = Exact<{
  status: LiveSessionStatus;
  hostId?: string | number | null | undefined;
  shopId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type LiveSessionsQuery = { liveSessions: { pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, playbackUrl: string | null, status: LiveSessionStatus, scheduledAt: string, startedAt: string | null, endedAt: string | null, viewerCount: number, peakViewerCount: number, replayPostId: string | null, host: { id: string, handle: string, displayName: string | null }, shop: { id: string, handle: string, name: string } | null, pinnedProducts: Array<{ id: string, pinnedAt: string, livePriceActive: boolean, quantityCap: number | null, quantitySold: number, remaining: number | null, livePrice: { amount: string, currencyCode: CurrencyCode } | null, product: { id: string, handle: string, title: string }, variant: { id: string, title: string } | null }> } }> } };

export type ViewerConsentUpdateMutationVariables = Exact<{
  input: ViewerConsentUpdateInput;
}>;


export type ViewerConsentUpdateMutation = { viewerConsentUpdate: { consent: { personalization: boolean, analytics: boolean } | null, userErrors: Array<{ code: PrivacyErrorCode, field: Array<string> | null, message: string }> } };

export type ViewerDataExportMutationVariables = Exact<{
  input?: ViewerDataExportInput | null | undefined;
}>;


export type ViewerDataExportMutation = { viewerDataExport: { data: unknown, userErrors: Array<{ code: PrivacyErrorCode, field: Array<string> | null, message: string }> } };

export type ViewerEraseMutationVariables = Exact<{
  input: ViewerEraseInput;
}>;


export type ViewerEraseMutation = { viewerErase: { erasedAt: string | null, userErrors: Array<{ code: PrivacyErrorCode, field: Array<string> | null, message: string }> } };

export type PredictiveSearchQueryVariables = Exact<{
  query: string;
  limit?: number | null | undefined;
  types?: Array<PredictiveSearchType> | PredictiveSearchType | null | undefined;
}>;


export type PredictiveSearchQuery = { predictiveSearch: { products: Array<{ id: string, handle: string, title: string, vendor: string, availableForSale: boolean, priceRange: { min: { amount: string, currencyCode: CurrencyCode } }, media: Array<{ url: string, alt: string, kind: MediaKind, posterUrl: string | null }> }>, shops: Array<{ id: string, handle: string, name: string, logoUrl: string | null }>, creators: Array<{ id: string, handle: string, displayName: string | null, avatarUrl: string | null, followerCount: number }>, hashtags: Array<{ tag: string, postCount: number }>, posts: Array<{ id: string, caption: string, media: { kind: MediaKind, url: string, posterUrl: string | null }, author: { id: string, handle: string } }> } };

export type PlatformWebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformWebhookEndpointsQuery = { platformWebhookEndpoints: Array<{ id: string, url: string, description: string, topics: Array<WebhookTopic>, enabled: boolean, signingSecret: string, createdAt: string, shop: { id: string, handle: string, name: string } | null }> };

export type WebhookEndpointCreateMutationVariables = Exact<{
  input: WebhookEndpointCreateInput;
}>;


export type WebhookEndpointCreateMutation = { webhookEndpointCreate: { webhookEndpoint: { id: string, url: string, description: string, topics: Array<WebhookTopic>, enabled: boolean, signingSecret: string, createdAt: string, shop: { id: string, handle: string, name: string } | null } | null, userErrors: Array<{ code: WebhookErrorCode, field: Array<string> | null, message: string }> } };

export type WebhookEndpointDeleteMutationVariables = Exact<{
  input: WebhookEndpointDeleteInput;
}>;


export type WebhookEndpointDeleteMutation = { webhookEndpointDelete: { deletedWebhookEndpointId: string | null, userErrors: Array<{ code: WebhookErrorCode, field: Array<string> | null, message: string }> } };

export type WebhookEndpointUpdateMutationVariables = Exact<{
  input: WebhookEndpointUpdateInput;
}>;


export type WebhookEndpointUpdateMutation = { webhookEndpointUpdate: { webhookEndpoint: { id: string, url: string, description: string, topics: Array<WebhookTopic>, enabled: boolean, signingSecret: string, createdAt: string, shop: { id: string, handle: string, name: string } | null } | null, userErrors: Array<{ code: WebhookErrorCode, field: Array<string> | null, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AffiliateLinkFieldsFragmentDoc = new TypedDocumentString(`
    fragment AffiliateLinkFields on AffiliateLink {
  id
  code
  url
  targetKind
  enabled
  rate
  rateLockedUntil
  createdAt
  postId
  product {
    id
    handle
    title
  }
  shop {
    id
    handle
    name
  }
  creator {
    id
    handle
    displayName
  }
}
    `, {"fragmentName":"AffiliateLinkFields"}) as unknown as TypedDocumentString<AffiliateLinkFieldsFragment, unknown>;
export const AffiliateProgramFieldsFragmentDoc = new TypedDocumentString(`
    fragment AffiliateProgramFields on AffiliateProgram {
  id
  access
  model
  defaultRate
  attributionWindowSeconds
  holdDays
  updatedAt
  productRates {
    productId
    rate
  }
  shop {
    id
    handle
    name
  }
}
    `, {"fragmentName":"AffiliateProgramFields"}) as unknown as TypedDocumentString<AffiliateProgramFieldsFragment, unknown>;
export const AffiliateInvitationFieldsFragmentDoc = new TypedDocumentString(`
    fragment AffiliateInvitationFields on AffiliateInvitation {
  id
  status
  createdAt
  creator {
    id
    handle
    displayName
  }
  program {
    ...AffiliateProgramFields
  }
}
    fragment AffiliateProgramFields on AffiliateProgram {
  id
  access
  model
  defaultRate
  attributionWindowSeconds
  holdDays
  updatedAt
  productRates {
    productId
    rate
  }
  shop {
    id
    handle
    name
  }
}`, {"fragmentName":"AffiliateInvitationFields"}) as unknown as TypedDocumentString<AffiliateInvitationFieldsFragment, unknown>;
export const MoneyFieldsFragmentDoc = new TypedDocumentString(`
    fragment MoneyFields on Money {
  amount
  currencyCode
}
    `, {"fragmentName":"MoneyFields"}) as unknown as TypedDocumentString<MoneyFieldsFragment, unknown>;
export const AffiliateEarningsFieldsFragmentDoc = new TypedDocumentString(`
    fragment AffiliateEarningsFields on AffiliateEarnings {
  currencyCode
  pending {
    ...MoneyFields
  }
  payable {
    ...MoneyFields
  }
  paid {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"AffiliateEarningsFields"}) as unknown as TypedDocumentString<AffiliateEarningsFieldsFragment, unknown>;
export const CommissionFieldsFragmentDoc = new TypedDocumentString(`
    fragment CommissionFields on Commission {
  id
  status
  rate
  reversal
  selfReferral
  orderId
  orderNumber
  payableAt
  createdAt
  amount {
    ...MoneyFields
  }
  revenue {
    ...MoneyFields
  }
  link {
    id
    code
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"CommissionFields"}) as unknown as TypedDocumentString<CommissionFieldsFragment, unknown>;
export const MailingAddressFieldsFragmentDoc = new TypedDocumentString(`
    fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
    `, {"fragmentName":"MailingAddressFields"}) as unknown as TypedDocumentString<MailingAddressFieldsFragment, unknown>;
export const DeliveryOptionFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"DeliveryOptionFields"}) as unknown as TypedDocumentString<DeliveryOptionFieldsFragment, unknown>;
export const CartDeliveryGroupFieldsFragmentDoc = new TypedDocumentString(`
    fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}`, {"fragmentName":"CartDeliveryGroupFields"}) as unknown as TypedDocumentString<CartDeliveryGroupFieldsFragment, unknown>;
export const AttributionFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
    `, {"fragmentName":"AttributionFields"}) as unknown as TypedDocumentString<AttributionFieldsFragment, unknown>;
export const CartFieldsFragmentDoc = new TypedDocumentString(`
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`, {"fragmentName":"CartFields"}) as unknown as TypedDocumentString<CartFieldsFragment, unknown>;
export const ShopFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
    `, {"fragmentName":"ShopFields"}) as unknown as TypedDocumentString<ShopFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const VariantFieldsFragmentDoc = new TypedDocumentString(`
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"VariantFields"}) as unknown as TypedDocumentString<VariantFieldsFragment, unknown>;
export const ProductFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"ProductFields"}) as unknown as TypedDocumentString<ProductFieldsFragment, unknown>;
export const ProductConnectionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductConnectionFields on ProductConnection {
  totalCount
  pageInfo {
    ...PageInfoFields
  }
  edges {
    cursor
    node {
      ...ProductFields
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`, {"fragmentName":"ProductConnectionFields"}) as unknown as TypedDocumentString<ProductConnectionFieldsFragment, unknown>;
export const ProductFacetsFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductFacetsFields on ProductFacets {
  vendors {
    value
    count
  }
  productTypes {
    value
    count
  }
  options {
    name
    values {
      value
      count
    }
  }
  priceRanges {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
    count
  }
  availability {
    inStock
    outOfStock
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"ProductFacetsFields"}) as unknown as TypedDocumentString<ProductFacetsFieldsFragment, unknown>;
export const CollectionFieldsFragmentDoc = new TypedDocumentString(`
    fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}
    `, {"fragmentName":"CollectionFields"}) as unknown as TypedDocumentString<CollectionFieldsFragment, unknown>;
export const OrderFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`, {"fragmentName":"OrderFields"}) as unknown as TypedDocumentString<OrderFieldsFragment, unknown>;
export const FulfillmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment FulfillmentFields on Fulfillment {
  id
  createdAt
  tracking {
    carrier
    number
    url
  }
  lines {
    quantity
    line {
      id
    }
  }
}
    `, {"fragmentName":"FulfillmentFields"}) as unknown as TypedDocumentString<FulfillmentFieldsFragment, unknown>;
export const ReturnFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReturnFields on Return {
  id
  status
  reason
  restock
  declineReason
  createdAt
  decidedAt
  lines {
    quantity
    line {
      id
    }
  }
  refund {
    status
    amount {
      ...MoneyFields
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"ReturnFields"}) as unknown as TypedDocumentString<ReturnFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  handle
  displayName
  avatarUrl
  isCreator
  followerCount
  followingCount
  viewerIsFollowing
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const ProductTagFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"ProductTagFields"}) as unknown as TypedDocumentString<ProductTagFieldsFragment, unknown>;
export const PostFieldsFragmentDoc = new TypedDocumentString(`
    fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}`, {"fragmentName":"PostFields"}) as unknown as TypedDocumentString<PostFieldsFragment, unknown>;
export const PostCommentFieldsFragmentDoc = new TypedDocumentString(`
    fragment PostCommentFields on PostComment {
  id
  body
  createdAt
  moderationStatus
  author {
    id
    handle
    displayName
    avatarUrl
  }
  products {
    id
    handle
    title
    priceRange {
      min {
        ...MoneyFields
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"PostCommentFields"}) as unknown as TypedDocumentString<PostCommentFieldsFragment, unknown>;
export const ProductReviewFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductReviewFields on ProductReview {
  id
  rating
  title
  body
  variantTitle
  createdAt
  media {
    url
  }
  author {
    id
    handle
    displayName
    avatarUrl
  }
  reply {
    body
    createdAt
  }
  moderationStatus
}
    `, {"fragmentName":"ProductReviewFields"}) as unknown as TypedDocumentString<ProductReviewFieldsFragment, unknown>;
export const ModerationCaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment ModerationCaseFields on ModerationCase {
  id
  targetKind
  status
  reportCount
  lastReportedAt
  decidedAt
  note
  post {
    ...PostFields
    moderationStatus
  }
  comment {
    ...PostCommentFields
  }
  review {
    ...ProductReviewFields
  }
  liveSession {
    id
    title
    status
    moderationStatus
  }
  product {
    id
    handle
    title
    moderationStatus
  }
  reports {
    reason
    details
    createdAt
    reporter {
      id
      handle
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductReviewFields on ProductReview {
  id
  rating
  title
  body
  variantTitle
  createdAt
  media {
    url
  }
  author {
    id
    handle
    displayName
    avatarUrl
  }
  reply {
    body
    createdAt
  }
  moderationStatus
}
fragment PostCommentFields on PostComment {
  id
  body
  createdAt
  moderationStatus
  author {
    id
    handle
    displayName
    avatarUrl
  }
  products {
    id
    handle
    title
    priceRange {
      min {
        ...MoneyFields
      }
    }
  }
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`, {"fragmentName":"ModerationCaseFields"}) as unknown as TypedDocumentString<ModerationCaseFieldsFragment, unknown>;
export const BuyerAddressFieldsFragmentDoc = new TypedDocumentString(`
    fragment BuyerAddressFields on BuyerAddress {
  id
  isDefault
  createdAt
  updatedAt
  address {
    ...MailingAddressFields
  }
}
    fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`, {"fragmentName":"BuyerAddressFields"}) as unknown as TypedDocumentString<BuyerAddressFieldsFragment, unknown>;
export const ShippingZoneFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShippingZoneFields on ShippingZone {
  id
  name
  countryCodes
  provinceCodes
  createdAt
  updatedAt
  rates {
    handle
    title
    condition
    price {
      ...MoneyFields
    }
    weightRange {
      minGrams
      maxGrams
    }
    orderValueRange {
      min {
        ...MoneyFields
      }
      max {
        ...MoneyFields
      }
    }
    freeAbove {
      ...MoneyFields
    }
    estimatedDays {
      min
      max
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"ShippingZoneFields"}) as unknown as TypedDocumentString<ShippingZoneFieldsFragment, unknown>;
export const TaxRateFieldsFragmentDoc = new TypedDocumentString(`
    fragment TaxRateFields on TaxRate {
  id
  countryCode
  provinceCode
  name
  percentage
  shippingTaxable
  createdAt
  updatedAt
  shop {
    id
  }
}
    `, {"fragmentName":"TaxRateFields"}) as unknown as TypedDocumentString<TaxRateFieldsFragment, unknown>;
export const LiveSessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`, {"fragmentName":"LiveSessionFields"}) as unknown as TypedDocumentString<LiveSessionFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  topics
  enabled
  signingSecret
  createdAt
  shop {
    id
    handle
    name
  }
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const AffiliateInvitationAcceptDocument = new TypedDocumentString(`
    mutation AffiliateInvitationAccept($input: AffiliateInvitationAnswerInput!) {
  affiliateInvitationAccept(input: $input) {
    invitation {
      ...AffiliateInvitationFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment AffiliateProgramFields on AffiliateProgram {
  id
  access
  model
  defaultRate
  attributionWindowSeconds
  holdDays
  updatedAt
  productRates {
    productId
    rate
  }
  shop {
    id
    handle
    name
  }
}
fragment AffiliateInvitationFields on AffiliateInvitation {
  id
  status
  createdAt
  creator {
    id
    handle
    displayName
  }
  program {
    ...AffiliateProgramFields
  }
}`) as unknown as TypedDocumentString<AffiliateInvitationAcceptMutation, AffiliateInvitationAcceptMutationVariables>;
export const AffiliateInvitationDeclineDocument = new TypedDocumentString(`
    mutation AffiliateInvitationDecline($input: AffiliateInvitationAnswerInput!) {
  affiliateInvitationDecline(input: $input) {
    invitation {
      ...AffiliateInvitationFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment AffiliateProgramFields on AffiliateProgram {
  id
  access
  model
  defaultRate
  attributionWindowSeconds
  holdDays
  updatedAt
  productRates {
    productId
    rate
  }
  shop {
    id
    handle
    name
  }
}
fragment AffiliateInvitationFields on AffiliateInvitation {
  id
  status
  createdAt
  creator {
    id
    handle
    displayName
  }
  program {
    ...AffiliateProgramFields
  }
}`) as unknown as TypedDocumentString<AffiliateInvitationDeclineMutation, AffiliateInvitationDeclineMutationVariables>;
export const AffiliateInviteDocument = new TypedDocumentString(`
    mutation AffiliateInvite($input: AffiliateInviteInput!) {
  affiliateInvite(input: $input) {
    invitation {
      ...AffiliateInvitationFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment AffiliateProgramFields on AffiliateProgram {
  id
  access
  model
  defaultRate
  attributionWindowSeconds
  holdDays
  updatedAt
  productRates {
    productId
    rate
  }
  shop {
    id
    handle
    name
  }
}
fragment AffiliateInvitationFields on AffiliateInvitation {
  id
  status
  createdAt
  creator {
    id
    handle
    displayName
  }
  program {
    ...AffiliateProgramFields
  }
}`) as unknown as TypedDocumentString<AffiliateInviteMutation, AffiliateInviteMutationVariables>;
export const AffiliateLinkDocument = new TypedDocumentString(`
    query AffiliateLink($code: String!) {
  affiliateLink(code: $code) {
    ...AffiliateLinkFields
  }
}
    fragment AffiliateLinkFields on AffiliateLink {
  id
  code
  url
  targetKind
  enabled
  rate
  rateLockedUntil
  createdAt
  postId
  product {
    id
    handle
    title
  }
  shop {
    id
    handle
    name
  }
  creator {
    id
    handle
    displayName
  }
}`) as unknown as TypedDocumentString<AffiliateLinkQuery, AffiliateLinkQueryVariables>;
export const AffiliateLinkCreateDocument = new TypedDocumentString(`
    mutation AffiliateLinkCreate($input: AffiliateLinkCreateInput!) {
  affiliateLinkCreate(input: $input) {
    affiliateLink {
      ...AffiliateLinkFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment AffiliateLinkFields on AffiliateLink {
  id
  code
  url
  targetKind
  enabled
  rate
  rateLockedUntil
  createdAt
  postId
  product {
    id
    handle
    title
  }
  shop {
    id
    handle
    name
  }
  creator {
    id
    handle
    displayName
  }
}`) as unknown as TypedDocumentString<AffiliateLinkCreateMutation, AffiliateLinkCreateMutationVariables>;
export const AffiliatePayoutDocument = new TypedDocumentString(`
    mutation AffiliatePayout($input: AffiliatePayoutInput!) {
  affiliatePayout(input: $input) {
    payouts {
      id
      commissionCount
      createdAt
      amount {
        ...MoneyFields
      }
      creator {
        id
        handle
      }
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<AffiliatePayoutMutation, AffiliatePayoutMutationVariables>;
export const AffiliateProgramUpsertDocument = new TypedDocumentString(`
    mutation AffiliateProgramUpsert($input: AffiliateProgramUpsertInput!) {
  affiliateProgramUpsert(input: $input) {
    affiliateProgram {
      ...AffiliateProgramFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment AffiliateProgramFields on AffiliateProgram {
  id
  access
  model
  defaultRate
  attributionWindowSeconds
  holdDays
  updatedAt
  productRates {
    productId
    rate
  }
  shop {
    id
    handle
    name
  }
}`) as unknown as TypedDocumentString<AffiliateProgramUpsertMutation, AffiliateProgramUpsertMutationVariables>;
export const CommissionEventsDocument = new TypedDocumentString(`
    subscription CommissionEvents($withCurrentState: Boolean) {
  commissionEvents(withCurrentState: $withCurrentState) {
    kind
    refetch
    commissions {
      ...CommissionFields
    }
  }
}
    fragment CommissionFields on Commission {
  id
  status
  rate
  reversal
  selfReferral
  orderId
  orderNumber
  payableAt
  createdAt
  amount {
    ...MoneyFields
  }
  revenue {
    ...MoneyFields
  }
  link {
    id
    code
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<CommissionEventsSubscription, CommissionEventsSubscriptionVariables>;
export const CartDocument = new TypedDocumentString(`
    query Cart($id: ID!) {
  cart(id: $id) {
    ...CartFields
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartQuery, CartQueryVariables>;
export const CartBuyerIdentityUpdateDocument = new TypedDocumentString(`
    mutation CartBuyerIdentityUpdate($input: CartBuyerIdentityUpdateInput!) {
  cartBuyerIdentityUpdate(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartBuyerIdentityUpdateMutation, CartBuyerIdentityUpdateMutationVariables>;
export const CartCreateDocument = new TypedDocumentString(`
    mutation CartCreate($input: CartCreateInput) {
  cartCreate(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartCreateMutation, CartCreateMutationVariables>;
export const CartDeliveryAddressUpdateDocument = new TypedDocumentString(`
    mutation CartDeliveryAddressUpdate($input: CartDeliveryAddressUpdateInput!) {
  cartDeliveryAddressUpdate(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartDeliveryAddressUpdateMutation, CartDeliveryAddressUpdateMutationVariables>;
export const CartDiscountCodesUpdateDocument = new TypedDocumentString(`
    mutation CartDiscountCodesUpdate($input: CartDiscountCodesUpdateInput!) {
  cartDiscountCodesUpdate(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartDiscountCodesUpdateMutation, CartDiscountCodesUpdateMutationVariables>;
export const CartLinesAddDocument = new TypedDocumentString(`
    mutation CartLinesAdd($input: CartLinesAddInput!) {
  cartLinesAdd(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartLinesAddMutation, CartLinesAddMutationVariables>;
export const CartLinesRemoveDocument = new TypedDocumentString(`
    mutation CartLinesRemove($input: CartLinesRemoveInput!) {
  cartLinesRemove(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartLinesRemoveMutation, CartLinesRemoveMutationVariables>;
export const CartLinesUpdateDocument = new TypedDocumentString(`
    mutation CartLinesUpdate($input: CartLinesUpdateInput!) {
  cartLinesUpdate(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartLinesUpdateMutation, CartLinesUpdateMutationVariables>;
export const CartSelectedDeliveryOptionsUpdateDocument = new TypedDocumentString(`
    mutation CartSelectedDeliveryOptionsUpdate($input: CartSelectedDeliveryOptionsUpdateInput!) {
  cartSelectedDeliveryOptionsUpdate(input: $input) {
    cart {
      ...CartFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartSelectedDeliveryOptionsUpdateMutation, CartSelectedDeliveryOptionsUpdateMutationVariables>;
export const CartUpdatedDocument = new TypedDocumentString(`
    subscription CartUpdated($cartId: ID!, $withCurrentState: Boolean) {
  cartUpdated(cartId: $cartId, withCurrentState: $withCurrentState) {
    refetch
    cart {
      ...CartFields
    }
  }
}
    fragment CartFields on Cart {
  id
  status
  currencyCode
  totalQuantity
  createdAt
  updatedAt
  expiresAt
  buyerIdentity {
    email
    countryCode
  }
  discountCodes {
    code
    applicable
    reason
    amount {
      ...MoneyFields
    }
  }
  cost {
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    shipping {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    includedTax {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
  deliveryAddress {
    ...MailingAddressFields
  }
  deliveryGroups {
    ...CartDeliveryGroupFields
  }
  lines {
    id
    quantity
    livePriceApplied
    attribution {
      ...AttributionFields
    }
    cost {
      unitPrice {
        ...MoneyFields
      }
      regularUnitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
      discount {
        ...MoneyFields
      }
      total {
        ...MoneyFields
      }
      tax {
        ...MoneyFields
      }
      taxIncluded
    }
    variant {
      id
      title
      sku
      availableForSale
      quantityAvailable
      product {
        id
        handle
        title
        shop {
          id
          name
        }
      }
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment DeliveryOptionFields on CartDeliveryOption {
  handle
  title
  estimatedDays {
    min
    max
  }
  cost {
    ...MoneyFields
  }
}
fragment CartDeliveryGroupFields on CartDeliveryGroup {
  shop {
    id
    name
  }
  requiresShipping
  deliveryUnavailableReason
  deliveryOptions {
    ...DeliveryOptionFields
  }
  selectedDeliveryOption {
    ...DeliveryOptionFields
  }
}`) as unknown as TypedDocumentString<CartUpdatedSubscription, CartUpdatedSubscriptionVariables>;
export const DiscountCodeCreateDocument = new TypedDocumentString(`
    mutation DiscountCodeCreate($input: DiscountCodeCreateInput!) {
  discountCodeCreate(input: $input) {
    discountCode {
      id
      code
      kind
      percentage
      amount {
        ...MoneyFields
      }
      usageLimit
      usageCount
      startsAt
      endsAt
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<DiscountCodeCreateMutation, DiscountCodeCreateMutationVariables>;
export const CollectionDocument = new TypedDocumentString(`
    query Collection($handle: String!, $first: Int = 20, $after: String, $sortKey: ProductSortKey, $reverse: Boolean = false) {
  collection(handle: $handle) {
    ...CollectionFields
    shop {
      id
      handle
      name
    }
    products(first: $first, after: $after, sortKey: $sortKey, reverse: $reverse) {
      ...ProductConnectionFields
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment ProductConnectionFields on ProductConnection {
  totalCount
  pageInfo {
    ...PageInfoFields
  }
  edges {
    cursor
    node {
      ...ProductFields
    }
  }
}
fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<CollectionQuery, CollectionQueryVariables>;
export const CollectionCreateDocument = new TypedDocumentString(`
    mutation CollectionCreate($input: CollectionCreateInput!) {
  collectionCreate(input: $input) {
    collection {
      ...CollectionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}`) as unknown as TypedDocumentString<CollectionCreateMutation, CollectionCreateMutationVariables>;
export const CollectionDeleteDocument = new TypedDocumentString(`
    mutation CollectionDelete($input: CollectionDeleteInput!) {
  collectionDelete(input: $input) {
    deletedCollectionId
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CollectionDeleteMutation, CollectionDeleteMutationVariables>;
export const CollectionProductsAddDocument = new TypedDocumentString(`
    mutation CollectionProductsAdd($input: CollectionProductsInput!) {
  collectionProductsAdd(input: $input) {
    collection {
      ...CollectionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}`) as unknown as TypedDocumentString<CollectionProductsAddMutation, CollectionProductsAddMutationVariables>;
export const CollectionProductsRemoveDocument = new TypedDocumentString(`
    mutation CollectionProductsRemove($input: CollectionProductsInput!) {
  collectionProductsRemove(input: $input) {
    collection {
      ...CollectionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}`) as unknown as TypedDocumentString<CollectionProductsRemoveMutation, CollectionProductsRemoveMutationVariables>;
export const CollectionProductsReorderDocument = new TypedDocumentString(`
    mutation CollectionProductsReorder($input: CollectionProductsReorderInput!) {
  collectionProductsReorder(input: $input) {
    collection {
      ...CollectionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}`) as unknown as TypedDocumentString<CollectionProductsReorderMutation, CollectionProductsReorderMutationVariables>;
export const CollectionUpdateDocument = new TypedDocumentString(`
    mutation CollectionUpdate($input: CollectionUpdateInput!) {
  collectionUpdate(input: $input) {
    collection {
      ...CollectionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}`) as unknown as TypedDocumentString<CollectionUpdateMutation, CollectionUpdateMutationVariables>;
export const CollectionsDocument = new TypedDocumentString(`
    query Collections($shopId: ID, $first: Int, $after: String, $last: Int, $before: String) {
  collections(
    shopId: $shopId
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollectionFields
      }
    }
  }
}
    fragment CollectionFields on Collection {
  id
  handle
  title
  description
  kind
  sortOrder
  ruleSet {
    appliedDisjunctively
    rules {
      field
      relation
      value
      optionName
    }
  }
  productsCount
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<CollectionsQuery, CollectionsQueryVariables>;
export const InventoryAdjustDocument = new TypedDocumentString(`
    mutation InventoryAdjust($input: InventoryAdjustInput!) {
  inventoryAdjust(input: $input) {
    variant {
      ...VariantFields
      product {
        id
        totalInventory
      }
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<InventoryAdjustMutation, InventoryAdjustMutationVariables>;
export const InventoryChangedDocument = new TypedDocumentString(`
    subscription InventoryChanged($productId: ID!, $withCurrentState: Boolean) {
  inventoryChanged(productId: $productId, withCurrentState: $withCurrentState) {
    refetch
    product {
      id
      availableForSale
      totalInventory
      variants {
        id
        availableForSale
        quantityAvailable
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InventoryChangedSubscription, InventoryChangedSubscriptionVariables>;
export const ProductDocument = new TypedDocumentString(`
    query Product($id: ID, $handle: String) {
  product(id: $id, handle: $handle) {
    ...ProductFields
    socialProof {
      purchasesLast24h
      postCount
      likeCount
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductQuery, ProductQueryVariables>;
export const ProductArchiveDocument = new TypedDocumentString(`
    mutation ProductArchive($input: ProductArchiveInput!) {
  productArchive(input: $input) {
    product {
      ...ProductFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductArchiveMutation, ProductArchiveMutationVariables>;
export const ProductCreateDocument = new TypedDocumentString(`
    mutation ProductCreate($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product {
      ...ProductFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductCreateMutation, ProductCreateMutationVariables>;
export const ProductOptionUpdateDocument = new TypedDocumentString(`
    mutation ProductOptionUpdate($input: ProductOptionUpdateInput!) {
  productOptionUpdate(input: $input) {
    product {
      ...ProductFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductOptionUpdateMutation, ProductOptionUpdateMutationVariables>;
export const ProductOptionsCreateDocument = new TypedDocumentString(`
    mutation ProductOptionsCreate($input: ProductOptionsCreateInput!) {
  productOptionsCreate(input: $input) {
    product {
      ...ProductFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductOptionsCreateMutation, ProductOptionsCreateMutationVariables>;
export const ProductOptionsDeleteDocument = new TypedDocumentString(`
    mutation ProductOptionsDelete($input: ProductOptionsDeleteInput!) {
  productOptionsDelete(input: $input) {
    product {
      ...ProductFields
    }
    deletedOptionIds
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductOptionsDeleteMutation, ProductOptionsDeleteMutationVariables>;
export const ProductUpdateDocument = new TypedDocumentString(`
    mutation ProductUpdate($input: ProductUpdateInput!) {
  productUpdate(input: $input) {
    product {
      ...ProductFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductUpdateMutation, ProductUpdateMutationVariables>;
export const ProductVariantsCreateDocument = new TypedDocumentString(`
    mutation ProductVariantsCreate($input: ProductVariantsCreateInput!) {
  productVariantsCreate(input: $input) {
    product {
      ...ProductFields
    }
    variants {
      ...VariantFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductVariantsCreateMutation, ProductVariantsCreateMutationVariables>;
export const ProductVariantsDeleteDocument = new TypedDocumentString(`
    mutation ProductVariantsDelete($input: ProductVariantsDeleteInput!) {
  productVariantsDelete(input: $input) {
    product {
      ...ProductFields
    }
    deletedVariantIds
    userErrors {
      code
      field
      message
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ProductVariantsDeleteMutation, ProductVariantsDeleteMutationVariables>;
export const ProductsDocument = new TypedDocumentString(`
    query Products($query: String, $filter: ProductFilter, $sortKey: ProductSortKey, $reverse: Boolean, $first: Int, $after: String, $last: Int, $before: String, $withFacets: Boolean = false) {
  products(
    query: $query
    filter: $filter
    sortKey: $sortKey
    reverse: $reverse
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    ...ProductConnectionFields
    facets @include(if: $withFacets) {
      ...ProductFacetsFields
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment ProductConnectionFields on ProductConnection {
  totalCount
  pageInfo {
    ...PageInfoFields
  }
  edges {
    cursor
    node {
      ...ProductFields
    }
  }
}
fragment ProductFacetsFields on ProductFacets {
  vendors {
    value
    count
  }
  productTypes {
    value
    count
  }
  options {
    name
    values {
      value
      count
    }
  }
  priceRanges {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
    count
  }
  availability {
    inStock
    outOfStock
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<ProductsQuery, ProductsQueryVariables>;
export const ShopDocument = new TypedDocumentString(`
    query Shop($handle: String!, $productsFirst: Int = 20) {
  shop(handle: $handle) {
    ...ShopFields
    shippingZones {
      ...ShippingZoneFields
    }
    taxRates {
      ...TaxRateFields
    }
    products(first: $productsFirst) {
      ...ProductConnectionFields
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment ProductConnectionFields on ProductConnection {
  totalCount
  pageInfo {
    ...PageInfoFields
  }
  edges {
    cursor
    node {
      ...ProductFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ShippingZoneFields on ShippingZone {
  id
  name
  countryCodes
  provinceCodes
  createdAt
  updatedAt
  rates {
    handle
    title
    condition
    price {
      ...MoneyFields
    }
    weightRange {
      minGrams
      maxGrams
    }
    orderValueRange {
      min {
        ...MoneyFields
      }
      max {
        ...MoneyFields
      }
    }
    freeAbove {
      ...MoneyFields
    }
    estimatedDays {
      min
      max
    }
  }
}
fragment TaxRateFields on TaxRate {
  id
  countryCode
  provinceCode
  name
  percentage
  shippingTaxable
  createdAt
  updatedAt
  shop {
    id
  }
}`) as unknown as TypedDocumentString<ShopQuery, ShopQueryVariables>;
export const ShopCreateDocument = new TypedDocumentString(`
    mutation ShopCreate($input: ShopCreateInput!) {
  shopCreate(input: $input) {
    shop {
      ...ShopFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}`) as unknown as TypedDocumentString<ShopCreateMutation, ShopCreateMutationVariables>;
export const ShopUpdateDocument = new TypedDocumentString(`
    mutation ShopUpdate($input: ShopUpdateInput!) {
  shopUpdate(input: $input) {
    shop {
      ...ShopFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}`) as unknown as TypedDocumentString<ShopUpdateMutation, ShopUpdateMutationVariables>;
export const ShopsDocument = new TypedDocumentString(`
    query Shops($first: Int, $after: String, $last: Int, $before: String) {
  shops(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ShopFields
      }
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<ShopsQuery, ShopsQueryVariables>;
export const CheckoutCompleteDocument = new TypedDocumentString(`
    mutation CheckoutComplete($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) {
    order {
      ...OrderFields
    }
    orders {
      ...OrderFields
    }
    userErrors {
      code
      field
      message
      quantityAvailable
      variantId
      shopId
    }
  }
}
    fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`) as unknown as TypedDocumentString<CheckoutCompleteMutation, CheckoutCompleteMutationVariables>;
export const OrderDocument = new TypedDocumentString(`
    query Order($id: ID!) {
  order(id: $id) {
    ...OrderFields
    fulfillments {
      ...FulfillmentFields
    }
    returns {
      ...ReturnFields
    }
  }
}
    fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
fragment FulfillmentFields on Fulfillment {
  id
  createdAt
  tracking {
    carrier
    number
    url
  }
  lines {
    quantity
    line {
      id
    }
  }
}
fragment ReturnFields on Return {
  id
  status
  reason
  restock
  declineReason
  createdAt
  decidedAt
  lines {
    quantity
    line {
      id
    }
  }
  refund {
    status
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`) as unknown as TypedDocumentString<OrderQuery, OrderQueryVariables>;
export const OrderCancelDocument = new TypedDocumentString(`
    mutation OrderCancel($input: OrderCancelInput!) {
  orderCancel(input: $input) {
    order {
      ...OrderFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`) as unknown as TypedDocumentString<OrderCancelMutation, OrderCancelMutationVariables>;
export const OrderFulfillDocument = new TypedDocumentString(`
    mutation OrderFulfill($input: OrderFulfillInput!) {
  orderFulfill(input: $input) {
    order {
      ...OrderFields
    }
    fulfillment {
      id
      createdAt
      tracking {
        carrier
        number
        url
      }
      lines {
        quantity
        line {
          id
        }
      }
    }
    userErrors {
      code
      field
      message
      quantityFulfillable
    }
  }
}
    fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`) as unknown as TypedDocumentString<OrderFulfillMutation, OrderFulfillMutationVariables>;
export const OrderRefundDocument = new TypedDocumentString(`
    mutation OrderRefund($input: OrderRefundInput!) {
  orderRefund(input: $input) {
    order {
      ...OrderFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`) as unknown as TypedDocumentString<OrderRefundMutation, OrderRefundMutationVariables>;
export const OrderStatusChangedDocument = new TypedDocumentString(`
    subscription OrderStatusChanged($orderId: ID!, $cartId: ID, $withCurrentState: Boolean) {
  orderStatusChanged(
    orderId: $orderId
    cartId: $cartId
    withCurrentState: $withCurrentState
  ) {
    status
    refetch
    order {
      ...OrderFields
    }
  }
}
    fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}`) as unknown as TypedDocumentString<OrderStatusChangedSubscription, OrderStatusChangedSubscriptionVariables>;
export const ReturnApproveDocument = new TypedDocumentString(`
    mutation ReturnApprove($input: ReturnApproveInput!) {
  returnApprove(input: $input) {
    return {
      ...ReturnFields
    }
    userErrors {
      code
      field
      message
      quantityReturnable
    }
  }
}
    fragment ReturnFields on Return {
  id
  status
  reason
  restock
  declineReason
  createdAt
  decidedAt
  lines {
    quantity
    line {
      id
    }
  }
  refund {
    status
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ReturnApproveMutation, ReturnApproveMutationVariables>;
export const ReturnDeclineDocument = new TypedDocumentString(`
    mutation ReturnDecline($input: ReturnDeclineInput!) {
  returnDecline(input: $input) {
    return {
      ...ReturnFields
    }
    userErrors {
      code
      field
      message
      quantityReturnable
    }
  }
}
    fragment ReturnFields on Return {
  id
  status
  reason
  restock
  declineReason
  createdAt
  decidedAt
  lines {
    quantity
    line {
      id
    }
  }
  refund {
    status
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ReturnDeclineMutation, ReturnDeclineMutationVariables>;
export const ReturnRequestDocument = new TypedDocumentString(`
    mutation ReturnRequest($input: ReturnRequestInput!) {
  returnRequest(input: $input) {
    return {
      ...ReturnFields
    }
    userErrors {
      code
      field
      message
      quantityReturnable
    }
  }
}
    fragment ReturnFields on Return {
  id
  status
  reason
  restock
  declineReason
  createdAt
  decidedAt
  lines {
    quantity
    line {
      id
    }
  }
  refund {
    status
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<ReturnRequestMutation, ReturnRequestMutationVariables>;
export const ContentReportDocument = new TypedDocumentString(`
    mutation ContentReport($input: ContentReportInput!) {
  contentReport(input: $input) {
    report {
      reason
      details
      createdAt
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ContentReportMutation, ContentReportMutationVariables>;
export const ModerationQueueDocument = new TypedDocumentString(`
    query ModerationQueue($status: ModerationCaseStatus, $targetKind: ModerationTargetKind, $first: Int, $after: String, $last: Int, $before: String) {
  moderationQueue(
    status: $status
    targetKind: $targetKind
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ModerationCaseFields
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProductReviewFields on ProductReview {
  id
  rating
  title
  body
  variantTitle
  createdAt
  media {
    url
  }
  author {
    id
    handle
    displayName
    avatarUrl
  }
  reply {
    body
    createdAt
  }
  moderationStatus
}
fragment PostCommentFields on PostComment {
  id
  body
  createdAt
  moderationStatus
  author {
    id
    handle
    displayName
    avatarUrl
  }
  products {
    id
    handle
    title
    priceRange {
      min {
        ...MoneyFields
      }
    }
  }
}
fragment ModerationCaseFields on ModerationCase {
  id
  targetKind
  status
  reportCount
  lastReportedAt
  decidedAt
  note
  post {
    ...PostFields
    moderationStatus
  }
  comment {
    ...PostCommentFields
  }
  review {
    ...ProductReviewFields
  }
  liveSession {
    id
    title
    status
    moderationStatus
  }
  product {
    id
    handle
    title
    moderationStatus
  }
  reports {
    reason
    details
    createdAt
    reporter {
      id
      handle
    }
  }
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<ModerationQueueQuery, ModerationQueueQueryVariables>;
export const ModerationResolveDocument = new TypedDocumentString(`
    mutation ModerationResolve($input: ModerationResolveInput!) {
  moderationResolve(input: $input) {
    case {
      ...ModerationCaseFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductReviewFields on ProductReview {
  id
  rating
  title
  body
  variantTitle
  createdAt
  media {
    url
  }
  author {
    id
    handle
    displayName
    avatarUrl
  }
  reply {
    body
    createdAt
  }
  moderationStatus
}
fragment PostCommentFields on PostComment {
  id
  body
  createdAt
  moderationStatus
  author {
    id
    handle
    displayName
    avatarUrl
  }
  products {
    id
    handle
    title
    priceRange {
      min {
        ...MoneyFields
      }
    }
  }
}
fragment ModerationCaseFields on ModerationCase {
  id
  targetKind
  status
  reportCount
  lastReportedAt
  decidedAt
  note
  post {
    ...PostFields
    moderationStatus
  }
  comment {
    ...PostCommentFields
  }
  review {
    ...ProductReviewFields
  }
  liveSession {
    id
    title
    status
    moderationStatus
  }
  product {
    id
    handle
    title
    moderationStatus
  }
  reports {
    reason
    details
    createdAt
    reporter {
      id
      handle
    }
  }
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<ModerationResolveMutation, ModerationResolveMutationVariables>;
export const PostCommentCreateDocument = new TypedDocumentString(`
    mutation PostCommentCreate($input: PostCommentCreateInput!) {
  postCommentCreate(input: $input) {
    postComment {
      ...PostCommentFields
      post {
        id
        commentCount
      }
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PostCommentFields on PostComment {
  id
  body
  createdAt
  moderationStatus
  author {
    id
    handle
    displayName
    avatarUrl
  }
  products {
    id
    handle
    title
    priceRange {
      min {
        ...MoneyFields
      }
    }
  }
}`) as unknown as TypedDocumentString<PostCommentCreateMutation, PostCommentCreateMutationVariables>;
export const PostCommentDeleteDocument = new TypedDocumentString(`
    mutation PostCommentDelete($input: PostCommentDeleteInput!) {
  postCommentDelete(input: $input) {
    deletedCommentId
    post {
      id
      commentCount
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PostCommentDeleteMutation, PostCommentDeleteMutationVariables>;
export const PostCommentsDocument = new TypedDocumentString(`
    query PostComments($postId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  postComments(
    postId: $postId
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...PostCommentFields
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment PostCommentFields on PostComment {
  id
  body
  createdAt
  moderationStatus
  author {
    id
    handle
    displayName
    avatarUrl
  }
  products {
    id
    handle
    title
    priceRange {
      min {
        ...MoneyFields
      }
    }
  }
}`) as unknown as TypedDocumentString<PostCommentsQuery, PostCommentsQueryVariables>;
export const ProductReviewCreateDocument = new TypedDocumentString(`
    mutation ProductReviewCreate($input: ProductReviewCreateInput!) {
  productReviewCreate(input: $input) {
    productReview {
      ...ProductReviewFields
      product {
        id
        rating {
          average
          count
        }
      }
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment ProductReviewFields on ProductReview {
  id
  rating
  title
  body
  variantTitle
  createdAt
  media {
    url
  }
  author {
    id
    handle
    displayName
    avatarUrl
  }
  reply {
    body
    createdAt
  }
  moderationStatus
}`) as unknown as TypedDocumentString<ProductReviewCreateMutation, ProductReviewCreateMutationVariables>;
export const ProductReviewReplyDocument = new TypedDocumentString(`
    mutation ProductReviewReply($input: ProductReviewReplyInput!) {
  productReviewReply(input: $input) {
    productReview {
      ...ProductReviewFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment ProductReviewFields on ProductReview {
  id
  rating
  title
  body
  variantTitle
  createdAt
  media {
    url
  }
  author {
    id
    handle
    displayName
    avatarUrl
  }
  reply {
    body
    createdAt
  }
  moderationStatus
}`) as unknown as TypedDocumentString<ProductReviewReplyMutation, ProductReviewReplyMutationVariables>;
export const ProductReviewsDocument = new TypedDocumentString(`
    query ProductReviews($productId: ID!, $rating: Int, $first: Int, $after: String, $last: Int, $before: String) {
  productReviews(
    productId: $productId
    rating: $rating
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ProductReviewFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProductReviewFields on ProductReview {
  id
  rating
  title
  body
  variantTitle
  createdAt
  media {
    url
  }
  author {
    id
    handle
    displayName
    avatarUrl
  }
  reply {
    body
    createdAt
  }
  moderationStatus
}`) as unknown as TypedDocumentString<ProductReviewsQuery, ProductReviewsQueryVariables>;
export const PostDocument = new TypedDocumentString(`
    query Post($id: ID!) {
  post(id: $id) {
    ...PostFields
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<PostQuery, PostQueryVariables>;
export const PostCreateDocument = new TypedDocumentString(`
    mutation PostCreate($input: PostCreateInput!) {
  postCreate(input: $input) {
    post {
      ...PostFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<PostCreateMutation, PostCreateMutationVariables>;
export const PostDeleteDocument = new TypedDocumentString(`
    mutation PostDelete($input: PostDeleteInput!) {
  postDelete(input: $input) {
    deletedPostId
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PostDeleteMutation, PostDeleteMutationVariables>;
export const PostEngagementDocument = new TypedDocumentString(`
    subscription PostEngagement($postId: ID!, $withCurrentState: Boolean) {
  postEngagement(postId: $postId, withCurrentState: $withCurrentState) {
    refetch
    viewCount
    likeCount
    shareCount
    purchaseCount
    commentCount
  }
}
    `) as unknown as TypedDocumentString<PostEngagementSubscription, PostEngagementSubscriptionVariables>;
export const PostLikeDocument = new TypedDocumentString(`
    mutation PostLike($input: PostLikeInput!) {
  postLike(input: $input) {
    post {
      ...PostFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<PostLikeMutation, PostLikeMutationVariables>;
export const PostShareDocument = new TypedDocumentString(`
    mutation PostShare($input: PostShareInput!) {
  postShare(input: $input) {
    post {
      ...PostFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<PostShareMutation, PostShareMutationVariables>;
export const PostUnlikeDocument = new TypedDocumentString(`
    mutation PostUnlike($input: PostUnlikeInput!) {
  postUnlike(input: $input) {
    post {
      ...PostFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<PostUnlikeMutation, PostUnlikeMutationVariables>;
export const PostUpdateDocument = new TypedDocumentString(`
    mutation PostUpdate($input: PostUpdateInput!) {
  postUpdate(input: $input) {
    post {
      ...PostFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<PostUpdateMutation, PostUpdateMutationVariables>;
export const PostViewDocument = new TypedDocumentString(`
    mutation PostView($input: PostViewInput!) {
  postView(input: $input) {
    counted
    post {
      id
      viewCount
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PostViewMutation, PostViewMutationVariables>;
export const ProductTagTapDocument = new TypedDocumentString(`
    mutation ProductTagTap($input: ProductTagTapInput!) {
  productTagTap(input: $input) {
    productTag {
      id
      tapCount
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ProductTagTapMutation, ProductTagTapMutationVariables>;
export const UserFollowDocument = new TypedDocumentString(`
    mutation UserFollow($input: UserFollowInput!) {
  userFollow(input: $input) {
    user {
      ...UserFields
    }
    shop {
      ...ShopFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
fragment UserFields on User {
  id
  handle
  displayName
  avatarUrl
  isCreator
  followerCount
  followingCount
  viewerIsFollowing
}`) as unknown as TypedDocumentString<UserFollowMutation, UserFollowMutationVariables>;
export const UserUnfollowDocument = new TypedDocumentString(`
    mutation UserUnfollow($input: UserUnfollowInput!) {
  userUnfollow(input: $input) {
    user {
      ...UserFields
    }
    shop {
      ...ShopFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
fragment UserFields on User {
  id
  handle
  displayName
  avatarUrl
  isCreator
  followerCount
  followingCount
  viewerIsFollowing
}`) as unknown as TypedDocumentString<UserUnfollowMutation, UserUnfollowMutationVariables>;
export const PlatformTaxRatesDocument = new TypedDocumentString(`
    query PlatformTaxRates {
  platformTaxRates {
    ...TaxRateFields
  }
}
    fragment TaxRateFields on TaxRate {
  id
  countryCode
  provinceCode
  name
  percentage
  shippingTaxable
  createdAt
  updatedAt
  shop {
    id
  }
}`) as unknown as TypedDocumentString<PlatformTaxRatesQuery, PlatformTaxRatesQueryVariables>;
export const ShippingZoneCreateDocument = new TypedDocumentString(`
    mutation ShippingZoneCreate($input: ShippingZoneCreateInput!) {
  shippingZoneCreate(input: $input) {
    shippingZone {
      ...ShippingZoneFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ShippingZoneFields on ShippingZone {
  id
  name
  countryCodes
  provinceCodes
  createdAt
  updatedAt
  rates {
    handle
    title
    condition
    price {
      ...MoneyFields
    }
    weightRange {
      minGrams
      maxGrams
    }
    orderValueRange {
      min {
        ...MoneyFields
      }
      max {
        ...MoneyFields
      }
    }
    freeAbove {
      ...MoneyFields
    }
    estimatedDays {
      min
      max
    }
  }
}`) as unknown as TypedDocumentString<ShippingZoneCreateMutation, ShippingZoneCreateMutationVariables>;
export const ShippingZoneDeleteDocument = new TypedDocumentString(`
    mutation ShippingZoneDelete($input: ShippingZoneDeleteInput!) {
  shippingZoneDelete(input: $input) {
    deletedShippingZoneId
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ShippingZoneDeleteMutation, ShippingZoneDeleteMutationVariables>;
export const ShippingZoneUpdateDocument = new TypedDocumentString(`
    mutation ShippingZoneUpdate($input: ShippingZoneUpdateInput!) {
  shippingZoneUpdate(input: $input) {
    shippingZone {
      ...ShippingZoneFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment ShippingZoneFields on ShippingZone {
  id
  name
  countryCodes
  provinceCodes
  createdAt
  updatedAt
  rates {
    handle
    title
    condition
    price {
      ...MoneyFields
    }
    weightRange {
      minGrams
      maxGrams
    }
    orderValueRange {
      min {
        ...MoneyFields
      }
      max {
        ...MoneyFields
      }
    }
    freeAbove {
      ...MoneyFields
    }
    estimatedDays {
      min
      max
    }
  }
}`) as unknown as TypedDocumentString<ShippingZoneUpdateMutation, ShippingZoneUpdateMutationVariables>;
export const TaxRateDeleteDocument = new TypedDocumentString(`
    mutation TaxRateDelete($input: TaxRateDeleteInput!) {
  taxRateDelete(input: $input) {
    deletedTaxRateId
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TaxRateDeleteMutation, TaxRateDeleteMutationVariables>;
export const TaxRateSetDocument = new TypedDocumentString(`
    mutation TaxRateSet($input: TaxRateSetInput!) {
  taxRateSet(input: $input) {
    taxRate {
      ...TaxRateFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment TaxRateFields on TaxRate {
  id
  countryCode
  provinceCode
  name
  percentage
  shippingTaxable
  createdAt
  updatedAt
  shop {
    id
  }
}`) as unknown as TypedDocumentString<TaxRateSetMutation, TaxRateSetMutationVariables>;
export const ViewerAddressCreateDocument = new TypedDocumentString(`
    mutation ViewerAddressCreate($input: ViewerAddressCreateInput!) {
  viewerAddressCreate(input: $input) {
    address {
      ...BuyerAddressFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment BuyerAddressFields on BuyerAddress {
  id
  isDefault
  createdAt
  updatedAt
  address {
    ...MailingAddressFields
  }
}`) as unknown as TypedDocumentString<ViewerAddressCreateMutation, ViewerAddressCreateMutationVariables>;
export const ViewerAddressDeleteDocument = new TypedDocumentString(`
    mutation ViewerAddressDelete($input: ViewerAddressDeleteInput!) {
  viewerAddressDelete(input: $input) {
    deletedAddressId
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerAddressDeleteMutation, ViewerAddressDeleteMutationVariables>;
export const ViewerAddressUpdateDocument = new TypedDocumentString(`
    mutation ViewerAddressUpdate($input: ViewerAddressUpdateInput!) {
  viewerAddressUpdate(input: $input) {
    address {
      ...BuyerAddressFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment BuyerAddressFields on BuyerAddress {
  id
  isDefault
  createdAt
  updatedAt
  address {
    ...MailingAddressFields
  }
}`) as unknown as TypedDocumentString<ViewerAddressUpdateMutation, ViewerAddressUpdateMutationVariables>;
export const FeedDocument = new TypedDocumentString(`
    query Feed($kind: FeedKind!, $hashtag: String, $first: Int, $after: String, $last: Int, $before: String) {
  feed(
    kind: $kind
    hashtag: $hashtag
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    kind
    personalized
    rankedAt
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...PostFields
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProductTagFields on ProductTag {
  id
  position
  x
  y
  startMs
  endMs
  product {
    id
    handle
    title
    availableForSale
    priceRange {
      min {
        ...MoneyFields
      }
    }
    variants {
      id
      availableForSale
    }
  }
  variant {
    id
    title
    availableForSale
    price {
      ...MoneyFields
    }
  }
}
fragment PostFields on Post {
  id
  caption
  hashtags
  visibility
  createdAt
  likeCount
  viewCount
  shareCount
  purchaseCount
  commentCount
  viewerHasLiked
  author {
    id
    handle
    displayName
    avatarUrl
  }
  shop {
    id
    handle
    name
  }
  media {
    kind
    url
    posterUrl
    width
    height
    durationMs
  }
  productTags {
    ...ProductTagFields
  }
}`) as unknown as TypedDocumentString<FeedQuery, FeedQueryVariables>;
export const RecommendedProductsDocument = new TypedDocumentString(`
    query RecommendedProducts($productId: ID, $forViewer: Boolean, $first: Int) {
  recommendedProducts(productId: $productId, forViewer: $forViewer, first: $first) {
    basis
    personalized
    products {
      ...ProductFields
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<RecommendedProductsQuery, RecommendedProductsQueryVariables>;
export const TrendingProductsDocument = new TypedDocumentString(`
    query TrendingProducts($window: TrendingWindow, $first: Int, $after: String, $last: Int, $before: String) {
  trendingProducts(
    window: $window
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    window
    rankedAt
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ProductFields
      }
    }
  }
}
    fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<TrendingProductsQuery, TrendingProductsQueryVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Product {
      ...ProductFields
    }
    ... on Shop {
      ...ShopFields
    }
    ... on User {
      ...UserFields
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment UserFields on User {
  id
  handle
  displayName
  avatarUrl
  isCreator
  followerCount
  followingCount
  viewerIsFollowing
}`) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const NodesDocument = new TypedDocumentString(`
    query Nodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on Product {
      ...ProductFields
    }
    ... on Shop {
      ...ShopFields
    }
    ... on User {
      ...UserFields
    }
  }
}
    fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
fragment VariantFields on ProductVariant {
  id
  title
  sku
  position
  availableForSale
  quantityAvailable
  weightGrams
  requiresShipping
  price {
    ...MoneyFields
  }
  compareAtPrice {
    ...MoneyFields
  }
  selectedOptions {
    name
    value
  }
}
fragment ProductFields on Product {
  id
  handle
  title
  description
  vendor
  productType
  tags
  status
  availableForSale
  currencyCode
  totalInventory
  publishedAt
  rating {
    average
    count
  }
  priceRange {
    min {
      ...MoneyFields
    }
    max {
      ...MoneyFields
    }
  }
  media {
    id
    kind
    url
    alt
    width
    height
    posterUrl
  }
  options {
    id
    name
    values
  }
  variants {
    ...VariantFields
  }
  shop {
    id
    handle
    name
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment UserFields on User {
  id
  handle
  displayName
  avatarUrl
  isCreator
  followerCount
  followingCount
  viewerIsFollowing
}`) as unknown as TypedDocumentString<NodesQuery, NodesQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer($ordersFirst: Int = 10, $cartsFirst: Int = 5, $affiliateLinksFirst: Int = 10) {
  viewer {
    roles
    apiKey {
      kind
    }
    user {
      ...UserFields
      email
    }
    consent {
      personalization
      analytics
    }
    addresses {
      ...BuyerAddressFields
    }
    shops {
      ...ShopFields
    }
    carts(first: $cartsFirst) {
      edges {
        node {
          id
          status
          totalQuantity
          updatedAt
        }
      }
    }
    orders(first: $ordersFirst) {
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...OrderFields
        }
      }
    }
    earnings {
      ...AffiliateEarningsFields
    }
    affiliateLinks(first: $affiliateLinksFirst) {
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...AffiliateLinkFields
        }
      }
    }
    affiliateInvitations {
      ...AffiliateInvitationFields
    }
  }
}
    fragment AffiliateLinkFields on AffiliateLink {
  id
  code
  url
  targetKind
  enabled
  rate
  rateLockedUntil
  createdAt
  postId
  product {
    id
    handle
    title
  }
  shop {
    id
    handle
    name
  }
  creator {
    id
    handle
    displayName
  }
}
fragment AffiliateProgramFields on AffiliateProgram {
  id
  access
  model
  defaultRate
  attributionWindowSeconds
  holdDays
  updatedAt
  productRates {
    productId
    rate
  }
  shop {
    id
    handle
    name
  }
}
fragment AffiliateInvitationFields on AffiliateInvitation {
  id
  status
  createdAt
  creator {
    id
    handle
    displayName
  }
  program {
    ...AffiliateProgramFields
  }
}
fragment AffiliateEarningsFields on AffiliateEarnings {
  currencyCode
  pending {
    ...MoneyFields
  }
  payable {
    ...MoneyFields
  }
  paid {
    ...MoneyFields
  }
}
fragment ShopFields on Shop {
  id
  handle
  name
  description
  currencyCode
  logoUrl
  followerCount
  viewerIsFollowing
  pricesIncludeTax
  returnWindowDays
  refundShippingOnReturn
}
fragment OrderFields on Order {
  id
  number
  status
  fulfillmentStatus
  currencyCode
  email
  countryCode
  discountCodes
  createdAt
  paidAt
  fulfilledAt
  cancelledAt
  subtotal {
    ...MoneyFields
  }
  discountTotal {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  refundedTotal {
    ...MoneyFields
  }
  shippingTotal {
    ...MoneyFields
  }
  taxTotal {
    ...MoneyFields
  }
  taxesIncluded
  shippingAddress {
    ...MailingAddressFields
  }
  shippingLine {
    handle
    title
    estimatedDays {
      min
      max
    }
    price {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
  }
  taxLines {
    name
    percentage
    amount {
      ...MoneyFields
    }
  }
  shop {
    id
    handle
    name
  }
  lines {
    id
    productId
    productTitle
    variantTitle
    sku
    quantity
    refundedQuantity
    fulfilledQuantity
    returnedQuantity
    review {
      id
      rating
    }
    unitPrice {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    attribution {
      ...AttributionFields
    }
  }
  payments {
    provider
    status
    amount {
      ...MoneyFields
    }
    refundedAmount {
      ...MoneyFields
    }
  }
  refunds {
    status
    restock
    cancelsOrder
    reason
    createdAt
    amount {
      ...MoneyFields
    }
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment AttributionFields on LineAttribution {
  postId
  productTagId
  affiliateCode
  liveSessionId
}
fragment UserFields on User {
  id
  handle
  displayName
  avatarUrl
  isCreator
  followerCount
  followingCount
  viewerIsFollowing
}
fragment MailingAddressFields on MailingAddress {
  firstName
  lastName
  company
  address1
  address2
  city
  provinceCode
  zip
  countryCode
  phone
  formatted
}
fragment BuyerAddressFields on BuyerAddress {
  id
  isDefault
  createdAt
  updatedAt
  address {
    ...MailingAddressFields
  }
}`) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LiveSessionDocument = new TypedDocumentString(`
    query LiveSession($id: ID!) {
  liveSession(id: $id) {
    ...LiveSessionFields
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionQuery, LiveSessionQueryVariables>;
export const LiveSessionCancelDocument = new TypedDocumentString(`
    mutation LiveSessionCancel($input: LiveSessionCancelInput!) {
  liveSessionCancel(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionCancelMutation, LiveSessionCancelMutationVariables>;
export const LiveSessionEndDocument = new TypedDocumentString(`
    mutation LiveSessionEnd($input: LiveSessionEndInput!) {
  liveSessionEnd(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionEndMutation, LiveSessionEndMutationVariables>;
export const LiveSessionEventsDocument = new TypedDocumentString(`
    subscription LiveSessionEvents($liveSessionId: ID!, $withCurrentState: Boolean) {
  liveSessionEvents(
    liveSessionId: $liveSessionId
    withCurrentState: $withCurrentState
  ) {
    kind
    liveSessionId
    occurredAt
    status
    viewerCount
    refetch
    pinnedProduct {
      pinnedProductId
      productId
      variantId
      quantityCap
      livePrice {
        ...MoneyFields
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<LiveSessionEventsSubscription, LiveSessionEventsSubscriptionVariables>;
export const LiveSessionJoinDocument = new TypedDocumentString(`
    mutation LiveSessionJoin($input: LiveSessionJoinInput!) {
  liveSessionJoin(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionJoinMutation, LiveSessionJoinMutationVariables>;
export const LiveSessionLeaveDocument = new TypedDocumentString(`
    mutation LiveSessionLeave($input: LiveSessionLeaveInput!) {
  liveSessionLeave(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionLeaveMutation, LiveSessionLeaveMutationVariables>;
export const LiveSessionPinProductDocument = new TypedDocumentString(`
    mutation LiveSessionPinProduct($input: LiveSessionPinProductInput!) {
  liveSessionPinProduct(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionPinProductMutation, LiveSessionPinProductMutationVariables>;
export const LiveSessionScheduleDocument = new TypedDocumentString(`
    mutation LiveSessionSchedule($input: LiveSessionScheduleInput!) {
  liveSessionSchedule(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionScheduleMutation, LiveSessionScheduleMutationVariables>;
export const LiveSessionStartDocument = new TypedDocumentString(`
    mutation LiveSessionStart($input: LiveSessionStartInput!) {
  liveSessionStart(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionStartMutation, LiveSessionStartMutationVariables>;
export const LiveSessionUnpinProductDocument = new TypedDocumentString(`
    mutation LiveSessionUnpinProduct($input: LiveSessionUnpinProductInput!) {
  liveSessionUnpinProduct(input: $input) {
    liveSession {
      ...LiveSessionFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionUnpinProductMutation, LiveSessionUnpinProductMutationVariables>;
export const LiveSessionsDocument = new TypedDocumentString(`
    query LiveSessions($status: LiveSessionStatus!, $hostId: ID, $shopId: ID, $first: Int, $after: String, $last: Int, $before: String) {
  liveSessions(
    status: $status
    hostId: $hostId
    shopId: $shopId
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...LiveSessionFields
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment LiveSessionFields on LiveSession {
  id
  title
  playbackUrl
  status
  scheduledAt
  startedAt
  endedAt
  viewerCount
  peakViewerCount
  replayPostId
  host {
    id
    handle
    displayName
  }
  shop {
    id
    handle
    name
  }
  pinnedProducts {
    id
    pinnedAt
    livePrice {
      ...MoneyFields
    }
    livePriceActive
    quantityCap
    quantitySold
    remaining
    product {
      id
      handle
      title
    }
    variant {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<LiveSessionsQuery, LiveSessionsQueryVariables>;
export const ViewerConsentUpdateDocument = new TypedDocumentString(`
    mutation ViewerConsentUpdate($input: ViewerConsentUpdateInput!) {
  viewerConsentUpdate(input: $input) {
    consent {
      personalization
      analytics
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerConsentUpdateMutation, ViewerConsentUpdateMutationVariables>;
export const ViewerDataExportDocument = new TypedDocumentString(`
    mutation ViewerDataExport($input: ViewerDataExportInput) {
  viewerDataExport(input: $input) {
    data
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerDataExportMutation, ViewerDataExportMutationVariables>;
export const ViewerEraseDocument = new TypedDocumentString(`
    mutation ViewerErase($input: ViewerEraseInput!) {
  viewerErase(input: $input) {
    erasedAt
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerEraseMutation, ViewerEraseMutationVariables>;
export const PredictiveSearchDocument = new TypedDocumentString(`
    query PredictiveSearch($query: String!, $limit: Int, $types: [PredictiveSearchType!]) {
  predictiveSearch(query: $query, limit: $limit, types: $types) {
    products {
      id
      handle
      title
      vendor
      availableForSale
      priceRange {
        min {
          ...MoneyFields
        }
      }
      media {
        url
        alt
        kind
        posterUrl
      }
    }
    shops {
      id
      handle
      name
      logoUrl
    }
    creators {
      id
      handle
      displayName
      avatarUrl
      followerCount
    }
    hashtags {
      tag
      postCount
    }
    posts {
      id
      caption
      media {
        kind
        url
        posterUrl
      }
      author {
        id
        handle
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<PredictiveSearchQuery, PredictiveSearchQueryVariables>;
export const PlatformWebhookEndpointsDocument = new TypedDocumentString(`
    query PlatformWebhookEndpoints {
  platformWebhookEndpoints {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  topics
  enabled
  signingSecret
  createdAt
  shop {
    id
    handle
    name
  }
}`) as unknown as TypedDocumentString<PlatformWebhookEndpointsQuery, PlatformWebhookEndpointsQueryVariables>;
export const WebhookEndpointCreateDocument = new TypedDocumentString(`
    mutation WebhookEndpointCreate($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  topics
  enabled
  signingSecret
  createdAt
  shop {
    id
    handle
    name
  }
}`) as unknown as TypedDocumentString<WebhookEndpointCreateMutation, WebhookEndpointCreateMutationVariables>;
export const WebhookEndpointDeleteDocument = new TypedDocumentString(`
    mutation WebhookEndpointDelete($input: WebhookEndpointDeleteInput!) {
  webhookEndpointDelete(input: $input) {
    deletedWebhookEndpointId
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookEndpointDeleteMutation, WebhookEndpointDeleteMutationVariables>;
export const WebhookEndpointUpdateDocument = new TypedDocumentString(`
    mutation WebhookEndpointUpdate($input: WebhookEndpointUpdateInput!) {
  webhookEndpointUpdate(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  topics
  enabled
  signingSecret
  createdAt
  shop {
    id
    handle
    name
  }
}`) as unknown as TypedDocumentString<WebhookEndpointUpdateMutation, WebhookEndpointUpdateMutationVariables>;