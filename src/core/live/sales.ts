import { currencyCode, type Money } from './money';
import type { ParsedPayment } from '../datafast/live-schemas';

/** One payment from the realtime map, with only what a notification may use. Never written to disk. */
export interface Sale extends Money {
  /** DataFast's `_id`: what tells a new payment from one already seen. */
  readonly id: string;
  readonly renewal: boolean;
  readonly isNew: boolean;
  /** Epoch milliseconds, when DataFast said. */
  readonly at: number | null;
  /** Shown only where the user asked for customer names; emails are never read. */
  readonly customerName: string | null;
}

/** Payments as sales: refunds and zero amounts are kept (so their ids count as seen) but are no sale to announce. */
export function salesOf(payments: readonly (ParsedPayment | null)[] | null | undefined): Sale[] {
  const sales: Sale[] = [];
  const ids = new Set<string>();
  for (const payment of payments ?? []) {
    if (!payment || ids.has(payment._id)) continue;
    ids.add(payment._id);
    const name = payment.displayName?.trim() || payment.name?.trim() || payment.customerName?.trim() || null;
    sales.push({
      id: payment._id,
      amount: payment.amount ?? 0,
      currency: currencyCode(payment.currency),
      renewal: payment.renewal === true,
      isNew: payment.isNew === true,
      at: payment.timestamp,
      customerName: name,
    });
  }
  return sales;
}

/** A payment that brought money in: the ones a person is told about. */
export function isSale(sale: Sale): boolean {
  return sale.amount > 0;
}
