import { formatMoney, formatSums, sumByCurrency } from './money';
import type { Sale } from './sales';

export interface SaleNotice {
  readonly title: string;
  readonly body: string;
}

/** "renewal" or "new customer", when DataFast says which. */
export function saleKind(sale: Sale): string | null {
  if (sale.renewal) return 'renewal';
  return sale.isNew ? 'new customer' : null;
}

/**
 * "New sale on shop.example.com: $49.00" (with "renewal" or "new customer" when DataFast says),
 * or one notice for several sales that sums them per currency. Customer names only when asked for.
 */
export function saleNotice(
  website: string,
  sales: readonly Sale[],
  options: { readonly locale?: string | undefined; readonly showNames: boolean },
): SaleNotice {
  const [only] = sales;
  if (sales.length === 1 && only) {
    const kind = saleKind(only);
    const who = options.showNames && only.customerName ? only.customerName : null;
    const details = [kind, who].filter((part): part is string => part !== null).join(' · ');
    return { title: `New sale on ${website}: ${formatMoney(only, options.locale)}`, body: details === '' ? 'Open the dashboard to see it.' : details };
  }
  const total = formatSums(sumByCurrency(sales), options.locale);
  const renewals = sales.filter((sale) => sale.renewal).length;
  const newCustomers = sales.filter((sale) => !sale.renewal && sale.isNew).length;
  const parts = [
    newCustomers > 0 ? `${newCustomers} new ${newCustomers === 1 ? 'customer' : 'customers'}` : null,
    renewals > 0 ? `${renewals} ${renewals === 1 ? 'renewal' : 'renewals'}` : null,
  ];
  const names = options.showNames ? sales.map((sale) => sale.customerName).filter((name): name is string => name !== null) : [];
  const body = [...parts, names.length > 0 ? names.join(', ') : null].filter((part): part is string => part !== null).join(' · ');
  return { title: `${sales.length} new sales on ${website}: ${total}`, body: body === '' ? 'Open the dashboard to see them.' : body };
}
