import "server-only";

import { db } from "@/lib/db/client";

export type EmailSuppressionRow = { address: string; reason: string; notificationId: string | null; createdAt: Date };

/** The addresses the platform does not email, newest first (at most `limit`), and how many in all. */
export async function listEmailSuppressions(
  opts: { address?: string; limit?: number } = {},
): Promise<{ rows: EmailSuppressionRow[]; total: number }> {
  const where = opts.address ? { address: { contains: opts.address.toLowerCase() } } : {};
  const [rows, total] = await Promise.all([
    db().emailSuppression.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: Math.min(opts.limit ?? 50, 200),
    }),
    db().emailSuppression.count({ where }),
  ]);
  return { rows, total };
}
