/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AffiliateInvitationAccept($input: AffiliateInvitationAnswerInput!) {\n  affiliateInvitationAccept(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.AffiliateInvitationAcceptDocument,
    "mutation AffiliateInvitationDecline($input: AffiliateInvitationAnswerInput!) {\n  affiliateInvitationDecline(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.AffiliateInvitationDeclineDocument,
    "mutation AffiliateInvite($input: AffiliateInviteInput!) {\n  affiliateInvite(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.AffiliateInviteDocument,
    "query AffiliateLink($code: String!) {\n  affiliateLink(code: $code) {\n    ...AffiliateLinkFields\n  }\n}": typeof types.AffiliateLinkDocument,
    "mutation AffiliateLinkCreate($input: AffiliateLinkCreateInput!) {\n  affiliateLinkCreate(input: $input) {\n    affiliateLink {\n      ...AffiliateLinkFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.AffiliateLinkCreateDocument,
    "mutation AffiliatePayout($input: AffiliatePayoutInput!) {\n  affiliatePayout(input: $input) {\n    payouts {\n      id\n      commissionCount\n      createdAt\n      amount {\n        ...MoneyFields\n      }\n      creator {\n        id\n        handle\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.AffiliatePayoutDocument,
    "mutation AffiliateProgramUpsert($input: AffiliateProgramUpsertInput!) {\n  affiliateProgramUpsert(input: $input) {\n    affiliateProgram {\n      ...AffiliateProgramFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.AffiliateProgramUpsertDocument,
    "subscription CommissionEvents($withCurrentState: Boolean) {\n  commissionEvents(withCurrentState: $withCurrentState) {\n    kind\n    refetch\n    commissions {\n      ...CommissionFields\n    }\n  }\n}": typeof types.CommissionEventsDocument,
    "query Cart($id: ID!) {\n  cart(id: $id) {\n    ...CartFields\n  }\n}": typeof types.CartDocument,
    "mutation CartBuyerIdentityUpdate($input: CartBuyerIdentityUpdateInput!) {\n  cartBuyerIdentityUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartBuyerIdentityUpdateDocument,
    "mutation CartCreate($input: CartCreateInput) {\n  cartCreate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartCreateDocument,
    "mutation CartDeliveryAddressUpdate($input: CartDeliveryAddressUpdateInput!) {\n  cartDeliveryAddressUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartDeliveryAddressUpdateDocument,
    "mutation CartDiscountCodesUpdate($input: CartDiscountCodesUpdateInput!) {\n  cartDiscountCodesUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartDiscountCodesUpdateDocument,
    "mutation CartLinesAdd($input: CartLinesAddInput!) {\n  cartLinesAdd(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartLinesAddDocument,
    "mutation CartLinesRemove($input: CartLinesRemoveInput!) {\n  cartLinesRemove(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartLinesRemoveDocument,
    "mutation CartLinesUpdate($input: CartLinesUpdateInput!) {\n  cartLinesUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartLinesUpdateDocument,
    "mutation CartSelectedDeliveryOptionsUpdate($input: CartSelectedDeliveryOptionsUpdateInput!) {\n  cartSelectedDeliveryOptionsUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": typeof types.CartSelectedDeliveryOptionsUpdateDocument,
    "subscription CartUpdated($cartId: ID!, $withCurrentState: Boolean) {\n  cartUpdated(cartId: $cartId, withCurrentState: $withCurrentState) {\n    refetch\n    cart {\n      ...CartFields\n    }\n  }\n}": typeof types.CartUpdatedDocument,
    "mutation DiscountCodeCreate($input: DiscountCodeCreateInput!) {\n  discountCodeCreate(input: $input) {\n    discountCode {\n      id\n      code\n      kind\n      percentage\n      amount {\n        ...MoneyFields\n      }\n      usageLimit\n      usageCount\n      startsAt\n      endsAt\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.DiscountCodeCreateDocument,
    "query Collection($handle: String!, $first: Int = 20, $after: String) {\n  collection(handle: $handle) {\n    id\n    handle\n    title\n    description\n    shop {\n      id\n      handle\n      name\n    }\n    products(first: $first, after: $after) {\n      ...ProductConnectionFields\n    }\n  }\n}": typeof types.CollectionDocument,
    "mutation InventoryAdjust($input: InventoryAdjustInput!) {\n  inventoryAdjust(input: $input) {\n    variant {\n      ...VariantFields\n      product {\n        id\n        totalInventory\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.InventoryAdjustDocument,
    "subscription InventoryChanged($productId: ID!, $withCurrentState: Boolean) {\n  inventoryChanged(productId: $productId, withCurrentState: $withCurrentState) {\n    refetch\n    product {\n      id\n      availableForSale\n      totalInventory\n      variants {\n        id\n        availableForSale\n        quantityAvailable\n      }\n    }\n  }\n}": typeof types.InventoryChangedDocument,
    "query Product($id: ID, $handle: String) {\n  product(id: $id, handle: $handle) {\n    ...ProductFields\n    socialProof {\n      purchasesLast24h\n      postCount\n      likeCount\n    }\n  }\n}": typeof types.ProductDocument,
    "mutation ProductArchive($input: ProductArchiveInput!) {\n  productArchive(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ProductArchiveDocument,
    "mutation ProductCreate($input: ProductCreateInput!) {\n  productCreate(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ProductCreateDocument,
    "mutation ProductUpdate($input: ProductUpdateInput!) {\n  productUpdate(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ProductUpdateDocument,
    "query Products($query: String, $filter: ProductFilter, $sortKey: ProductSortKey, $reverse: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    query: $query\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    ...ProductConnectionFields\n  }\n}": typeof types.ProductsDocument,
    "query Shop($handle: String!, $productsFirst: Int = 20) {\n  shop(handle: $handle) {\n    ...ShopFields\n    shippingZones {\n      ...ShippingZoneFields\n    }\n    taxRates {\n      ...TaxRateFields\n    }\n    products(first: $productsFirst) {\n      ...ProductConnectionFields\n    }\n  }\n}": typeof types.ShopDocument,
    "mutation ShopCreate($input: ShopCreateInput!) {\n  shopCreate(input: $input) {\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ShopCreateDocument,
    "mutation ShopUpdate($input: ShopUpdateInput!) {\n  shopUpdate(input: $input) {\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ShopUpdateDocument,
    "query Shops($first: Int, $after: String, $last: Int, $before: String) {\n  shops(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...ShopFields\n      }\n    }\n  }\n}": typeof types.ShopsDocument,
    "mutation CheckoutComplete($input: CheckoutCompleteInput!) {\n  checkoutComplete(input: $input) {\n    order {\n      ...OrderFields\n    }\n    orders {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n      variantId\n      shopId\n    }\n  }\n}": typeof types.CheckoutCompleteDocument,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    fulfillments {\n      ...FulfillmentFields\n    }\n    returns {\n      ...ReturnFields\n    }\n  }\n}": typeof types.OrderDocument,
    "mutation OrderCancel($input: OrderCancelInput!) {\n  orderCancel(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.OrderCancelDocument,
    "mutation OrderFulfill($input: OrderFulfillInput!) {\n  orderFulfill(input: $input) {\n    order {\n      ...OrderFields\n    }\n    fulfillment {\n      id\n      createdAt\n      tracking {\n        carrier\n        number\n        url\n      }\n      lines {\n        quantity\n        line {\n          id\n        }\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityFulfillable\n    }\n  }\n}": typeof types.OrderFulfillDocument,
    "mutation OrderRefund($input: OrderRefundInput!) {\n  orderRefund(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.OrderRefundDocument,
    "subscription OrderStatusChanged($orderId: ID!, $cartId: ID, $withCurrentState: Boolean) {\n  orderStatusChanged(\n    orderId: $orderId\n    cartId: $cartId\n    withCurrentState: $withCurrentState\n  ) {\n    status\n    refetch\n    order {\n      ...OrderFields\n    }\n  }\n}": typeof types.OrderStatusChangedDocument,
    "mutation ReturnApprove($input: ReturnApproveInput!) {\n  returnApprove(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}": typeof types.ReturnApproveDocument,
    "mutation ReturnDecline($input: ReturnDeclineInput!) {\n  returnDecline(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}": typeof types.ReturnDeclineDocument,
    "mutation ReturnRequest($input: ReturnRequestInput!) {\n  returnRequest(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}": typeof types.ReturnRequestDocument,
    "query Post($id: ID!) {\n  post(id: $id) {\n    ...PostFields\n  }\n}": typeof types.PostDocument,
    "mutation PostCreate($input: PostCreateInput!) {\n  postCreate(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.PostCreateDocument,
    "mutation PostDelete($input: PostDeleteInput!) {\n  postDelete(input: $input) {\n    deletedPostId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.PostDeleteDocument,
    "subscription PostEngagement($postId: ID!, $withCurrentState: Boolean) {\n  postEngagement(postId: $postId, withCurrentState: $withCurrentState) {\n    refetch\n    viewCount\n    likeCount\n    shareCount\n    purchaseCount\n  }\n}": typeof types.PostEngagementDocument,
    "mutation PostLike($input: PostLikeInput!) {\n  postLike(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.PostLikeDocument,
    "mutation PostShare($input: PostShareInput!) {\n  postShare(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.PostShareDocument,
    "mutation PostUnlike($input: PostUnlikeInput!) {\n  postUnlike(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.PostUnlikeDocument,
    "mutation PostUpdate($input: PostUpdateInput!) {\n  postUpdate(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.PostUpdateDocument,
    "mutation PostView($input: PostViewInput!) {\n  postView(input: $input) {\n    counted\n    post {\n      id\n      viewCount\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.PostViewDocument,
    "mutation ProductTagTap($input: ProductTagTapInput!) {\n  productTagTap(input: $input) {\n    productTag {\n      id\n      tapCount\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ProductTagTapDocument,
    "mutation UserFollow($input: UserFollowInput!) {\n  userFollow(input: $input) {\n    user {\n      ...UserFields\n    }\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.UserFollowDocument,
    "mutation UserUnfollow($input: UserUnfollowInput!) {\n  userUnfollow(input: $input) {\n    user {\n      ...UserFields\n    }\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.UserUnfollowDocument,
    "query PlatformTaxRates {\n  platformTaxRates {\n    ...TaxRateFields\n  }\n}": typeof types.PlatformTaxRatesDocument,
    "mutation ShippingZoneCreate($input: ShippingZoneCreateInput!) {\n  shippingZoneCreate(input: $input) {\n    shippingZone {\n      ...ShippingZoneFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ShippingZoneCreateDocument,
    "mutation ShippingZoneDelete($input: ShippingZoneDeleteInput!) {\n  shippingZoneDelete(input: $input) {\n    deletedShippingZoneId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ShippingZoneDeleteDocument,
    "mutation ShippingZoneUpdate($input: ShippingZoneUpdateInput!) {\n  shippingZoneUpdate(input: $input) {\n    shippingZone {\n      ...ShippingZoneFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ShippingZoneUpdateDocument,
    "mutation TaxRateDelete($input: TaxRateDeleteInput!) {\n  taxRateDelete(input: $input) {\n    deletedTaxRateId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.TaxRateDeleteDocument,
    "mutation TaxRateSet($input: TaxRateSetInput!) {\n  taxRateSet(input: $input) {\n    taxRate {\n      ...TaxRateFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.TaxRateSetDocument,
    "mutation ViewerAddressCreate($input: ViewerAddressCreateInput!) {\n  viewerAddressCreate(input: $input) {\n    address {\n      ...BuyerAddressFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ViewerAddressCreateDocument,
    "mutation ViewerAddressDelete($input: ViewerAddressDeleteInput!) {\n  viewerAddressDelete(input: $input) {\n    deletedAddressId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ViewerAddressDeleteDocument,
    "mutation ViewerAddressUpdate($input: ViewerAddressUpdateInput!) {\n  viewerAddressUpdate(input: $input) {\n    address {\n      ...BuyerAddressFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ViewerAddressUpdateDocument,
    "query Feed($kind: FeedKind!, $hashtag: String, $first: Int, $after: String, $last: Int, $before: String) {\n  feed(\n    kind: $kind\n    hashtag: $hashtag\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    kind\n    personalized\n    rankedAt\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...PostFields\n      }\n    }\n  }\n}": typeof types.FeedDocument,
    "query RecommendedProducts($productId: ID, $forViewer: Boolean, $first: Int) {\n  recommendedProducts(productId: $productId, forViewer: $forViewer, first: $first) {\n    basis\n    personalized\n    products {\n      ...ProductFields\n    }\n  }\n}": typeof types.RecommendedProductsDocument,
    "query TrendingProducts($window: TrendingWindow, $first: Int, $after: String, $last: Int, $before: String) {\n  trendingProducts(\n    window: $window\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    window\n    rankedAt\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...ProductFields\n      }\n    }\n  }\n}": typeof types.TrendingProductsDocument,
    "fragment AffiliateLinkFields on AffiliateLink {\n  id\n  code\n  url\n  targetKind\n  enabled\n  rate\n  rateLockedUntil\n  createdAt\n  postId\n  product {\n    id\n    handle\n    title\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  creator {\n    id\n    handle\n    displayName\n  }\n}\n\nfragment AffiliateProgramFields on AffiliateProgram {\n  id\n  access\n  model\n  defaultRate\n  attributionWindowSeconds\n  holdDays\n  updatedAt\n  productRates {\n    productId\n    rate\n  }\n  shop {\n    id\n    handle\n    name\n  }\n}\n\nfragment AffiliateInvitationFields on AffiliateInvitation {\n  id\n  status\n  createdAt\n  creator {\n    id\n    handle\n    displayName\n  }\n  program {\n    ...AffiliateProgramFields\n  }\n}\n\nfragment AffiliateEarningsFields on AffiliateEarnings {\n  currencyCode\n  pending {\n    ...MoneyFields\n  }\n  payable {\n    ...MoneyFields\n  }\n  paid {\n    ...MoneyFields\n  }\n}\n\nfragment CommissionFields on Commission {\n  id\n  status\n  rate\n  reversal\n  selfReferral\n  orderId\n  orderNumber\n  payableAt\n  createdAt\n  amount {\n    ...MoneyFields\n  }\n  revenue {\n    ...MoneyFields\n  }\n  link {\n    id\n    code\n  }\n}": typeof types.AffiliateLinkFieldsFragmentDoc,
    "fragment CartFields on Cart {\n  id\n  status\n  currencyCode\n  totalQuantity\n  createdAt\n  updatedAt\n  expiresAt\n  buyerIdentity {\n    email\n    countryCode\n  }\n  discountCodes {\n    code\n    applicable\n    reason\n    amount {\n      ...MoneyFields\n    }\n  }\n  cost {\n    subtotal {\n      ...MoneyFields\n    }\n    discount {\n      ...MoneyFields\n    }\n    shipping {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n    includedTax {\n      ...MoneyFields\n    }\n    total {\n      ...MoneyFields\n    }\n  }\n  deliveryAddress {\n    ...MailingAddressFields\n  }\n  deliveryGroups {\n    ...CartDeliveryGroupFields\n  }\n  lines {\n    id\n    quantity\n    livePriceApplied\n    attribution {\n      ...AttributionFields\n    }\n    cost {\n      unitPrice {\n        ...MoneyFields\n      }\n      regularUnitPrice {\n        ...MoneyFields\n      }\n      subtotal {\n        ...MoneyFields\n      }\n      discount {\n        ...MoneyFields\n      }\n      total {\n        ...MoneyFields\n      }\n      tax {\n        ...MoneyFields\n      }\n      taxIncluded\n    }\n    variant {\n      id\n      title\n      sku\n      availableForSale\n      quantityAvailable\n      product {\n        id\n        handle\n        title\n        shop {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.CartFieldsFragmentDoc,
    "fragment ShopFields on Shop {\n  id\n  handle\n  name\n  description\n  currencyCode\n  logoUrl\n  followerCount\n  viewerIsFollowing\n  pricesIncludeTax\n  returnWindowDays\n  refundShippingOnReturn\n}\n\nfragment VariantFields on ProductVariant {\n  id\n  title\n  sku\n  position\n  availableForSale\n  quantityAvailable\n  weightGrams\n  requiresShipping\n  price {\n    ...MoneyFields\n  }\n  compareAtPrice {\n    ...MoneyFields\n  }\n  selectedOptions {\n    name\n    value\n  }\n}\n\nfragment ProductFields on Product {\n  id\n  handle\n  title\n  description\n  vendor\n  productType\n  tags\n  status\n  availableForSale\n  currencyCode\n  totalInventory\n  publishedAt\n  priceRange {\n    min {\n      ...MoneyFields\n    }\n    max {\n      ...MoneyFields\n    }\n  }\n  media {\n    id\n    kind\n    url\n    alt\n    width\n    height\n    posterUrl\n  }\n  options {\n    id\n    name\n    values\n  }\n  variants {\n    ...VariantFields\n  }\n  shop {\n    id\n    handle\n    name\n  }\n}\n\nfragment ProductConnectionFields on ProductConnection {\n  totalCount\n  pageInfo {\n    ...PageInfoFields\n  }\n  edges {\n    cursor\n    node {\n      ...ProductFields\n    }\n  }\n}": typeof types.ShopFieldsFragmentDoc,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  fulfillmentStatus\n  currencyCode\n  email\n  countryCode\n  discountCodes\n  createdAt\n  paidAt\n  fulfilledAt\n  cancelledAt\n  subtotal {\n    ...MoneyFields\n  }\n  discountTotal {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  refundedTotal {\n    ...MoneyFields\n  }\n  shippingTotal {\n    ...MoneyFields\n  }\n  taxTotal {\n    ...MoneyFields\n  }\n  taxesIncluded\n  shippingAddress {\n    ...MailingAddressFields\n  }\n  shippingLine {\n    handle\n    title\n    estimatedDays {\n      min\n      max\n    }\n    price {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n  }\n  taxLines {\n    name\n    percentage\n    amount {\n      ...MoneyFields\n    }\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  lines {\n    id\n    productId\n    productTitle\n    variantTitle\n    sku\n    quantity\n    refundedQuantity\n    fulfilledQuantity\n    returnedQuantity\n    unitPrice {\n      ...MoneyFields\n    }\n    discount {\n      ...MoneyFields\n    }\n    total {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n    attribution {\n      ...AttributionFields\n    }\n  }\n  payments {\n    provider\n    status\n    amount {\n      ...MoneyFields\n    }\n    refundedAmount {\n      ...MoneyFields\n    }\n  }\n  refunds {\n    status\n    restock\n    cancelsOrder\n    reason\n    createdAt\n    amount {\n      ...MoneyFields\n    }\n  }\n}\n\nfragment FulfillmentFields on Fulfillment {\n  id\n  createdAt\n  tracking {\n    carrier\n    number\n    url\n  }\n  lines {\n    quantity\n    line {\n      id\n    }\n  }\n}\n\nfragment ReturnFields on Return {\n  id\n  status\n  reason\n  restock\n  declineReason\n  createdAt\n  decidedAt\n  lines {\n    quantity\n    line {\n      id\n    }\n  }\n  refund {\n    status\n    amount {\n      ...MoneyFields\n    }\n  }\n}": typeof types.OrderFieldsFragmentDoc,
    "fragment MoneyFields on Money {\n  amount\n  currencyCode\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  hasPreviousPage\n  startCursor\n  endCursor\n}\n\nfragment AttributionFields on LineAttribution {\n  postId\n  productTagId\n  affiliateCode\n  liveSessionId\n}\n\nfragment UserFields on User {\n  id\n  handle\n  displayName\n  avatarUrl\n  isCreator\n  followerCount\n  followingCount\n  viewerIsFollowing\n}": typeof types.MoneyFieldsFragmentDoc,
    "fragment ProductTagFields on ProductTag {\n  id\n  position\n  x\n  y\n  startMs\n  endMs\n  product {\n    id\n    handle\n    title\n    availableForSale\n    priceRange {\n      min {\n        ...MoneyFields\n      }\n    }\n    variants {\n      id\n      availableForSale\n    }\n  }\n  variant {\n    id\n    title\n    availableForSale\n    price {\n      ...MoneyFields\n    }\n  }\n}\n\nfragment PostFields on Post {\n  id\n  caption\n  hashtags\n  visibility\n  createdAt\n  likeCount\n  viewCount\n  shareCount\n  purchaseCount\n  viewerHasLiked\n  author {\n    id\n    handle\n    displayName\n    avatarUrl\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  media {\n    kind\n    url\n    posterUrl\n    width\n    height\n    durationMs\n  }\n  productTags {\n    ...ProductTagFields\n  }\n}": typeof types.ProductTagFieldsFragmentDoc,
    "fragment MailingAddressFields on MailingAddress {\n  firstName\n  lastName\n  company\n  address1\n  address2\n  city\n  provinceCode\n  zip\n  countryCode\n  phone\n  formatted\n}\n\nfragment BuyerAddressFields on BuyerAddress {\n  id\n  isDefault\n  createdAt\n  updatedAt\n  address {\n    ...MailingAddressFields\n  }\n}\n\nfragment DeliveryOptionFields on CartDeliveryOption {\n  handle\n  title\n  estimatedDays {\n    min\n    max\n  }\n  cost {\n    ...MoneyFields\n  }\n}\n\nfragment CartDeliveryGroupFields on CartDeliveryGroup {\n  shop {\n    id\n    name\n  }\n  requiresShipping\n  deliveryUnavailableReason\n  deliveryOptions {\n    ...DeliveryOptionFields\n  }\n  selectedDeliveryOption {\n    ...DeliveryOptionFields\n  }\n}\n\nfragment ShippingZoneFields on ShippingZone {\n  id\n  name\n  countryCodes\n  provinceCodes\n  createdAt\n  updatedAt\n  rates {\n    handle\n    title\n    condition\n    price {\n      ...MoneyFields\n    }\n    weightRange {\n      minGrams\n      maxGrams\n    }\n    orderValueRange {\n      min {\n        ...MoneyFields\n      }\n      max {\n        ...MoneyFields\n      }\n    }\n    freeAbove {\n      ...MoneyFields\n    }\n    estimatedDays {\n      min\n      max\n    }\n  }\n}\n\nfragment TaxRateFields on TaxRate {\n  id\n  countryCode\n  provinceCode\n  name\n  percentage\n  shippingTaxable\n  createdAt\n  updatedAt\n  shop {\n    id\n  }\n}": typeof types.MailingAddressFieldsFragmentDoc,
    "fragment LiveSessionFields on LiveSession {\n  id\n  title\n  playbackUrl\n  status\n  scheduledAt\n  startedAt\n  endedAt\n  viewerCount\n  peakViewerCount\n  replayPostId\n  host {\n    id\n    handle\n    displayName\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  pinnedProducts {\n    id\n    pinnedAt\n    livePrice {\n      ...MoneyFields\n    }\n    livePriceActive\n    quantityCap\n    quantitySold\n    remaining\n    product {\n      id\n      handle\n      title\n    }\n    variant {\n      id\n      title\n    }\n  }\n}": typeof types.LiveSessionFieldsFragmentDoc,
    "fragment WebhookEndpointFields on WebhookEndpoint {\n  id\n  url\n  description\n  topics\n  enabled\n  signingSecret\n  createdAt\n  shop {\n    id\n    handle\n    name\n  }\n}": typeof types.WebhookEndpointFieldsFragmentDoc,
    "query Node($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Product {\n      ...ProductFields\n    }\n    ... on Shop {\n      ...ShopFields\n    }\n    ... on User {\n      ...UserFields\n    }\n  }\n}": typeof types.NodeDocument,
    "query Nodes($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    __typename\n    id\n    ... on Product {\n      ...ProductFields\n    }\n    ... on Shop {\n      ...ShopFields\n    }\n    ... on User {\n      ...UserFields\n    }\n  }\n}": typeof types.NodesDocument,
    "query Viewer($ordersFirst: Int = 10, $cartsFirst: Int = 5, $affiliateLinksFirst: Int = 10) {\n  viewer {\n    roles\n    apiKey {\n      kind\n    }\n    user {\n      ...UserFields\n      email\n    }\n    consent {\n      personalization\n      analytics\n    }\n    addresses {\n      ...BuyerAddressFields\n    }\n    shops {\n      ...ShopFields\n    }\n    carts(first: $cartsFirst) {\n      edges {\n        node {\n          id\n          status\n          totalQuantity\n          updatedAt\n        }\n      }\n    }\n    orders(first: $ordersFirst) {\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...OrderFields\n        }\n      }\n    }\n    earnings {\n      ...AffiliateEarningsFields\n    }\n    affiliateLinks(first: $affiliateLinksFirst) {\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...AffiliateLinkFields\n        }\n      }\n    }\n    affiliateInvitations {\n      ...AffiliateInvitationFields\n    }\n  }\n}": typeof types.ViewerDocument,
    "query LiveSession($id: ID!) {\n  liveSession(id: $id) {\n    ...LiveSessionFields\n  }\n}": typeof types.LiveSessionDocument,
    "mutation LiveSessionCancel($input: LiveSessionCancelInput!) {\n  liveSessionCancel(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionCancelDocument,
    "mutation LiveSessionEnd($input: LiveSessionEndInput!) {\n  liveSessionEnd(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionEndDocument,
    "subscription LiveSessionEvents($liveSessionId: ID!, $withCurrentState: Boolean) {\n  liveSessionEvents(\n    liveSessionId: $liveSessionId\n    withCurrentState: $withCurrentState\n  ) {\n    kind\n    liveSessionId\n    occurredAt\n    status\n    viewerCount\n    refetch\n    pinnedProduct {\n      pinnedProductId\n      productId\n      variantId\n      quantityCap\n      livePrice {\n        ...MoneyFields\n      }\n    }\n  }\n}": typeof types.LiveSessionEventsDocument,
    "mutation LiveSessionJoin($input: LiveSessionJoinInput!) {\n  liveSessionJoin(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionJoinDocument,
    "mutation LiveSessionLeave($input: LiveSessionLeaveInput!) {\n  liveSessionLeave(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionLeaveDocument,
    "mutation LiveSessionPinProduct($input: LiveSessionPinProductInput!) {\n  liveSessionPinProduct(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionPinProductDocument,
    "mutation LiveSessionSchedule($input: LiveSessionScheduleInput!) {\n  liveSessionSchedule(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionScheduleDocument,
    "mutation LiveSessionStart($input: LiveSessionStartInput!) {\n  liveSessionStart(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionStartDocument,
    "mutation LiveSessionUnpinProduct($input: LiveSessionUnpinProductInput!) {\n  liveSessionUnpinProduct(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.LiveSessionUnpinProductDocument,
    "query LiveSessions($status: LiveSessionStatus!, $hostId: ID, $shopId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n  liveSessions(\n    status: $status\n    hostId: $hostId\n    shopId: $shopId\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...LiveSessionFields\n      }\n    }\n  }\n}": typeof types.LiveSessionsDocument,
    "mutation ViewerConsentUpdate($input: ViewerConsentUpdateInput!) {\n  viewerConsentUpdate(input: $input) {\n    consent {\n      personalization\n      analytics\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ViewerConsentUpdateDocument,
    "mutation ViewerDataExport($input: ViewerDataExportInput) {\n  viewerDataExport(input: $input) {\n    data\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ViewerDataExportDocument,
    "mutation ViewerErase($input: ViewerEraseInput!) {\n  viewerErase(input: $input) {\n    erasedAt\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.ViewerEraseDocument,
    "query PlatformWebhookEndpoints {\n  platformWebhookEndpoints {\n    ...WebhookEndpointFields\n  }\n}": typeof types.PlatformWebhookEndpointsDocument,
    "mutation WebhookEndpointCreate($input: WebhookEndpointCreateInput!) {\n  webhookEndpointCreate(input: $input) {\n    webhookEndpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.WebhookEndpointCreateDocument,
    "mutation WebhookEndpointDelete($input: WebhookEndpointDeleteInput!) {\n  webhookEndpointDelete(input: $input) {\n    deletedWebhookEndpointId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.WebhookEndpointDeleteDocument,
    "mutation WebhookEndpointUpdate($input: WebhookEndpointUpdateInput!) {\n  webhookEndpointUpdate(input: $input) {\n    webhookEndpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.WebhookEndpointUpdateDocument,
};
const documents: Documents = {
    "mutation AffiliateInvitationAccept($input: AffiliateInvitationAnswerInput!) {\n  affiliateInvitationAccept(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.AffiliateInvitationAcceptDocument,
    "mutation AffiliateInvitationDecline($input: AffiliateInvitationAnswerInput!) {\n  affiliateInvitationDecline(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.AffiliateInvitationDeclineDocument,
    "mutation AffiliateInvite($input: AffiliateInviteInput!) {\n  affiliateInvite(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.AffiliateInviteDocument,
    "query AffiliateLink($code: String!) {\n  affiliateLink(code: $code) {\n    ...AffiliateLinkFields\n  }\n}": types.AffiliateLinkDocument,
    "mutation AffiliateLinkCreate($input: AffiliateLinkCreateInput!) {\n  affiliateLinkCreate(input: $input) {\n    affiliateLink {\n      ...AffiliateLinkFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.AffiliateLinkCreateDocument,
    "mutation AffiliatePayout($input: AffiliatePayoutInput!) {\n  affiliatePayout(input: $input) {\n    payouts {\n      id\n      commissionCount\n      createdAt\n      amount {\n        ...MoneyFields\n      }\n      creator {\n        id\n        handle\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.AffiliatePayoutDocument,
    "mutation AffiliateProgramUpsert($input: AffiliateProgramUpsertInput!) {\n  affiliateProgramUpsert(input: $input) {\n    affiliateProgram {\n      ...AffiliateProgramFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.AffiliateProgramUpsertDocument,
    "subscription CommissionEvents($withCurrentState: Boolean) {\n  commissionEvents(withCurrentState: $withCurrentState) {\n    kind\n    refetch\n    commissions {\n      ...CommissionFields\n    }\n  }\n}": types.CommissionEventsDocument,
    "query Cart($id: ID!) {\n  cart(id: $id) {\n    ...CartFields\n  }\n}": types.CartDocument,
    "mutation CartBuyerIdentityUpdate($input: CartBuyerIdentityUpdateInput!) {\n  cartBuyerIdentityUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartBuyerIdentityUpdateDocument,
    "mutation CartCreate($input: CartCreateInput) {\n  cartCreate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartCreateDocument,
    "mutation CartDeliveryAddressUpdate($input: CartDeliveryAddressUpdateInput!) {\n  cartDeliveryAddressUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartDeliveryAddressUpdateDocument,
    "mutation CartDiscountCodesUpdate($input: CartDiscountCodesUpdateInput!) {\n  cartDiscountCodesUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartDiscountCodesUpdateDocument,
    "mutation CartLinesAdd($input: CartLinesAddInput!) {\n  cartLinesAdd(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartLinesAddDocument,
    "mutation CartLinesRemove($input: CartLinesRemoveInput!) {\n  cartLinesRemove(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartLinesRemoveDocument,
    "mutation CartLinesUpdate($input: CartLinesUpdateInput!) {\n  cartLinesUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartLinesUpdateDocument,
    "mutation CartSelectedDeliveryOptionsUpdate($input: CartSelectedDeliveryOptionsUpdateInput!) {\n  cartSelectedDeliveryOptionsUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}": types.CartSelectedDeliveryOptionsUpdateDocument,
    "subscription CartUpdated($cartId: ID!, $withCurrentState: Boolean) {\n  cartUpdated(cartId: $cartId, withCurrentState: $withCurrentState) {\n    refetch\n    cart {\n      ...CartFields\n    }\n  }\n}": types.CartUpdatedDocument,
    "mutation DiscountCodeCreate($input: DiscountCodeCreateInput!) {\n  discountCodeCreate(input: $input) {\n    discountCode {\n      id\n      code\n      kind\n      percentage\n      amount {\n        ...MoneyFields\n      }\n      usageLimit\n      usageCount\n      startsAt\n      endsAt\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.DiscountCodeCreateDocument,
    "query Collection($handle: String!, $first: Int = 20, $after: String) {\n  collection(handle: $handle) {\n    id\n    handle\n    title\n    description\n    shop {\n      id\n      handle\n      name\n    }\n    products(first: $first, after: $after) {\n      ...ProductConnectionFields\n    }\n  }\n}": types.CollectionDocument,
    "mutation InventoryAdjust($input: InventoryAdjustInput!) {\n  inventoryAdjust(input: $input) {\n    variant {\n      ...VariantFields\n      product {\n        id\n        totalInventory\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.InventoryAdjustDocument,
    "subscription InventoryChanged($productId: ID!, $withCurrentState: Boolean) {\n  inventoryChanged(productId: $productId, withCurrentState: $withCurrentState) {\n    refetch\n    product {\n      id\n      availableForSale\n      totalInventory\n      variants {\n        id\n        availableForSale\n        quantityAvailable\n      }\n    }\n  }\n}": types.InventoryChangedDocument,
    "query Product($id: ID, $handle: String) {\n  product(id: $id, handle: $handle) {\n    ...ProductFields\n    socialProof {\n      purchasesLast24h\n      postCount\n      likeCount\n    }\n  }\n}": types.ProductDocument,
    "mutation ProductArchive($input: ProductArchiveInput!) {\n  productArchive(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ProductArchiveDocument,
    "mutation ProductCreate($input: ProductCreateInput!) {\n  productCreate(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ProductCreateDocument,
    "mutation ProductUpdate($input: ProductUpdateInput!) {\n  productUpdate(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ProductUpdateDocument,
    "query Products($query: String, $filter: ProductFilter, $sortKey: ProductSortKey, $reverse: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    query: $query\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    ...ProductConnectionFields\n  }\n}": types.ProductsDocument,
    "query Shop($handle: String!, $productsFirst: Int = 20) {\n  shop(handle: $handle) {\n    ...ShopFields\n    shippingZones {\n      ...ShippingZoneFields\n    }\n    taxRates {\n      ...TaxRateFields\n    }\n    products(first: $productsFirst) {\n      ...ProductConnectionFields\n    }\n  }\n}": types.ShopDocument,
    "mutation ShopCreate($input: ShopCreateInput!) {\n  shopCreate(input: $input) {\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ShopCreateDocument,
    "mutation ShopUpdate($input: ShopUpdateInput!) {\n  shopUpdate(input: $input) {\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ShopUpdateDocument,
    "query Shops($first: Int, $after: String, $last: Int, $before: String) {\n  shops(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...ShopFields\n      }\n    }\n  }\n}": types.ShopsDocument,
    "mutation CheckoutComplete($input: CheckoutCompleteInput!) {\n  checkoutComplete(input: $input) {\n    order {\n      ...OrderFields\n    }\n    orders {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n      variantId\n      shopId\n    }\n  }\n}": types.CheckoutCompleteDocument,
    "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    fulfillments {\n      ...FulfillmentFields\n    }\n    returns {\n      ...ReturnFields\n    }\n  }\n}": types.OrderDocument,
    "mutation OrderCancel($input: OrderCancelInput!) {\n  orderCancel(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.OrderCancelDocument,
    "mutation OrderFulfill($input: OrderFulfillInput!) {\n  orderFulfill(input: $input) {\n    order {\n      ...OrderFields\n    }\n    fulfillment {\n      id\n      createdAt\n      tracking {\n        carrier\n        number\n        url\n      }\n      lines {\n        quantity\n        line {\n          id\n        }\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityFulfillable\n    }\n  }\n}": types.OrderFulfillDocument,
    "mutation OrderRefund($input: OrderRefundInput!) {\n  orderRefund(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.OrderRefundDocument,
    "subscription OrderStatusChanged($orderId: ID!, $cartId: ID, $withCurrentState: Boolean) {\n  orderStatusChanged(\n    orderId: $orderId\n    cartId: $cartId\n    withCurrentState: $withCurrentState\n  ) {\n    status\n    refetch\n    order {\n      ...OrderFields\n    }\n  }\n}": types.OrderStatusChangedDocument,
    "mutation ReturnApprove($input: ReturnApproveInput!) {\n  returnApprove(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}": types.ReturnApproveDocument,
    "mutation ReturnDecline($input: ReturnDeclineInput!) {\n  returnDecline(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}": types.ReturnDeclineDocument,
    "mutation ReturnRequest($input: ReturnRequestInput!) {\n  returnRequest(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}": types.ReturnRequestDocument,
    "query Post($id: ID!) {\n  post(id: $id) {\n    ...PostFields\n  }\n}": types.PostDocument,
    "mutation PostCreate($input: PostCreateInput!) {\n  postCreate(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.PostCreateDocument,
    "mutation PostDelete($input: PostDeleteInput!) {\n  postDelete(input: $input) {\n    deletedPostId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.PostDeleteDocument,
    "subscription PostEngagement($postId: ID!, $withCurrentState: Boolean) {\n  postEngagement(postId: $postId, withCurrentState: $withCurrentState) {\n    refetch\n    viewCount\n    likeCount\n    shareCount\n    purchaseCount\n  }\n}": types.PostEngagementDocument,
    "mutation PostLike($input: PostLikeInput!) {\n  postLike(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.PostLikeDocument,
    "mutation PostShare($input: PostShareInput!) {\n  postShare(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.PostShareDocument,
    "mutation PostUnlike($input: PostUnlikeInput!) {\n  postUnlike(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.PostUnlikeDocument,
    "mutation PostUpdate($input: PostUpdateInput!) {\n  postUpdate(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.PostUpdateDocument,
    "mutation PostView($input: PostViewInput!) {\n  postView(input: $input) {\n    counted\n    post {\n      id\n      viewCount\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.PostViewDocument,
    "mutation ProductTagTap($input: ProductTagTapInput!) {\n  productTagTap(input: $input) {\n    productTag {\n      id\n      tapCount\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ProductTagTapDocument,
    "mutation UserFollow($input: UserFollowInput!) {\n  userFollow(input: $input) {\n    user {\n      ...UserFields\n    }\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.UserFollowDocument,
    "mutation UserUnfollow($input: UserUnfollowInput!) {\n  userUnfollow(input: $input) {\n    user {\n      ...UserFields\n    }\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.UserUnfollowDocument,
    "query PlatformTaxRates {\n  platformTaxRates {\n    ...TaxRateFields\n  }\n}": types.PlatformTaxRatesDocument,
    "mutation ShippingZoneCreate($input: ShippingZoneCreateInput!) {\n  shippingZoneCreate(input: $input) {\n    shippingZone {\n      ...ShippingZoneFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ShippingZoneCreateDocument,
    "mutation ShippingZoneDelete($input: ShippingZoneDeleteInput!) {\n  shippingZoneDelete(input: $input) {\n    deletedShippingZoneId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ShippingZoneDeleteDocument,
    "mutation ShippingZoneUpdate($input: ShippingZoneUpdateInput!) {\n  shippingZoneUpdate(input: $input) {\n    shippingZone {\n      ...ShippingZoneFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ShippingZoneUpdateDocument,
    "mutation TaxRateDelete($input: TaxRateDeleteInput!) {\n  taxRateDelete(input: $input) {\n    deletedTaxRateId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.TaxRateDeleteDocument,
    "mutation TaxRateSet($input: TaxRateSetInput!) {\n  taxRateSet(input: $input) {\n    taxRate {\n      ...TaxRateFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.TaxRateSetDocument,
    "mutation ViewerAddressCreate($input: ViewerAddressCreateInput!) {\n  viewerAddressCreate(input: $input) {\n    address {\n      ...BuyerAddressFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ViewerAddressCreateDocument,
    "mutation ViewerAddressDelete($input: ViewerAddressDeleteInput!) {\n  viewerAddressDelete(input: $input) {\n    deletedAddressId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ViewerAddressDeleteDocument,
    "mutation ViewerAddressUpdate($input: ViewerAddressUpdateInput!) {\n  viewerAddressUpdate(input: $input) {\n    address {\n      ...BuyerAddressFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ViewerAddressUpdateDocument,
    "query Feed($kind: FeedKind!, $hashtag: String, $first: Int, $after: String, $last: Int, $before: String) {\n  feed(\n    kind: $kind\n    hashtag: $hashtag\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    kind\n    personalized\n    rankedAt\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...PostFields\n      }\n    }\n  }\n}": types.FeedDocument,
    "query RecommendedProducts($productId: ID, $forViewer: Boolean, $first: Int) {\n  recommendedProducts(productId: $productId, forViewer: $forViewer, first: $first) {\n    basis\n    personalized\n    products {\n      ...ProductFields\n    }\n  }\n}": types.RecommendedProductsDocument,
    "query TrendingProducts($window: TrendingWindow, $first: Int, $after: String, $last: Int, $before: String) {\n  trendingProducts(\n    window: $window\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    window\n    rankedAt\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...ProductFields\n      }\n    }\n  }\n}": types.TrendingProductsDocument,
    "fragment AffiliateLinkFields on AffiliateLink {\n  id\n  code\n  url\n  targetKind\n  enabled\n  rate\n  rateLockedUntil\n  createdAt\n  postId\n  product {\n    id\n    handle\n    title\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  creator {\n    id\n    handle\n    displayName\n  }\n}\n\nfragment AffiliateProgramFields on AffiliateProgram {\n  id\n  access\n  model\n  defaultRate\n  attributionWindowSeconds\n  holdDays\n  updatedAt\n  productRates {\n    productId\n    rate\n  }\n  shop {\n    id\n    handle\n    name\n  }\n}\n\nfragment AffiliateInvitationFields on AffiliateInvitation {\n  id\n  status\n  createdAt\n  creator {\n    id\n    handle\n    displayName\n  }\n  program {\n    ...AffiliateProgramFields\n  }\n}\n\nfragment AffiliateEarningsFields on AffiliateEarnings {\n  currencyCode\n  pending {\n    ...MoneyFields\n  }\n  payable {\n    ...MoneyFields\n  }\n  paid {\n    ...MoneyFields\n  }\n}\n\nfragment CommissionFields on Commission {\n  id\n  status\n  rate\n  reversal\n  selfReferral\n  orderId\n  orderNumber\n  payableAt\n  createdAt\n  amount {\n    ...MoneyFields\n  }\n  revenue {\n    ...MoneyFields\n  }\n  link {\n    id\n    code\n  }\n}": types.AffiliateLinkFieldsFragmentDoc,
    "fragment CartFields on Cart {\n  id\n  status\n  currencyCode\n  totalQuantity\n  createdAt\n  updatedAt\n  expiresAt\n  buyerIdentity {\n    email\n    countryCode\n  }\n  discountCodes {\n    code\n    applicable\n    reason\n    amount {\n      ...MoneyFields\n    }\n  }\n  cost {\n    subtotal {\n      ...MoneyFields\n    }\n    discount {\n      ...MoneyFields\n    }\n    shipping {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n    includedTax {\n      ...MoneyFields\n    }\n    total {\n      ...MoneyFields\n    }\n  }\n  deliveryAddress {\n    ...MailingAddressFields\n  }\n  deliveryGroups {\n    ...CartDeliveryGroupFields\n  }\n  lines {\n    id\n    quantity\n    livePriceApplied\n    attribution {\n      ...AttributionFields\n    }\n    cost {\n      unitPrice {\n        ...MoneyFields\n      }\n      regularUnitPrice {\n        ...MoneyFields\n      }\n      subtotal {\n        ...MoneyFields\n      }\n      discount {\n        ...MoneyFields\n      }\n      total {\n        ...MoneyFields\n      }\n      tax {\n        ...MoneyFields\n      }\n      taxIncluded\n    }\n    variant {\n      id\n      title\n      sku\n      availableForSale\n      quantityAvailable\n      product {\n        id\n        handle\n        title\n        shop {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.CartFieldsFragmentDoc,
    "fragment ShopFields on Shop {\n  id\n  handle\n  name\n  description\n  currencyCode\n  logoUrl\n  followerCount\n  viewerIsFollowing\n  pricesIncludeTax\n  returnWindowDays\n  refundShippingOnReturn\n}\n\nfragment VariantFields on ProductVariant {\n  id\n  title\n  sku\n  position\n  availableForSale\n  quantityAvailable\n  weightGrams\n  requiresShipping\n  price {\n    ...MoneyFields\n  }\n  compareAtPrice {\n    ...MoneyFields\n  }\n  selectedOptions {\n    name\n    value\n  }\n}\n\nfragment ProductFields on Product {\n  id\n  handle\n  title\n  description\n  vendor\n  productType\n  tags\n  status\n  availableForSale\n  currencyCode\n  totalInventory\n  publishedAt\n  priceRange {\n    min {\n      ...MoneyFields\n    }\n    max {\n      ...MoneyFields\n    }\n  }\n  media {\n    id\n    kind\n    url\n    alt\n    width\n    height\n    posterUrl\n  }\n  options {\n    id\n    name\n    values\n  }\n  variants {\n    ...VariantFields\n  }\n  shop {\n    id\n    handle\n    name\n  }\n}\n\nfragment ProductConnectionFields on ProductConnection {\n  totalCount\n  pageInfo {\n    ...PageInfoFields\n  }\n  edges {\n    cursor\n    node {\n      ...ProductFields\n    }\n  }\n}": types.ShopFieldsFragmentDoc,
    "fragment OrderFields on Order {\n  id\n  number\n  status\n  fulfillmentStatus\n  currencyCode\n  email\n  countryCode\n  discountCodes\n  createdAt\n  paidAt\n  fulfilledAt\n  cancelledAt\n  subtotal {\n    ...MoneyFields\n  }\n  discountTotal {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  refundedTotal {\n    ...MoneyFields\n  }\n  shippingTotal {\n    ...MoneyFields\n  }\n  taxTotal {\n    ...MoneyFields\n  }\n  taxesIncluded\n  shippingAddress {\n    ...MailingAddressFields\n  }\n  shippingLine {\n    handle\n    title\n    estimatedDays {\n      min\n      max\n    }\n    price {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n  }\n  taxLines {\n    name\n    percentage\n    amount {\n      ...MoneyFields\n    }\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  lines {\n    id\n    productId\n    productTitle\n    variantTitle\n    sku\n    quantity\n    refundedQuantity\n    fulfilledQuantity\n    returnedQuantity\n    unitPrice {\n      ...MoneyFields\n    }\n    discount {\n      ...MoneyFields\n    }\n    total {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n    attribution {\n      ...AttributionFields\n    }\n  }\n  payments {\n    provider\n    status\n    amount {\n      ...MoneyFields\n    }\n    refundedAmount {\n      ...MoneyFields\n    }\n  }\n  refunds {\n    status\n    restock\n    cancelsOrder\n    reason\n    createdAt\n    amount {\n      ...MoneyFields\n    }\n  }\n}\n\nfragment FulfillmentFields on Fulfillment {\n  id\n  createdAt\n  tracking {\n    carrier\n    number\n    url\n  }\n  lines {\n    quantity\n    line {\n      id\n    }\n  }\n}\n\nfragment ReturnFields on Return {\n  id\n  status\n  reason\n  restock\n  declineReason\n  createdAt\n  decidedAt\n  lines {\n    quantity\n    line {\n      id\n    }\n  }\n  refund {\n    status\n    amount {\n      ...MoneyFields\n    }\n  }\n}": types.OrderFieldsFragmentDoc,
    "fragment MoneyFields on Money {\n  amount\n  currencyCode\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  hasPreviousPage\n  startCursor\n  endCursor\n}\n\nfragment AttributionFields on LineAttribution {\n  postId\n  productTagId\n  affiliateCode\n  liveSessionId\n}\n\nfragment UserFields on User {\n  id\n  handle\n  displayName\n  avatarUrl\n  isCreator\n  followerCount\n  followingCount\n  viewerIsFollowing\n}": types.MoneyFieldsFragmentDoc,
    "fragment ProductTagFields on ProductTag {\n  id\n  position\n  x\n  y\n  startMs\n  endMs\n  product {\n    id\n    handle\n    title\n    availableForSale\n    priceRange {\n      min {\n        ...MoneyFields\n      }\n    }\n    variants {\n      id\n      availableForSale\n    }\n  }\n  variant {\n    id\n    title\n    availableForSale\n    price {\n      ...MoneyFields\n    }\n  }\n}\n\nfragment PostFields on Post {\n  id\n  caption\n  hashtags\n  visibility\n  createdAt\n  likeCount\n  viewCount\n  shareCount\n  purchaseCount\n  viewerHasLiked\n  author {\n    id\n    handle\n    displayName\n    avatarUrl\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  media {\n    kind\n    url\n    posterUrl\n    width\n    height\n    durationMs\n  }\n  productTags {\n    ...ProductTagFields\n  }\n}": types.ProductTagFieldsFragmentDoc,
    "fragment MailingAddressFields on MailingAddress {\n  firstName\n  lastName\n  company\n  address1\n  address2\n  city\n  provinceCode\n  zip\n  countryCode\n  phone\n  formatted\n}\n\nfragment BuyerAddressFields on BuyerAddress {\n  id\n  isDefault\n  createdAt\n  updatedAt\n  address {\n    ...MailingAddressFields\n  }\n}\n\nfragment DeliveryOptionFields on CartDeliveryOption {\n  handle\n  title\n  estimatedDays {\n    min\n    max\n  }\n  cost {\n    ...MoneyFields\n  }\n}\n\nfragment CartDeliveryGroupFields on CartDeliveryGroup {\n  shop {\n    id\n    name\n  }\n  requiresShipping\n  deliveryUnavailableReason\n  deliveryOptions {\n    ...DeliveryOptionFields\n  }\n  selectedDeliveryOption {\n    ...DeliveryOptionFields\n  }\n}\n\nfragment ShippingZoneFields on ShippingZone {\n  id\n  name\n  countryCodes\n  provinceCodes\n  createdAt\n  updatedAt\n  rates {\n    handle\n    title\n    condition\n    price {\n      ...MoneyFields\n    }\n    weightRange {\n      minGrams\n      maxGrams\n    }\n    orderValueRange {\n      min {\n        ...MoneyFields\n      }\n      max {\n        ...MoneyFields\n      }\n    }\n    freeAbove {\n      ...MoneyFields\n    }\n    estimatedDays {\n      min\n      max\n    }\n  }\n}\n\nfragment TaxRateFields on TaxRate {\n  id\n  countryCode\n  provinceCode\n  name\n  percentage\n  shippingTaxable\n  createdAt\n  updatedAt\n  shop {\n    id\n  }\n}": types.MailingAddressFieldsFragmentDoc,
    "fragment LiveSessionFields on LiveSession {\n  id\n  title\n  playbackUrl\n  status\n  scheduledAt\n  startedAt\n  endedAt\n  viewerCount\n  peakViewerCount\n  replayPostId\n  host {\n    id\n    handle\n    displayName\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  pinnedProducts {\n    id\n    pinnedAt\n    livePrice {\n      ...MoneyFields\n    }\n    livePriceActive\n    quantityCap\n    quantitySold\n    remaining\n    product {\n      id\n      handle\n      title\n    }\n    variant {\n      id\n      title\n    }\n  }\n}": types.LiveSessionFieldsFragmentDoc,
    "fragment WebhookEndpointFields on WebhookEndpoint {\n  id\n  url\n  description\n  topics\n  enabled\n  signingSecret\n  createdAt\n  shop {\n    id\n    handle\n    name\n  }\n}": types.WebhookEndpointFieldsFragmentDoc,
    "query Node($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Product {\n      ...ProductFields\n    }\n    ... on Shop {\n      ...ShopFields\n    }\n    ... on User {\n      ...UserFields\n    }\n  }\n}": types.NodeDocument,
    "query Nodes($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    __typename\n    id\n    ... on Product {\n      ...ProductFields\n    }\n    ... on Shop {\n      ...ShopFields\n    }\n    ... on User {\n      ...UserFields\n    }\n  }\n}": types.NodesDocument,
    "query Viewer($ordersFirst: Int = 10, $cartsFirst: Int = 5, $affiliateLinksFirst: Int = 10) {\n  viewer {\n    roles\n    apiKey {\n      kind\n    }\n    user {\n      ...UserFields\n      email\n    }\n    consent {\n      personalization\n      analytics\n    }\n    addresses {\n      ...BuyerAddressFields\n    }\n    shops {\n      ...ShopFields\n    }\n    carts(first: $cartsFirst) {\n      edges {\n        node {\n          id\n          status\n          totalQuantity\n          updatedAt\n        }\n      }\n    }\n    orders(first: $ordersFirst) {\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...OrderFields\n        }\n      }\n    }\n    earnings {\n      ...AffiliateEarningsFields\n    }\n    affiliateLinks(first: $affiliateLinksFirst) {\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...AffiliateLinkFields\n        }\n      }\n    }\n    affiliateInvitations {\n      ...AffiliateInvitationFields\n    }\n  }\n}": types.ViewerDocument,
    "query LiveSession($id: ID!) {\n  liveSession(id: $id) {\n    ...LiveSessionFields\n  }\n}": types.LiveSessionDocument,
    "mutation LiveSessionCancel($input: LiveSessionCancelInput!) {\n  liveSessionCancel(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionCancelDocument,
    "mutation LiveSessionEnd($input: LiveSessionEndInput!) {\n  liveSessionEnd(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionEndDocument,
    "subscription LiveSessionEvents($liveSessionId: ID!, $withCurrentState: Boolean) {\n  liveSessionEvents(\n    liveSessionId: $liveSessionId\n    withCurrentState: $withCurrentState\n  ) {\n    kind\n    liveSessionId\n    occurredAt\n    status\n    viewerCount\n    refetch\n    pinnedProduct {\n      pinnedProductId\n      productId\n      variantId\n      quantityCap\n      livePrice {\n        ...MoneyFields\n      }\n    }\n  }\n}": types.LiveSessionEventsDocument,
    "mutation LiveSessionJoin($input: LiveSessionJoinInput!) {\n  liveSessionJoin(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionJoinDocument,
    "mutation LiveSessionLeave($input: LiveSessionLeaveInput!) {\n  liveSessionLeave(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionLeaveDocument,
    "mutation LiveSessionPinProduct($input: LiveSessionPinProductInput!) {\n  liveSessionPinProduct(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionPinProductDocument,
    "mutation LiveSessionSchedule($input: LiveSessionScheduleInput!) {\n  liveSessionSchedule(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionScheduleDocument,
    "mutation LiveSessionStart($input: LiveSessionStartInput!) {\n  liveSessionStart(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionStartDocument,
    "mutation LiveSessionUnpinProduct($input: LiveSessionUnpinProductInput!) {\n  liveSessionUnpinProduct(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.LiveSessionUnpinProductDocument,
    "query LiveSessions($status: LiveSessionStatus!, $hostId: ID, $shopId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n  liveSessions(\n    status: $status\n    hostId: $hostId\n    shopId: $shopId\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...LiveSessionFields\n      }\n    }\n  }\n}": types.LiveSessionsDocument,
    "mutation ViewerConsentUpdate($input: ViewerConsentUpdateInput!) {\n  viewerConsentUpdate(input: $input) {\n    consent {\n      personalization\n      analytics\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ViewerConsentUpdateDocument,
    "mutation ViewerDataExport($input: ViewerDataExportInput) {\n  viewerDataExport(input: $input) {\n    data\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ViewerDataExportDocument,
    "mutation ViewerErase($input: ViewerEraseInput!) {\n  viewerErase(input: $input) {\n    erasedAt\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.ViewerEraseDocument,
    "query PlatformWebhookEndpoints {\n  platformWebhookEndpoints {\n    ...WebhookEndpointFields\n  }\n}": types.PlatformWebhookEndpointsDocument,
    "mutation WebhookEndpointCreate($input: WebhookEndpointCreateInput!) {\n  webhookEndpointCreate(input: $input) {\n    webhookEndpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.WebhookEndpointCreateDocument,
    "mutation WebhookEndpointDelete($input: WebhookEndpointDeleteInput!) {\n  webhookEndpointDelete(input: $input) {\n    deletedWebhookEndpointId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.WebhookEndpointDeleteDocument,
    "mutation WebhookEndpointUpdate($input: WebhookEndpointUpdateInput!) {\n  webhookEndpointUpdate(input: $input) {\n    webhookEndpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.WebhookEndpointUpdateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AffiliateInvitationAccept($input: AffiliateInvitationAnswerInput!) {\n  affiliateInvitationAccept(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').AffiliateInvitationAcceptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AffiliateInvitationDecline($input: AffiliateInvitationAnswerInput!) {\n  affiliateInvitationDecline(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').AffiliateInvitationDeclineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AffiliateInvite($input: AffiliateInviteInput!) {\n  affiliateInvite(input: $input) {\n    invitation {\n      ...AffiliateInvitationFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').AffiliateInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AffiliateLink($code: String!) {\n  affiliateLink(code: $code) {\n    ...AffiliateLinkFields\n  }\n}"): typeof import('./graphql.js').AffiliateLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AffiliateLinkCreate($input: AffiliateLinkCreateInput!) {\n  affiliateLinkCreate(input: $input) {\n    affiliateLink {\n      ...AffiliateLinkFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').AffiliateLinkCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AffiliatePayout($input: AffiliatePayoutInput!) {\n  affiliatePayout(input: $input) {\n    payouts {\n      id\n      commissionCount\n      createdAt\n      amount {\n        ...MoneyFields\n      }\n      creator {\n        id\n        handle\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').AffiliatePayoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AffiliateProgramUpsert($input: AffiliateProgramUpsertInput!) {\n  affiliateProgramUpsert(input: $input) {\n    affiliateProgram {\n      ...AffiliateProgramFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').AffiliateProgramUpsertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CommissionEvents($withCurrentState: Boolean) {\n  commissionEvents(withCurrentState: $withCurrentState) {\n    kind\n    refetch\n    commissions {\n      ...CommissionFields\n    }\n  }\n}"): typeof import('./graphql.js').CommissionEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cart($id: ID!) {\n  cart(id: $id) {\n    ...CartFields\n  }\n}"): typeof import('./graphql.js').CartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartBuyerIdentityUpdate($input: CartBuyerIdentityUpdateInput!) {\n  cartBuyerIdentityUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartBuyerIdentityUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartCreate($input: CartCreateInput) {\n  cartCreate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartDeliveryAddressUpdate($input: CartDeliveryAddressUpdateInput!) {\n  cartDeliveryAddressUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartDeliveryAddressUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartDiscountCodesUpdate($input: CartDiscountCodesUpdateInput!) {\n  cartDiscountCodesUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartDiscountCodesUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartLinesAdd($input: CartLinesAddInput!) {\n  cartLinesAdd(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartLinesAddDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartLinesRemove($input: CartLinesRemoveInput!) {\n  cartLinesRemove(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartLinesRemoveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartLinesUpdate($input: CartLinesUpdateInput!) {\n  cartLinesUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartLinesUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CartSelectedDeliveryOptionsUpdate($input: CartSelectedDeliveryOptionsUpdateInput!) {\n  cartSelectedDeliveryOptionsUpdate(input: $input) {\n    cart {\n      ...CartFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n    }\n  }\n}"): typeof import('./graphql.js').CartSelectedDeliveryOptionsUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CartUpdated($cartId: ID!, $withCurrentState: Boolean) {\n  cartUpdated(cartId: $cartId, withCurrentState: $withCurrentState) {\n    refetch\n    cart {\n      ...CartFields\n    }\n  }\n}"): typeof import('./graphql.js').CartUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DiscountCodeCreate($input: DiscountCodeCreateInput!) {\n  discountCodeCreate(input: $input) {\n    discountCode {\n      id\n      code\n      kind\n      percentage\n      amount {\n        ...MoneyFields\n      }\n      usageLimit\n      usageCount\n      startsAt\n      endsAt\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').DiscountCodeCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Collection($handle: String!, $first: Int = 20, $after: String) {\n  collection(handle: $handle) {\n    id\n    handle\n    title\n    description\n    shop {\n      id\n      handle\n      name\n    }\n    products(first: $first, after: $after) {\n      ...ProductConnectionFields\n    }\n  }\n}"): typeof import('./graphql.js').CollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InventoryAdjust($input: InventoryAdjustInput!) {\n  inventoryAdjust(input: $input) {\n    variant {\n      ...VariantFields\n      product {\n        id\n        totalInventory\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').InventoryAdjustDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription InventoryChanged($productId: ID!, $withCurrentState: Boolean) {\n  inventoryChanged(productId: $productId, withCurrentState: $withCurrentState) {\n    refetch\n    product {\n      id\n      availableForSale\n      totalInventory\n      variants {\n        id\n        availableForSale\n        quantityAvailable\n      }\n    }\n  }\n}"): typeof import('./graphql.js').InventoryChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Product($id: ID, $handle: String) {\n  product(id: $id, handle: $handle) {\n    ...ProductFields\n    socialProof {\n      purchasesLast24h\n      postCount\n      likeCount\n    }\n  }\n}"): typeof import('./graphql.js').ProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProductArchive($input: ProductArchiveInput!) {\n  productArchive(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ProductArchiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProductCreate($input: ProductCreateInput!) {\n  productCreate(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ProductCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProductUpdate($input: ProductUpdateInput!) {\n  productUpdate(input: $input) {\n    product {\n      ...ProductFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ProductUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Products($query: String, $filter: ProductFilter, $sortKey: ProductSortKey, $reverse: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  products(\n    query: $query\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    ...ProductConnectionFields\n  }\n}"): typeof import('./graphql.js').ProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Shop($handle: String!, $productsFirst: Int = 20) {\n  shop(handle: $handle) {\n    ...ShopFields\n    shippingZones {\n      ...ShippingZoneFields\n    }\n    taxRates {\n      ...TaxRateFields\n    }\n    products(first: $productsFirst) {\n      ...ProductConnectionFields\n    }\n  }\n}"): typeof import('./graphql.js').ShopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShopCreate($input: ShopCreateInput!) {\n  shopCreate(input: $input) {\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ShopCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShopUpdate($input: ShopUpdateInput!) {\n  shopUpdate(input: $input) {\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ShopUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Shops($first: Int, $after: String, $last: Int, $before: String) {\n  shops(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...ShopFields\n      }\n    }\n  }\n}"): typeof import('./graphql.js').ShopsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CheckoutComplete($input: CheckoutCompleteInput!) {\n  checkoutComplete(input: $input) {\n    order {\n      ...OrderFields\n    }\n    orders {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityAvailable\n      variantId\n      shopId\n    }\n  }\n}"): typeof import('./graphql.js').CheckoutCompleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Order($id: ID!) {\n  order(id: $id) {\n    ...OrderFields\n    fulfillments {\n      ...FulfillmentFields\n    }\n    returns {\n      ...ReturnFields\n    }\n  }\n}"): typeof import('./graphql.js').OrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderCancel($input: OrderCancelInput!) {\n  orderCancel(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').OrderCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderFulfill($input: OrderFulfillInput!) {\n  orderFulfill(input: $input) {\n    order {\n      ...OrderFields\n    }\n    fulfillment {\n      id\n      createdAt\n      tracking {\n        carrier\n        number\n        url\n      }\n      lines {\n        quantity\n        line {\n          id\n        }\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityFulfillable\n    }\n  }\n}"): typeof import('./graphql.js').OrderFulfillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderRefund($input: OrderRefundInput!) {\n  orderRefund(input: $input) {\n    order {\n      ...OrderFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').OrderRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OrderStatusChanged($orderId: ID!, $cartId: ID, $withCurrentState: Boolean) {\n  orderStatusChanged(\n    orderId: $orderId\n    cartId: $cartId\n    withCurrentState: $withCurrentState\n  ) {\n    status\n    refetch\n    order {\n      ...OrderFields\n    }\n  }\n}"): typeof import('./graphql.js').OrderStatusChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnApprove($input: ReturnApproveInput!) {\n  returnApprove(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}"): typeof import('./graphql.js').ReturnApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnDecline($input: ReturnDeclineInput!) {\n  returnDecline(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}"): typeof import('./graphql.js').ReturnDeclineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnRequest($input: ReturnRequestInput!) {\n  returnRequest(input: $input) {\n    return {\n      ...ReturnFields\n    }\n    userErrors {\n      code\n      field\n      message\n      quantityReturnable\n    }\n  }\n}"): typeof import('./graphql.js').ReturnRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Post($id: ID!) {\n  post(id: $id) {\n    ...PostFields\n  }\n}"): typeof import('./graphql.js').PostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostCreate($input: PostCreateInput!) {\n  postCreate(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').PostCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostDelete($input: PostDeleteInput!) {\n  postDelete(input: $input) {\n    deletedPostId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').PostDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription PostEngagement($postId: ID!, $withCurrentState: Boolean) {\n  postEngagement(postId: $postId, withCurrentState: $withCurrentState) {\n    refetch\n    viewCount\n    likeCount\n    shareCount\n    purchaseCount\n  }\n}"): typeof import('./graphql.js').PostEngagementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostLike($input: PostLikeInput!) {\n  postLike(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').PostLikeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostShare($input: PostShareInput!) {\n  postShare(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').PostShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostUnlike($input: PostUnlikeInput!) {\n  postUnlike(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').PostUnlikeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostUpdate($input: PostUpdateInput!) {\n  postUpdate(input: $input) {\n    post {\n      ...PostFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').PostUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostView($input: PostViewInput!) {\n  postView(input: $input) {\n    counted\n    post {\n      id\n      viewCount\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').PostViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProductTagTap($input: ProductTagTapInput!) {\n  productTagTap(input: $input) {\n    productTag {\n      id\n      tapCount\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ProductTagTapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UserFollow($input: UserFollowInput!) {\n  userFollow(input: $input) {\n    user {\n      ...UserFields\n    }\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').UserFollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UserUnfollow($input: UserUnfollowInput!) {\n  userUnfollow(input: $input) {\n    user {\n      ...UserFields\n    }\n    shop {\n      ...ShopFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').UserUnfollowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlatformTaxRates {\n  platformTaxRates {\n    ...TaxRateFields\n  }\n}"): typeof import('./graphql.js').PlatformTaxRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShippingZoneCreate($input: ShippingZoneCreateInput!) {\n  shippingZoneCreate(input: $input) {\n    shippingZone {\n      ...ShippingZoneFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ShippingZoneCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShippingZoneDelete($input: ShippingZoneDeleteInput!) {\n  shippingZoneDelete(input: $input) {\n    deletedShippingZoneId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ShippingZoneDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShippingZoneUpdate($input: ShippingZoneUpdateInput!) {\n  shippingZoneUpdate(input: $input) {\n    shippingZone {\n      ...ShippingZoneFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ShippingZoneUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TaxRateDelete($input: TaxRateDeleteInput!) {\n  taxRateDelete(input: $input) {\n    deletedTaxRateId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').TaxRateDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TaxRateSet($input: TaxRateSetInput!) {\n  taxRateSet(input: $input) {\n    taxRate {\n      ...TaxRateFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').TaxRateSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ViewerAddressCreate($input: ViewerAddressCreateInput!) {\n  viewerAddressCreate(input: $input) {\n    address {\n      ...BuyerAddressFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ViewerAddressCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ViewerAddressDelete($input: ViewerAddressDeleteInput!) {\n  viewerAddressDelete(input: $input) {\n    deletedAddressId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ViewerAddressDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ViewerAddressUpdate($input: ViewerAddressUpdateInput!) {\n  viewerAddressUpdate(input: $input) {\n    address {\n      ...BuyerAddressFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ViewerAddressUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feed($kind: FeedKind!, $hashtag: String, $first: Int, $after: String, $last: Int, $before: String) {\n  feed(\n    kind: $kind\n    hashtag: $hashtag\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    kind\n    personalized\n    rankedAt\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...PostFields\n      }\n    }\n  }\n}"): typeof import('./graphql.js').FeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecommendedProducts($productId: ID, $forViewer: Boolean, $first: Int) {\n  recommendedProducts(productId: $productId, forViewer: $forViewer, first: $first) {\n    basis\n    personalized\n    products {\n      ...ProductFields\n    }\n  }\n}"): typeof import('./graphql.js').RecommendedProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TrendingProducts($window: TrendingWindow, $first: Int, $after: String, $last: Int, $before: String) {\n  trendingProducts(\n    window: $window\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    window\n    rankedAt\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...ProductFields\n      }\n    }\n  }\n}"): typeof import('./graphql.js').TrendingProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AffiliateLinkFields on AffiliateLink {\n  id\n  code\n  url\n  targetKind\n  enabled\n  rate\n  rateLockedUntil\n  createdAt\n  postId\n  product {\n    id\n    handle\n    title\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  creator {\n    id\n    handle\n    displayName\n  }\n}\n\nfragment AffiliateProgramFields on AffiliateProgram {\n  id\n  access\n  model\n  defaultRate\n  attributionWindowSeconds\n  holdDays\n  updatedAt\n  productRates {\n    productId\n    rate\n  }\n  shop {\n    id\n    handle\n    name\n  }\n}\n\nfragment AffiliateInvitationFields on AffiliateInvitation {\n  id\n  status\n  createdAt\n  creator {\n    id\n    handle\n    displayName\n  }\n  program {\n    ...AffiliateProgramFields\n  }\n}\n\nfragment AffiliateEarningsFields on AffiliateEarnings {\n  currencyCode\n  pending {\n    ...MoneyFields\n  }\n  payable {\n    ...MoneyFields\n  }\n  paid {\n    ...MoneyFields\n  }\n}\n\nfragment CommissionFields on Commission {\n  id\n  status\n  rate\n  reversal\n  selfReferral\n  orderId\n  orderNumber\n  payableAt\n  createdAt\n  amount {\n    ...MoneyFields\n  }\n  revenue {\n    ...MoneyFields\n  }\n  link {\n    id\n    code\n  }\n}"): typeof import('./graphql.js').AffiliateLinkFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CartFields on Cart {\n  id\n  status\n  currencyCode\n  totalQuantity\n  createdAt\n  updatedAt\n  expiresAt\n  buyerIdentity {\n    email\n    countryCode\n  }\n  discountCodes {\n    code\n    applicable\n    reason\n    amount {\n      ...MoneyFields\n    }\n  }\n  cost {\n    subtotal {\n      ...MoneyFields\n    }\n    discount {\n      ...MoneyFields\n    }\n    shipping {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n    includedTax {\n      ...MoneyFields\n    }\n    total {\n      ...MoneyFields\n    }\n  }\n  deliveryAddress {\n    ...MailingAddressFields\n  }\n  deliveryGroups {\n    ...CartDeliveryGroupFields\n  }\n  lines {\n    id\n    quantity\n    livePriceApplied\n    attribution {\n      ...AttributionFields\n    }\n    cost {\n      unitPrice {\n        ...MoneyFields\n      }\n      regularUnitPrice {\n        ...MoneyFields\n      }\n      subtotal {\n        ...MoneyFields\n      }\n      discount {\n        ...MoneyFields\n      }\n      total {\n        ...MoneyFields\n      }\n      tax {\n        ...MoneyFields\n      }\n      taxIncluded\n    }\n    variant {\n      id\n      title\n      sku\n      availableForSale\n      quantityAvailable\n      product {\n        id\n        handle\n        title\n        shop {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').CartFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ShopFields on Shop {\n  id\n  handle\n  name\n  description\n  currencyCode\n  logoUrl\n  followerCount\n  viewerIsFollowing\n  pricesIncludeTax\n  returnWindowDays\n  refundShippingOnReturn\n}\n\nfragment VariantFields on ProductVariant {\n  id\n  title\n  sku\n  position\n  availableForSale\n  quantityAvailable\n  weightGrams\n  requiresShipping\n  price {\n    ...MoneyFields\n  }\n  compareAtPrice {\n    ...MoneyFields\n  }\n  selectedOptions {\n    name\n    value\n  }\n}\n\nfragment ProductFields on Product {\n  id\n  handle\n  title\n  description\n  vendor\n  productType\n  tags\n  status\n  availableForSale\n  currencyCode\n  totalInventory\n  publishedAt\n  priceRange {\n    min {\n      ...MoneyFields\n    }\n    max {\n      ...MoneyFields\n    }\n  }\n  media {\n    id\n    kind\n    url\n    alt\n    width\n    height\n    posterUrl\n  }\n  options {\n    id\n    name\n    values\n  }\n  variants {\n    ...VariantFields\n  }\n  shop {\n    id\n    handle\n    name\n  }\n}\n\nfragment ProductConnectionFields on ProductConnection {\n  totalCount\n  pageInfo {\n    ...PageInfoFields\n  }\n  edges {\n    cursor\n    node {\n      ...ProductFields\n    }\n  }\n}"): typeof import('./graphql.js').ShopFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OrderFields on Order {\n  id\n  number\n  status\n  fulfillmentStatus\n  currencyCode\n  email\n  countryCode\n  discountCodes\n  createdAt\n  paidAt\n  fulfilledAt\n  cancelledAt\n  subtotal {\n    ...MoneyFields\n  }\n  discountTotal {\n    ...MoneyFields\n  }\n  total {\n    ...MoneyFields\n  }\n  refundedTotal {\n    ...MoneyFields\n  }\n  shippingTotal {\n    ...MoneyFields\n  }\n  taxTotal {\n    ...MoneyFields\n  }\n  taxesIncluded\n  shippingAddress {\n    ...MailingAddressFields\n  }\n  shippingLine {\n    handle\n    title\n    estimatedDays {\n      min\n      max\n    }\n    price {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n  }\n  taxLines {\n    name\n    percentage\n    amount {\n      ...MoneyFields\n    }\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  lines {\n    id\n    productId\n    productTitle\n    variantTitle\n    sku\n    quantity\n    refundedQuantity\n    fulfilledQuantity\n    returnedQuantity\n    unitPrice {\n      ...MoneyFields\n    }\n    discount {\n      ...MoneyFields\n    }\n    total {\n      ...MoneyFields\n    }\n    tax {\n      ...MoneyFields\n    }\n    attribution {\n      ...AttributionFields\n    }\n  }\n  payments {\n    provider\n    status\n    amount {\n      ...MoneyFields\n    }\n    refundedAmount {\n      ...MoneyFields\n    }\n  }\n  refunds {\n    status\n    restock\n    cancelsOrder\n    reason\n    createdAt\n    amount {\n      ...MoneyFields\n    }\n  }\n}\n\nfragment FulfillmentFields on Fulfillment {\n  id\n  createdAt\n  tracking {\n    carrier\n    number\n    url\n  }\n  lines {\n    quantity\n    line {\n      id\n    }\n  }\n}\n\nfragment ReturnFields on Return {\n  id\n  status\n  reason\n  restock\n  declineReason\n  createdAt\n  decidedAt\n  lines {\n    quantity\n    line {\n      id\n    }\n  }\n  refund {\n    status\n    amount {\n      ...MoneyFields\n    }\n  }\n}"): typeof import('./graphql.js').OrderFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MoneyFields on Money {\n  amount\n  currencyCode\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  hasPreviousPage\n  startCursor\n  endCursor\n}\n\nfragment AttributionFields on LineAttribution {\n  postId\n  productTagId\n  affiliateCode\n  liveSessionId\n}\n\nfragment UserFields on User {\n  id\n  handle\n  displayName\n  avatarUrl\n  isCreator\n  followerCount\n  followingCount\n  viewerIsFollowing\n}"): typeof import('./graphql.js').MoneyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProductTagFields on ProductTag {\n  id\n  position\n  x\n  y\n  startMs\n  endMs\n  product {\n    id\n    handle\n    title\n    availableForSale\n    priceRange {\n      min {\n        ...MoneyFields\n      }\n    }\n    variants {\n      id\n      availableForSale\n    }\n  }\n  variant {\n    id\n    title\n    availableForSale\n    price {\n      ...MoneyFields\n    }\n  }\n}\n\nfragment PostFields on Post {\n  id\n  caption\n  hashtags\n  visibility\n  createdAt\n  likeCount\n  viewCount\n  shareCount\n  purchaseCount\n  viewerHasLiked\n  author {\n    id\n    handle\n    displayName\n    avatarUrl\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  media {\n    kind\n    url\n    posterUrl\n    width\n    height\n    durationMs\n  }\n  productTags {\n    ...ProductTagFields\n  }\n}"): typeof import('./graphql.js').ProductTagFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MailingAddressFields on MailingAddress {\n  firstName\n  lastName\n  company\n  address1\n  address2\n  city\n  provinceCode\n  zip\n  countryCode\n  phone\n  formatted\n}\n\nfragment BuyerAddressFields on BuyerAddress {\n  id\n  isDefault\n  createdAt\n  updatedAt\n  address {\n    ...MailingAddressFields\n  }\n}\n\nfragment DeliveryOptionFields on CartDeliveryOption {\n  handle\n  title\n  estimatedDays {\n    min\n    max\n  }\n  cost {\n    ...MoneyFields\n  }\n}\n\nfragment CartDeliveryGroupFields on CartDeliveryGroup {\n  shop {\n    id\n    name\n  }\n  requiresShipping\n  deliveryUnavailableReason\n  deliveryOptions {\n    ...DeliveryOptionFields\n  }\n  selectedDeliveryOption {\n    ...DeliveryOptionFields\n  }\n}\n\nfragment ShippingZoneFields on ShippingZone {\n  id\n  name\n  countryCodes\n  provinceCodes\n  createdAt\n  updatedAt\n  rates {\n    handle\n    title\n    condition\n    price {\n      ...MoneyFields\n    }\n    weightRange {\n      minGrams\n      maxGrams\n    }\n    orderValueRange {\n      min {\n        ...MoneyFields\n      }\n      max {\n        ...MoneyFields\n      }\n    }\n    freeAbove {\n      ...MoneyFields\n    }\n    estimatedDays {\n      min\n      max\n    }\n  }\n}\n\nfragment TaxRateFields on TaxRate {\n  id\n  countryCode\n  provinceCode\n  name\n  percentage\n  shippingTaxable\n  createdAt\n  updatedAt\n  shop {\n    id\n  }\n}"): typeof import('./graphql.js').MailingAddressFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment LiveSessionFields on LiveSession {\n  id\n  title\n  playbackUrl\n  status\n  scheduledAt\n  startedAt\n  endedAt\n  viewerCount\n  peakViewerCount\n  replayPostId\n  host {\n    id\n    handle\n    displayName\n  }\n  shop {\n    id\n    handle\n    name\n  }\n  pinnedProducts {\n    id\n    pinnedAt\n    livePrice {\n      ...MoneyFields\n    }\n    livePriceActive\n    quantityCap\n    quantitySold\n    remaining\n    product {\n      id\n      handle\n      title\n    }\n    variant {\n      id\n      title\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment WebhookEndpointFields on WebhookEndpoint {\n  id\n  url\n  description\n  topics\n  enabled\n  signingSecret\n  createdAt\n  shop {\n    id\n    handle\n    name\n  }\n}"): typeof import('./graphql.js').WebhookEndpointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Node($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Product {\n      ...ProductFields\n    }\n    ... on Shop {\n      ...ShopFields\n    }\n    ... on User {\n      ...UserFields\n    }\n  }\n}"): typeof import('./graphql.js').NodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Nodes($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    __typename\n    id\n    ... on Product {\n      ...ProductFields\n    }\n    ... on Shop {\n      ...ShopFields\n    }\n    ... on User {\n      ...UserFields\n    }\n  }\n}"): typeof import('./graphql.js').NodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer($ordersFirst: Int = 10, $cartsFirst: Int = 5, $affiliateLinksFirst: Int = 10) {\n  viewer {\n    roles\n    apiKey {\n      kind\n    }\n    user {\n      ...UserFields\n      email\n    }\n    consent {\n      personalization\n      analytics\n    }\n    addresses {\n      ...BuyerAddressFields\n    }\n    shops {\n      ...ShopFields\n    }\n    carts(first: $cartsFirst) {\n      edges {\n        node {\n          id\n          status\n          totalQuantity\n          updatedAt\n        }\n      }\n    }\n    orders(first: $ordersFirst) {\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...OrderFields\n        }\n      }\n    }\n    earnings {\n      ...AffiliateEarningsFields\n    }\n    affiliateLinks(first: $affiliateLinksFirst) {\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        cursor\n        node {\n          ...AffiliateLinkFields\n        }\n      }\n    }\n    affiliateInvitations {\n      ...AffiliateInvitationFields\n    }\n  }\n}"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveSession($id: ID!) {\n  liveSession(id: $id) {\n    ...LiveSessionFields\n  }\n}"): typeof import('./graphql.js').LiveSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionCancel($input: LiveSessionCancelInput!) {\n  liveSessionCancel(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionEnd($input: LiveSessionEndInput!) {\n  liveSessionEnd(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionEndDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LiveSessionEvents($liveSessionId: ID!, $withCurrentState: Boolean) {\n  liveSessionEvents(\n    liveSessionId: $liveSessionId\n    withCurrentState: $withCurrentState\n  ) {\n    kind\n    liveSessionId\n    occurredAt\n    status\n    viewerCount\n    refetch\n    pinnedProduct {\n      pinnedProductId\n      productId\n      variantId\n      quantityCap\n      livePrice {\n        ...MoneyFields\n      }\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionJoin($input: LiveSessionJoinInput!) {\n  liveSessionJoin(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionJoinDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionLeave($input: LiveSessionLeaveInput!) {\n  liveSessionLeave(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionLeaveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionPinProduct($input: LiveSessionPinProductInput!) {\n  liveSessionPinProduct(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionPinProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionSchedule($input: LiveSessionScheduleInput!) {\n  liveSessionSchedule(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionStart($input: LiveSessionStartInput!) {\n  liveSessionStart(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionStartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionUnpinProduct($input: LiveSessionUnpinProductInput!) {\n  liveSessionUnpinProduct(input: $input) {\n    liveSession {\n      ...LiveSessionFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionUnpinProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveSessions($status: LiveSessionStatus!, $hostId: ID, $shopId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n  liveSessions(\n    status: $status\n    hostId: $hostId\n    shopId: $shopId\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...LiveSessionFields\n      }\n    }\n  }\n}"): typeof import('./graphql.js').LiveSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ViewerConsentUpdate($input: ViewerConsentUpdateInput!) {\n  viewerConsentUpdate(input: $input) {\n    consent {\n      personalization\n      analytics\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ViewerConsentUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ViewerDataExport($input: ViewerDataExportInput) {\n  viewerDataExport(input: $input) {\n    data\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ViewerDataExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ViewerErase($input: ViewerEraseInput!) {\n  viewerErase(input: $input) {\n    erasedAt\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').ViewerEraseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlatformWebhookEndpoints {\n  platformWebhookEndpoints {\n    ...WebhookEndpointFields\n  }\n}"): typeof import('./graphql.js').PlatformWebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WebhookEndpointCreate($input: WebhookEndpointCreateInput!) {\n  webhookEndpointCreate(input: $input) {\n    webhookEndpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').WebhookEndpointCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WebhookEndpointDelete($input: WebhookEndpointDeleteInput!) {\n  webhookEndpointDelete(input: $input) {\n    deletedWebhookEndpointId\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').WebhookEndpointDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WebhookEndpointUpdate($input: WebhookEndpointUpdateInput!) {\n  webhookEndpointUpdate(input: $input) {\n    webhookEndpoint {\n      ...WebhookEndpointFields\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): typeof import('./graphql.js').WebhookEndpointUpdateDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
