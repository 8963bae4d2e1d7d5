// Reads a request's parameters the way Stripe validates them: typed readers that answer
// `parameter_missing` / `parameter_invalid_*` errors naming the bracketed parameter, and
// `done()` which rejects anything the endpoint did not read (`parameter_unknown`), so an app
// sending a parameter the emulator ignores finds out instead of silently getting other behaviour.
import { paramError } from "./errors";
import type { FormObject, FormValue } from "./form";

export interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/** `metadata` as sent: `null` clears every key, a `""` value removes that key. */
export type MetadataUpdate = Record<string, string> | null;

export class Params {
  private readonly read = new Set<string>();
  private readonly children: Params[] = [];

  constructor(
    private readonly values: FormObject,
    private readonly prefix = "",
  ) {}

  private name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  private take(key: string): FormValue | undefined {
    this.read.add(key);
    return this.values[key];
  }

  private missing(key: string): never {
    throw paramError(`Missing required param: ${this.name(key)}.`, this.name(key), "parameter_missing");
  }

  has(key: string): boolean {
    return this.values[key] !== undefined;
  }

  /** Accepted for compatibility with Stripe's API, with no effect on the emulation. */
  ignore(...keys: string[]): void {
    for (const key of keys) this.read.add(key);
  }

  string(key: string, opts: { maxLength?: number } = {}): string | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (typeof value !== "string")
      throw paramError(`Invalid string: ${this.name(key)} must be a string`, this.name(key));
    if (opts.maxLength !== undefined && value.length > opts.maxLength) {
      throw paramError(
        `Invalid string: ${this.name(key)} must be at most ${opts.maxLength} characters`,
        this.name(key),
      );
    }
    return value;
  }

  requiredString(key: string, opts: { maxLength?: number } = {}): string {
    const value = this.string(key, opts);
    if (value === undefined || value === "") this.missing(key);
    return value;
  }

  int(key: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const value = this.take(key);
    if (value === undefined || value === "") return undefined;
    if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
      throw paramError(
        `Invalid integer: ${typeof value === "string" ? value : "{...}"}`,
        this.name(key),
        "parameter_invalid_integer",
      );
    }
    const n = Number(value);
    if (opts.min !== undefined && n < opts.min) {
      throw paramError(
        `This value must be greater than or equal to ${opts.min}.`,
        this.name(key),
        "parameter_invalid_integer",
      );
    }
    if (opts.max !== undefined && n > opts.max) {
      throw paramError(
        `This value must be less than or equal to ${opts.max}.`,
        this.name(key),
        "parameter_invalid_integer",
      );
    }
    return n;
  }

  requiredInt(key: string, opts: { min?: number; max?: number } = {}): number {
    const value = this.int(key, opts);
    if (value === undefined) this.missing(key);
    return value;
  }

  bool(key: string): boolean | undefined {
    const value = this.take(key);
    if (value === undefined || value === "") return undefined;
    if (value === "true") return true;
    if (value === "false") return false;
    throw paramError(`Invalid boolean: ${typeof value === "string" ? value : "{...}"}`, this.name(key));
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined || value === "") return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw paramError(`Invalid ${this.name(key)}: must be one of ${allowed.join(", ")}`, this.name(key));
    }
    return value as T;
  }

  /** A list of strings, sent as `key[]=a&key[]=b` or `key[0]=a&key[1]=b`. */
  list(key: string): string[] | undefined {
    const value = this.take(key);
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string")
      throw paramError(`Invalid array: ${this.name(key)} must be an array`, this.name(key));
    const indexes = Object.keys(value);
    if (!indexes.every((k) => /^\d+$/.test(k)))
      throw paramError(`Invalid array: ${this.name(key)} must be an array`, this.name(key));
    return indexes
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => {
        const item = value[k];
        if (typeof item !== "string")
          throw paramError(`Invalid string: ${this.name(key)}[${k}] must be a string`, `${this.name(key)}[${k}]`);
        return item;
      });
  }

  /** A nested hash, read with its own reader; its unknown keys are reported by `done()`. */
  object(key: string): Params | undefined {
    const value = this.take(key);
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string") throw paramError(`Invalid object: ${this.name(key)} must be a hash`, this.name(key));
    const child = new Params(value, this.name(key));
    this.children.push(child);
    return child;
  }

  /** A timestamp filter: `created=123` or `created[gte]=123&created[lt]=456`. */
  range(key: string): Range | undefined {
    const value = this.values[key];
    if (typeof value === "string") {
      const exact = this.int(key);
      return exact === undefined ? undefined : { gte: exact, lte: exact };
    }
    const bounds = this.object(key);
    if (!bounds) return undefined;
    return { gt: bounds.int("gt"), gte: bounds.int("gte"), lt: bounds.int("lt"), lte: bounds.int("lte") };
  }

  metadata(key = "metadata"): MetadataUpdate | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (value === "") return null;
    if (typeof value === "string") throw paramError(`Invalid object: ${key} must be a hash`, key);
    const entries = Object.entries(value);
    if (entries.length > 50) throw paramError("Metadata can have up to 50 keys.", key);
    const update: Record<string, string> = {};
    for (const [k, v] of entries) {
      if (typeof v !== "string") throw paramError(`Invalid string: ${key}[${k}] must be a string`, `${key}[${k}]`);
      if (k.length > 40) throw paramError(`Metadata keys can be at most 40 characters: ${k}`, `${key}[${k}]`);
      if (v.length > 500)
        throw paramError(`Metadata values can be at most 500 characters (${key}[${k}])`, `${key}[${k}]`);
      update[k] = v;
    }
    return update;
  }

  done(): void {
    for (const key of Object.keys(this.values)) {
      if (!this.read.has(key)) {
        throw paramError(`Received unknown parameter: ${this.name(key)}`, this.name(key), "parameter_unknown");
      }
    }
    for (const child of this.children) child.done();
  }
}

export function applyMetadata(
  current: Record<string, string> | null,
  update: MetadataUpdate | undefined,
): Record<string, string> {
  if (update === undefined) return current ?? {};
  if (update === null) return {};
  const next = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(update)) {
    if (v === "") delete next[k];
    else next[k] = v;
  }
  return next;
}
