/**
 * One cached value per process, reloaded after `ttlMs`. Concurrent callers share one load;
 * a failed load is not cached. Used for small, rarely changing tables read on every search.
 */
export function ttlMemo<T>(load: () => Promise<T>, ttlMs: number): { get: () => Promise<T>; invalidate: () => void } {
  let value: { data: T; expires: number } | null = null;
  let pending: Promise<T> | null = null;
  return {
    get() {
      if (value && value.expires > Date.now()) return Promise.resolve(value.data);
      pending ??= load()
        .then((data) => {
          value = { data, expires: Date.now() + ttlMs };
          return data;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    invalidate() {
      value = null;
    },
  };
}
