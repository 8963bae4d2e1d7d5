import { checkHealth } from "@/lib/db/check-health";

export const dynamic = "force-dynamic";

/** Liveness and readiness: the database answers and every migration on disk is applied. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
