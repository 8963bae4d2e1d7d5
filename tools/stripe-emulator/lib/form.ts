// Decodes the form encoding the Stripe SDKs and Stripe.js send (`metadata[k]=v`,
// `expand[]=a`, `expand[0]=a`, `card[number]=…`) into a nested object. Arrays stay objects
// keyed "0", "1", …; the parameter reader turns them into lists where a list is expected.

export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const MAX_DEPTH = 8;

function keyPath(rawKey: string): string[] | null {
  const open = rawKey.indexOf("[");
  if (open === -1) return [rawKey];
  if (open === 0) return null;
  const path = [rawKey.slice(0, open)];
  let rest = rawKey.slice(open);
  while (rest.length > 0) {
    const match = /^\[([^\][]*)\]/.exec(rest);
    if (!match) return null;
    path.push(match[1]);
    rest = rest.slice(match[0].length);
  }
  return path.length > MAX_DEPTH ? null : path;
}

export function parseForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const path = keyPath(rawKey);
    if (!path) continue;
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const last = i === path.length - 1;
      // `a[]` appends: the next free index of the list being built.
      const segment = path[i] === "" ? String(Object.keys(node).length) : path[i];
      if (last) {
        node[segment] = value;
        break;
      }
      const existing = node[segment];
      if (typeof existing === "object") node = existing;
      else {
        const child: FormObject = {};
        node[segment] = child;
        node = child;
      }
    }
  }
  return root;
}

/** A stable rendering of parsed parameters, to compare a retried request with the first one. */
export function fingerprint(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${fingerprint(value[k])}`).join(",")}}`;
}
