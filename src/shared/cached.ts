/**
 * The value kept in `cache` under `key`, made by `create` the first time it is asked for. Intl
 * formatters cost far more to build than to use, so each locale and option set gets one.
 */
export function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}
