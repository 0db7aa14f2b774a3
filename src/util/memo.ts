/**
 * A pure function of a string (or another Map key), remembered: the same model names,
 * descriptions and types come back on hundreds of pages of one package, and across the
 * packages of one run. Bounded: past `limit` entries everything is forgotten at once (cheaper
 * than keeping an order, and the recurring keys come back within a page or two).
 *
 * Only for functions whose result depends on the key alone. What depends on a generation
 * run (its links, its type context) belongs in that run's cache object, not here.
 */
export function memo<K, V>(f: (key: K) => V, limit = 10_000): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= limit) seen.clear();
      value = f(key);
      seen.set(key, value);
    }
    return value;
  };
}
