import "server-only";

import { db } from "@/lib/db/client";
import type { CaseStatus, ReviewStatus } from "@/lib/generated/prisma/enums";

import { REVIEW_CASES_PAGE_SIZE } from "../review-rules";
import type { CaseReason } from "./open-review-case";

export type ReviewCaseRow = {
  id: string;
  status: CaseStatus;
  reasons: CaseReason[];
  createdAt: Date;
  review: {
    id: string;
    status: ReviewStatus;
    rating: number;
    title: string;
    body: string;
    createdAt: Date;
    buyerEmail: string;
    product: { id: string; title: string; shopName: string };
  };
  reports: { reason: string; reporterEmail: string; createdAt: Date }[];
  signals: { kind: string; score: number; createdAt: Date }[];
};

/** The admin review queue: open review cases, oldest first, with the reports and fraud signals behind each. */
export async function listReviewCases(
  opts: { status?: CaseStatus; page?: number } = {},
): Promise<{ rows: ReviewCaseRow[]; total: number; pageSize: number }> {
  const status = opts.status ?? "open";
  const where = { subjectType: "review" as const, status, reviewId: { not: null } };
  const page = Math.max(1, opts.page ?? 1);
  const [cases, total] = await Promise.all([
    db().moderationCase.findMany({
      where,
      orderBy: [{ createdAt: status === "open" ? "asc" : "desc" }, { id: "asc" }],
      skip: (page - 1) * REVIEW_CASES_PAGE_SIZE,
      take: REVIEW_CASES_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        reasons: true,
        createdAt: true,
        review: {
          select: {
            id: true,
            status: true,
            rating: true,
            title: true,
            body: true,
            createdAt: true,
            buyer: { select: { email: true } },
            product: { select: { id: true, title: true, seller: { select: { shopName: true } } } },
            reports: {
              orderBy: { createdAt: "asc" },
              take: 20,
              select: { reason: true, createdAt: true, reporter: { select: { email: true } } },
            },
          },
        },
      },
    }),
    db().moderationCase.count({ where }),
  ]);
  const reviewIds = cases.flatMap((c) => (c.review ? [c.review.id] : []));
  const signals = reviewIds.length
    ? await db().fraudSignal.findMany({
        where: { subjectType: "review", subjectId: { in: reviewIds } },
        orderBy: { createdAt: "asc" },
        select: { subjectId: true, kind: true, score: true, createdAt: true },
      })
    : [];
  return {
    total,
    pageSize: REVIEW_CASES_PAGE_SIZE,
    rows: cases.flatMap((c) => {
      const r = c.review;
      if (!r) return [];
      return [
        {
          id: c.id,
          status: c.status,
          reasons: (c.reasons as CaseReason[]) ?? [],
          createdAt: c.createdAt,
          review: {
            id: r.id,
            status: r.status,
            rating: r.rating,
            title: r.title,
            body: r.body,
            createdAt: r.createdAt,
            buyerEmail: r.buyer.email,
            product: { id: r.product.id, title: r.product.title, shopName: r.product.seller.shopName },
          },
          reports: r.reports.map((p) => ({
            reason: p.reason,
            reporterEmail: p.reporter.email,
            createdAt: p.createdAt,
          })),
          signals: signals
            .filter((s) => s.subjectId === r.id)
            .map((s) => ({ kind: s.kind, score: s.score, createdAt: s.createdAt })),
        },
      ];
    }),
  };
}
