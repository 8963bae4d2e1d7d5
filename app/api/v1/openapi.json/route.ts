// GET /api/v1/openapi.json: the OpenAPI 3.1 document of this REST API, generated from the
// routes' own zod schemas. The reference page at /developers/api renders the same document.
import { apiOpenApiDocument } from "./api-document";

export function GET(): Response {
  return Response.json(apiOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
