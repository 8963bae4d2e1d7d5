const KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]*$/;
const KEY_MAX_LENGTH = 400;
// File systems cap a name at 255 bytes; this leaves room for the local driver's sidecar suffixes.
const SEGMENT_MAX_LENGTH = 200;

/**
 * Whether key is a safe object key: lower-case letters, digits and `/_.-`, no `..`, no
 * empty segment, no leading or trailing slash. Every driver maps keys to paths or URLs,
 * so this is what makes path traversal impossible.
 */
export function isStorageKey(key: string): boolean {
  return (
    key.length <= KEY_MAX_LENGTH &&
    KEY_PATTERN.test(key) &&
    !key.includes("..") &&
    key.split("/").every((segment) => segment.length > 0 && segment.length <= SEGMENT_MAX_LENGTH)
  );
}
