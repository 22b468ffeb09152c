import { builder } from "../builder.ts";
import { formatMinorUnits } from "../money.ts";
import { CurrencyCode } from "./scalars.ts";

/** What a Money field resolves from: minor units and a currency code. */
export interface MoneyShape {
  amount: number;
  currencyCode: string;
}

export const Money = builder.objectRef<MoneyShape>("Money").implement({
  description:
    'An amount of money. `amount` is a decimal string ("12.50"), exact to the currency\'s minor unit.',
  fields: (t) => ({
    amount: t.field({ type: "Decimal", resolve: (m) => formatMinorUnits(m.amount, m.currencyCode) }),
    currencyCode: t.field({ type: CurrencyCode, resolve: (m) => m.currencyCode as never }),
  }),
});

export function money(amount: number, currencyCode: string): MoneyShape {
  return { amount, currencyCode };
}
