import "server-only";

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import type { PageManifests } from "./page-pattern";

/** The build's page manifests from its dist dir (`.next`), or null when there is no build to read (dev, tests). */
export function readPageManifests(distDir: string): PageManifests | null {
  try {
    const dir = resolve(distDir);
    return {
      routes: JSON.parse(readFileSync(join(dir, "routes-manifest.json"), "utf8")) as PageManifests["routes"],
      appPaths: JSON.parse(readFileSync(join(dir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>,
    };
  } catch {
    return null;
  }
}
