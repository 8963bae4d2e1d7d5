// One table of API routes. Each route parses its parameters first (so an invalid request
// changes nothing and `done()` can reject unknown parameters), then runs.
import type { Emulator, RequestInfo } from "./emulator";
import type { Params } from "./params";

export interface RequestContext {
  emu: Emulator;
  /** Path parameters, e.g. `{ id: "pi_…" }`. */
  path: Record<string, string>;
  /** The account the call acts on: the Stripe-Account header's, else the platform's. */
  account: string;
  /** A Stripe-Account header named a connected account. */
  connected: boolean;
  keyType: "secret" | "publishable";
  request: RequestInfo;
}

export type Method = "GET" | "POST" | "DELETE";

export interface Route<I = unknown> {
  method: Method;
  path: string;
  /** Callable with a publishable key too, as Stripe.js does for these endpoints. */
  publishable?: boolean;
  /** Honours the Stripe-Account header (the resources the emulator keeps per connected account). */
  connect?: boolean;
  parse: (p: Params, ctx: RequestContext) => I;
  run: (input: I, ctx: RequestContext) => unknown;
}

/** Declares a route, keeping `parse`'s output and `run`'s input the same type. */
export function route<I>(definition: Route<I>): Route {
  return definition as unknown as Route;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch = { route: Route; path: Record<string, string> } | { allowed: Method[] } | null;

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/:([a-z_]+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      return { route, names, pattern: new RegExp(`^${source}$`) };
    });
  }

  match(method: string, pathname: string): RouteMatch {
    const allowed: Method[] = [];
    for (const { route, pattern, names } of this.compiled) {
      const m = pattern.exec(pathname);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      return { route, path: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(m[i + 1])])) };
    }
    return allowed.length > 0 ? { allowed } : null;
  }
}
