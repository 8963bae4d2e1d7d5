// The REST API reference, rendered on the server from the same OpenAPI document that
// /api/v1/openapi.json serves: no client script, so it works under the CSP and offline.
import { apiOpenApiDocument } from "@/app/api/v1/openapi.json/api-document";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "REST API reference" };

type Json = Record<string, unknown>;
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Json }[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, "");
}

function schemaText(schema: Json | undefined, components: Record<string, unknown>): string {
  if (!schema) return "";
  const ref = typeof schema.$ref === "string" ? schema.$ref.replace("#/components/schemas/", "") : null;
  return JSON.stringify(ref ? { [ref]: components[ref] } : schema, null, 2);
}

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  return [schema.type, schema.format].filter(Boolean).join(", ");
}

export default function ApiReferencePage() {
  const doc = apiOpenApiDocument();
  const components = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((m) => ({
      path,
      method: m,
      op: (item as Record<string, Operation>)[m],
    })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? "other"))];

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="REST API reference" description={doc.info.description} />
      <p className="mb-6 text-sm">
        The machine-readable document (OpenAPI {doc.openapi}) is at{" "}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          /api/v1/openapi.json
        </a>
        . Signed-in calls use the session cookie set by signing in. The webhooks (/api/webhooks/*) and sign-in
        (/api/auth/*) are not part of it: Stripe and the carrier sign their own calls, and next-auth owns its routes.
      </p>
      <nav aria-label="API sections" className="mb-8 rounded-xl border border-gray-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Sections</h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {tags.map((t) => (
            <li key={t}>
              <a href={`#tag-${t}`} className="text-brand-700 underline">
                {t}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="mb-10">
          <h2 id={`tag-${tag}`} className="mb-4 text-xl font-semibold">
            {tag}
          </h2>
          <div className="space-y-4">
            {operations
              .filter((o) => (o.op.tags?.[0] ?? "other") === tag)
              .map(({ path, method, op }) => {
                const body = op.requestBody?.content && Object.entries(op.requestBody.content)[0];
                return (
                  <article
                    key={`${method} ${path}`}
                    id={anchor(method, path)}
                    aria-labelledby={`${anchor(method, path)}-title`}
                    className="rounded-xl border border-gray-200 bg-white p-4"
                  >
                    <h3 id={`${anchor(method, path)}-title`} className="font-mono text-sm font-semibold">
                      <span className="mr-2 rounded bg-gray-100 px-1.5 py-0.5 uppercase">{method}</span> {path}
                    </h3>
                    {op.summary ? <p className="mt-2 font-medium">{op.summary}</p> : null}
                    {op.description ? <p className="mt-1 text-sm text-muted">{op.description}</p> : null}
                    {op.parameters?.length ? (
                      <table className="mt-3 w-full text-left text-sm">
                        <caption className="sr-only">Parameters of {`${method.toUpperCase()} ${path}`}</caption>
                        <thead>
                          <tr className="border-b border-gray-200">
                            <th scope="col" className="py-1 pr-3">
                              Parameter
                            </th>
                            <th scope="col" className="py-1 pr-3">
                              In
                            </th>
                            <th scope="col" className="py-1 pr-3">
                              Type
                            </th>
                            <th scope="col" className="py-1">
                              Required
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {op.parameters.map((p) => (
                            <tr key={`${p.in}:${p.name}`} className="border-b border-gray-100">
                              <td className="py-1 pr-3 font-mono">{p.name}</td>
                              <td className="py-1 pr-3">{p.in}</td>
                              <td className="py-1 pr-3">{typeOf(p.schema)}</td>
                              <td className="py-1">{p.required ? "yes" : "no"}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : null}
                    {body ? (
                      <details className="mt-3 text-sm">
                        <summary className="cursor-pointer font-medium">Request body ({body[0]})</summary>
                        <pre className="mt-2 overflow-x-auto rounded bg-gray-50 p-3 text-xs">
                          {schemaText(body[1].schema, components)}
                        </pre>
                      </details>
                    ) : null}
                    <ul className="mt-3 space-y-0.5 text-sm">
                      {Object.entries(op.responses ?? {}).map(([status, r]) => (
                        <li key={status}>
                          <span className="font-mono font-semibold">{status}</span> {r.description}
                        </li>
                      ))}
                    </ul>
                  </article>
                );
              })}
          </div>
        </section>
      ))}
    </div>
  );
}
