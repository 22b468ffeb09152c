/** What a cart may hold: enforced on write (cart/service.ts) and priced by (cart/cart.ts). */
export const CART_LIMITS = { lines: 100, quantity: 1000, discountCodes: 10 } as const;
