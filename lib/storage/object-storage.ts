// The one interface every object-storage driver implements (local disk now, S3 later),
// so callers never know where bytes live.
export type StoredObject = { body: Buffer; contentType: string; size: number };

export interface ObjectStorage {
  /** Writes (or replaces) the object at key. Keys must satisfy isStorageKey. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object at key, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object at key; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** The URL browsers load the object from. */
  publicUrl(key: string): string;
}
