// Collects every route, server action and rate-limited page with its access and rate limit, for
// docs/API-ACCESS.md (npm run docs:access writes it through access-doc.test.ts, which otherwise checks it is current).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { actionRow, pageRow, renderAccessTable, routeRow, type AccessRow } from "@/lib/http/access-table";
import { HTTP_METHODS } from "@/lib/http/openapi/build-openapi-document";
import { PAGE_RATE_LIMITS, type RateLimitPolicy } from "@/lib/rate-limit/rules";

import { API_ROUTE_FILES } from "./v1/openapi.json/api-routes";

// Handlers that do not go through apiRoute, declared here: their own check comes first.
const UNWRAPPED: AccessRow[] = [
  {
    what: "`GET, POST /api/auth/[...nextauth]`",
    access: "public (next-auth: sign-in, sign-out, session)",
    rateLimit: "sign-in 30/15 min per IP, 10/15 min per email (lib/users/authenticate)",
  },
  { what: "`GET /api/health`", access: "public", rateLimit: "none" },
  {
    what: "`PUT /api/v1/uploads/[uploadId]/blob`",
    access: "the HMAC-signed URL",
    rateLimit: "none (the URL is single-purpose and expires)",
  },
  {
    what: "`POST /api/webhooks/stripe`",
    access: "Stripe signature (400 without)",
    rateLimit: "none: signature checked first, the sender retries refusals",
  },
  {
    what: "`POST /api/webhooks/stripe-connect`",
    access: "Stripe signature (400 without)",
    rateLimit: "none: signature checked first, the sender retries refusals",
  },
  {
    what: "`POST /api/webhooks/carrier`",
    access: "carrier signature (400 without)",
    rateLimit: "none: signature checked first, the sender retries refusals",
  },
];

type Spec = { access: string; rateLimit?: RateLimitPolicy | false };

export function routeRows(): AccessRow[] {
  const rows: AccessRow[] = [];
  for (const file of API_ROUTE_FILES) {
    for (const method of HTTP_METHODS) {
      const handler = file.module[method] as { spec?: Spec } | undefined;
      if (handler?.spec) rows.push(routeRow(method, file.path, handler.spec));
    }
  }
  return [...rows, ...UNWRAPPED].sort((a, b) => pathOf(a).localeCompare(pathOf(b)) || a.what.localeCompare(b.what));
}

const pathOf = (r: AccessRow) => r.what.replace(/^`[A-Z, ]+ /, "");

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return serverActionFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.includes(".test.") && /^"use server";/m.test(readFileSync(full, "utf8"))
      ? [full]
      : [];
  });
}

export async function actionRows(root = "."): Promise<AccessRow[]> {
  const rows: AccessRow[] = [];
  for (const file of serverActionFiles(resolve(root, "app")).sort()) {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b))) {
      const spec = (value as { spec?: Spec & { rateLimit: RateLimitPolicy } } | null)?.spec;
      if (typeof value === "function" && spec) rows.push(actionRow(`${relative(resolve(root), file)} ${name}`, spec));
    }
  }
  return rows;
}

export function pageRows(): AccessRow[] {
  return Object.entries(PAGE_RATE_LIMITS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, limits]) => pageRow(path, limits));
}

export async function renderAccessDoc(): Promise<string> {
  return renderAccessTable(routeRows(), await actionRows(), pageRows());
}
