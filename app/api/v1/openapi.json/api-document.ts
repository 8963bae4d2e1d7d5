import { buildOpenApiDocument } from "@/lib/http/openapi/build-openapi-document";

import { API_ROUTE_FILES } from "./api-routes";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The REST API's OpenAPI document, built once per process. */
export function apiOpenApiDocument() {
  cached ??= buildOpenApiDocument(API_ROUTE_FILES);
  return cached;
}
