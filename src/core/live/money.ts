import { cached } from '../../shared/cached';

/** A sum in one currency. `currency` is an ISO 4217 code, or null when DataFast gave none we can use. */
export interface Money {
  readonly amount: number;
  readonly currency: string | null;
}

/** An ISO 4217 code as Intl accepts it; anything else is shown as a plain number. */
export function currencyCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase() ?? '';
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, currency: string | null, whole: boolean): Intl.NumberFormat {
  return cached(formatters, `${locale ?? ''}|${currency ?? ''}|${whole}`, () => {
    const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
    return currency
      ? new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits })
      : new Intl.NumberFormat(locale, whole ? digits : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  });
}

/**
 * "$49.00", "49,00 €" as the user's locale writes it; an unknown but well-formed code is written
 * out ("XYZ 49.00"). `whole` drops the cents, for a day's totals ("$2,340").
 */
export function formatMoney(money: Money, locale?: string, whole = false): string {
  return formatter(locale, money.currency, whole).format(money.amount);
}

/** Adds up sums currency by currency, in the order each currency first appears. */
export function sumByCurrency(sums: Iterable<Money>): Money[] {
  const totals = new Map<string | null, number>();
  for (const { amount, currency } of sums) totals.set(currency, (totals.get(currency) ?? 0) + amount);
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/** "$98.00 + €20.00". */
export function formatSums(sums: readonly Money[], locale?: string, whole = false): string {
  return sums.map((money) => formatMoney(money, locale, whole)).join(' + ');
}
