export interface MoneyLike {
  amount: string;
  currencyCode: string;
}

/** "€12.50" in the browser's locale; amounts are decimal strings, never floats in the API. */
export function money(value: MoneyLike | null | undefined): string {
  if (!value) return "";
  return new Intl.NumberFormat(undefined, { style: "currency", currency: value.currencyCode }).format(
    Number(value.amount),
  );
}

export function compact(count: number): string {
  return new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 }).format(count);
}

/** The title a product without options gives its only variant: not worth showing. */
export function isDefaultTitle(title: string): boolean {
  return title === "Default" || title === "Default Title";
}

/** Basis points as a percentage: 1000 → "10%". */
export function rate(basisPoints: number): string {
  return `${basisPoints / 100}%`;
}
