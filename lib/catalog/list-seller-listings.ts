import "server-only";

import { db } from "@/lib/db/client";
import type { ProductStatus } from "@/lib/generated/prisma/enums";

export type SellerListingRow = {
  id: string;
  title: string;
  status: ProductStatus;
  statusReason: string | null;
  priceCents: number;
  currency: string;
  inventoryCount: number;
  imageKey: string | null;
  updatedAt: Date;
  openCaseReasons: string[];
};

/** The seller's listings (not deleted), newest first, with why each is not live. */
export async function listSellerListings(opts: {
  sellerId: string;
  status?: ProductStatus;
  page?: number;
  pageSize?: number;
}): Promise<{ rows: SellerListingRow[]; total: number }> {
  const pageSize = Math.min(opts.pageSize ?? 25, 100);
  const page = Math.max(1, opts.page ?? 1);
  const where = { sellerId: opts.sellerId, status: opts.status ?? { not: "archived" as const } };
  const [rows, total] = await Promise.all([
    db().product.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        status: true,
        statusReason: true,
        priceCents: true,
        currency: true,
        inventoryCount: true,
        updatedAt: true,
        images: {
          orderBy: { position: "asc" },
          take: 1,
          select: { s3Key: true, upload: { select: { variants: true } } },
        },
        cases: { where: { status: "open" }, select: { reasons: true } },
      },
    }),
    db().product.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => {
      const variants = (r.images[0]?.upload?.variants as { key: string; width: number }[] | undefined) ?? [];
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        statusReason: r.statusReason,
        priceCents: r.priceCents,
        currency: r.currency,
        inventoryCount: r.inventoryCount,
        imageKey: variants[0]?.key ?? r.images[0]?.s3Key ?? null,
        updatedAt: r.updatedAt,
        openCaseReasons: r.cases.flatMap((c) => (c.reasons as { message: string }[]).map((x) => x.message)),
      };
    }),
  };
}
