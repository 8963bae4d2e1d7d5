import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const ACCOUNTS_PAGE_SIZE = 25;

export const ZAccountQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(["buyer", "seller", "admin"]).optional().catch(undefined),
  status: z.enum(["active", "suspended"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TAccountQuery = z.infer<typeof ZAccountQuery>;
export type TAccountQueryInput = z.input<typeof ZAccountQuery>;

export type AccountRow = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  status: string;
  shopName: string | null;
  createdAt: Date;
  lastCase: { status: string; resolution: string | null; resolvedAt: Date | null } | null;
};

/** Accounts for the admin console: search by email, name or shop, filter by role and status, newest first. */
export async function listAccounts(
  input: TAccountQueryInput = {},
): Promise<{ rows: AccountRow[]; total: number; query: TAccountQuery }> {
  const query = ZAccountQuery.parse(input);
  const where: Prisma.UserWhereInput = {
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.q
      ? {
          OR: [
            { email: { contains: query.q, mode: "insensitive" } },
            { name: { contains: query.q, mode: "insensitive" } },
            { sellerProfile: { shopName: { contains: query.q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * ACCOUNTS_PAGE_SIZE,
      take: ACCOUNTS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        status: true,
        createdAt: true,
        sellerProfile: { select: { id: true, shopName: true } },
      },
    }),
    db().user.count({ where }),
  ]);
  const subjectIds = users.map((u) => u.sellerProfile?.id ?? u.id);
  const cases = subjectIds.length
    ? await db().moderationCase.findMany({
        where: { subjectType: { in: ["user", "seller"] }, subjectId: { in: subjectIds } },
        orderBy: { createdAt: "desc" },
        select: { subjectId: true, status: true, resolution: true, resolvedAt: true },
      })
    : [];
  const latest = new Map<string, (typeof cases)[number]>();
  for (const c of cases) if (!latest.has(c.subjectId)) latest.set(c.subjectId, c);
  return {
    query,
    total,
    rows: users.map((u) => {
      const c = latest.get(u.sellerProfile?.id ?? u.id);
      return {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        status: u.status,
        shopName: u.sellerProfile?.shopName ?? null,
        createdAt: u.createdAt,
        lastCase: c ? { status: c.status, resolution: c.resolution, resolvedAt: c.resolvedAt } : null,
      };
    }),
  };
}
