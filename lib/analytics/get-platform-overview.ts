import "server-only";

import { db } from "@/lib/db/client";

export type PlatformOverview = {
  users: number;
  sellers: number;
  activeProducts: number;
  pendingReview: number;
  openCases: number;
  emailsToday: number;
};

export async function getPlatformOverview(): Promise<PlatformOverview> {
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [users, sellers, activeProducts, pendingReview, openCases, emailsToday] = await Promise.all([
    db().user.count(),
    db().sellerProfile.count(),
    db().product.count({ where: { status: "active" } }),
    db().product.count({ where: { status: "pending_review" } }),
    db().moderationCase.count({ where: { status: "open" } }),
    db().notification.count({ where: { channel: "email", createdAt: { gte: since } } }),
  ]);
  return { users, sellers, activeProducts, pendingReview, openCases, emailsToday };
}
