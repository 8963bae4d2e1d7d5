import "server-only";

import { z } from "zod";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zCents, zText } from "@/lib/errors/input-primitives";
import { parseInput } from "@/lib/errors/parse-input";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import type { RefundLine } from "@/lib/payments/plan-refund";
import { refundOrder } from "@/lib/payments/refund-order";

import { CLAIM_KINDS } from "./open-claim";

const note = zText({ what: "Note", max: 1000, multiline: true });

export const ZDecision = z
  .discriminatedUnion("decision", [
    z.object({ decision: z.literal("refund_full"), note: note.default("") }),
    z.object({
      decision: z.literal("refund_partial"),
      amountCents: zCents({ what: "The amount", max: 100_000_000, notNumber: "Enter the amount to refund." }),
      note: note.default(""),
    }),
    z.object({ decision: z.literal("refund_requested"), note: note.default("") }),
    z.object({
      decision: z.literal("reject"),
      note: zText({
        what: "Note",
        min: 5,
        max: 1000,
        multiline: true,
        required: "Say why the claim is rejected (at least 5 characters).",
      }),
    }),
  ])
  .meta({ id: "ClaimDecision", title: "Decision" });

export type ClaimDecision = z.input<typeof ZDecision>;

/**
 * An admin decides an open claim: refund everything not yet refunded, a part (an amount of
 * the goods, or what the buyer asked for), or reject it with a note. A refund is one
 * refundOrder under the key `claim:<id>` (after release: the Transfer is reversed, or the
 * seller owes it as a receivable netted from the next payout); the claim closes in the same
 * transaction that applies it, so a retry after any failure finishes the same refund.
 */
export async function decideClaim(opts: {
  claimId: string;
  adminId: string;
  input: z.input<typeof ZDecision>;
}): Promise<{ outcome: "refunded" | "rejected"; refundedCents: number }> {
  const input = parseInput(ZDecision, opts.input);
  const d = input;
  const claim = await db().claim.findUnique({
    where: { id: opts.claimId },
    select: { id: true, orderId: true, kind: true, status: true, requestedCents: true, lines: true },
  });
  if (!claim) throw new AppError("not_found", "Claim not found.");
  const key = `claim:${claim.id}`;

  if (d.decision === "reject") {
    return db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM claims WHERE id = ${claim.id}::uuid FOR UPDATE`;
      if (await tx.refund.count({ where: { idempotencyKey: key } }))
        throw new AppError("conflict", "A refund for this claim is already under way.");
      const closed = await tx.claim.updateMany({
        where: { id: claim.id, status: "open" },
        data: { status: "rejected", decidedById: opts.adminId, decidedAt: new Date(), decisionNote: d.note },
      });
      if (closed.count === 0) throw new AppError("conflict", "This claim was already decided.");
      await recordAuditEvent(tx, {
        actor: { role: "admin", id: opts.adminId },
        action: "claim.decided",
        target: { type: "claim", id: claim.id },
        details: { orderId: claim.orderId, decision: d.decision, note: d.note },
      });
      await emitDomainEvent(tx, "claim.decided", { claimId: claim.id, outcome: "rejected" });
      return { outcome: "rejected", refundedCents: 0 };
    });
  }
  if (claim.status === "rejected") throw new AppError("conflict", "This claim was already decided.");
  const requestedLines = claim.lines as RefundLine[];
  const part =
    d.decision === "refund_partial"
      ? { amountCents: d.amountCents }
      : d.decision === "refund_requested"
        ? claim.requestedCents
          ? { amountCents: claim.requestedCents }
          : requestedLines.length
            ? { lines: requestedLines }
            : {}
        : {};
  const reason = `Claim accepted (${CLAIM_KINDS[claim.kind].toLowerCase()})${d.note ? `: ${d.note}` : ""}`;
  const result = await refundOrder({
    orderId: claim.orderId,
    actorType: "admin",
    actorId: opts.adminId,
    reason,
    key,
    kind: "claim",
    ...part,
    onApplied: async (tx, refund) => {
      // The refund's own emails (naming the claim in their reason) tell both sides.
      const closed = await tx.claim.updateMany({
        where: { id: claim.id, status: "open" },
        data: {
          status: "refunded",
          decidedById: opts.adminId,
          decidedAt: new Date(),
          decisionNote: d.note || null,
          refundId: refund.id,
          refundedCents: refund.amountCents,
        },
      });
      if (closed.count) await emitDomainEvent(tx, "claim.decided", { claimId: claim.id, outcome: "refunded" });
      if (closed.count)
        await recordAuditEvent(tx, {
          actor: { role: "admin", id: opts.adminId },
          action: "claim.decided",
          target: { type: "claim", id: claim.id },
          details: {
            orderId: claim.orderId,
            decision: d.decision,
            note: d.note,
            refundId: refund.id,
            refundedCents: refund.amountCents,
          },
        });
    },
  });
  // Nothing was left to refund (refunded meanwhile by another route): the claim stays open to be rejected.
  if (!result.refundId)
    throw new AppError("conflict", "This order has nothing left to refund; reject the claim with a note instead.");
  return { outcome: "refunded", refundedCents: result.amountCents };
}
