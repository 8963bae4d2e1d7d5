import "server-only";

import { db } from "@/lib/db/client";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

export type ModerationCaseRow = {
  id: string;
  status: CaseStatus;
  reasons: { code: string; message: string }[];
  createdAt: Date;
  resolution: string | null;
  product: {
    id: string;
    title: string;
    status: string;
    priceCents: number;
    currency: string;
    shopName: string;
    imageKey: string | null;
  } | null;
};

/** Listing cases for the admin console, oldest open first. */
export async function listModerationCases(
  opts: { status?: CaseStatus; page?: number } = {},
): Promise<{ rows: ModerationCaseRow[]; total: number }> {
  const where = { subjectType: "product" as const, status: opts.status ?? ("open" as const) };
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    db().moderationCase.findMany({
      where,
      orderBy: { createdAt: opts.status && opts.status !== "open" ? "desc" : "asc" },
      skip: (page - 1) * 25,
      take: 25,
      select: {
        id: true,
        status: true,
        reasons: true,
        createdAt: true,
        resolution: true,
        product: {
          select: {
            id: true,
            title: true,
            status: true,
            priceCents: true,
            currency: true,
            seller: { select: { shopName: true } },
            images: { take: 1, orderBy: { position: "asc" }, select: { s3Key: true } },
          },
        },
      },
    }),
    db().moderationCase.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      reasons: r.reasons as { code: string; message: string }[],
      createdAt: r.createdAt,
      resolution: r.resolution,
      product: r.product
        ? {
            id: r.product.id,
            title: r.product.title,
            status: r.product.status,
            priceCents: r.product.priceCents,
            currency: r.product.currency,
            shopName: r.product.seller.shopName,
            imageKey: r.product.images[0]?.s3Key ?? null,
          }
        : null,
    })),
  };
}
