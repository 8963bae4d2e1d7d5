import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  buyerAccount,
  COMMISSION,
  ESCROW,
  sellerPaidOut,
  sellerPayable,
  sellerReceivable,
  TAX_PAYABLE,
} from "./accounts";
import { captureRule } from "./post-capture";
import { payoutRule } from "./post-payout";
import { payoutFailedRule } from "./post-payout-failed";
import { refundAfterReleaseRule } from "./post-refund-after-release";
import { refundBeforeReleaseRule } from "./post-refund-before-release";
import { releaseRule } from "./post-release";
import type { Posting } from "./posting";

// Balance of one account after a posting (credits minus debits), as the ledger computes it.
const net = (p: Posting, account: string) =>
  p.movements.reduce(
    (s, m) => s + (m.credit === account ? m.amountCents : 0) - (m.debit === account ? m.amountCents : 0),
    0,
  );
const ids = { orderId: "o1", buyerId: "b1", sellerId: "s1", currency: "USD" };

describe("posting rules", () => {
  it("capture moves the order total from the buyer into escrow", () => {
    const p = captureRule({ ...ids, totalCents: 4_999, taxCents: 0 });
    expect(p).toEqual({
      orderId: "o1",
      currency: "USD",
      movements: [
        {
          debit: buyerAccount("b1"),
          credit: ESCROW,
          amountCents: 4_999,
          entryType: "capture",
          reference: "capture:o1",
        },
        // An untaxed order books no tax (postEntries skips a zero movement).
        { debit: ESCROW, credit: TAX_PAYABLE, amountCents: 0, entryType: "tax", reference: "tax:o1" },
      ],
    });
  });

  it("release empties the order's escrow into the seller's payable and the commission, under the release key", () => {
    const p = releaseRule({ ...ids, sellerShareCents: 8_500, commissionCents: 1_500 });
    expect(net(p, ESCROW)).toBe(-10_000);
    expect(net(p, sellerPayable("s1"))).toBe(8_500);
    expect(net(p, COMMISSION)).toBe(1_500);
    expect(p.movements.map((m) => [m.entryType, m.reference])).toEqual([
      ["release", "release:o1"],
      ["commission", "release:o1"],
    ]);
  });

  it("a refund before release leaves escrow to the buyer under the refund's key", () => {
    const p = refundBeforeReleaseRule({ ...ids, amountCents: 2_500, taxCents: 0, refundKey: "refund:o1" });
    expect(net(p, ESCROW)).toBe(-2_500);
    expect(net(p, buyerAccount("b1"))).toBe(2_500);
    expect(p.movements[0]).toMatchObject({ entryType: "refund", reference: "refund:o1" });
  });

  it("a refund after release takes the seller's share from the payable while it lasts, the rest becomes a receivable", () => {
    const base = {
      ...ids,
      amountCents: 10_000,
      sellerShareCents: 8_500,
      commissionCents: 1_500,
      taxCents: 0,
      refundKey: "refund:o1",
      reversalKey: "reversal:o1",
    };
    const covered = refundAfterReleaseRule({ ...base, payableCents: 9_000 });
    expect([
      net(covered, sellerPayable("s1")),
      net(covered, sellerReceivable("s1")),
      net(covered, COMMISSION),
      net(covered, ESCROW),
      net(covered, buyerAccount("b1")),
    ]).toEqual([-8_500, 0, -1_500, 0, 10_000]);
    const paidOut = refundAfterReleaseRule({ ...base, payableCents: 0 });
    expect([net(paidOut, sellerPayable("s1")), net(paidOut, sellerReceivable("s1"))]).toEqual([0, -8_500]);
    const partly = refundAfterReleaseRule({ ...base, payableCents: 3_000 });
    expect([net(partly, sellerPayable("s1")), net(partly, sellerReceivable("s1"))]).toEqual([-3_000, -5_500]);
    // A payable already negative (an earlier shortfall) is never taken from further.
    const negative = refundAfterReleaseRule({ ...base, payableCents: -200 });
    expect([net(negative, sellerPayable("s1")), net(negative, sellerReceivable("s1"))]).toEqual([0, -8_500]);
    expect(
      covered.movements.filter((m) => m.entryType === "reversal").every((m) => m.reference === "reversal:o1"),
    ).toBe(true);
  });

  it("every rule balances and moves only non-negative amounts, whatever the figures", () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(
        cents,
        cents,
        cents,
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: -10_000_000, max: 0 }),
        (a, share, fee, payable, receivable) => {
          const postings = [
            captureRule({ ...ids, totalCents: a, taxCents: 0 }),
            releaseRule({ ...ids, sellerShareCents: share, commissionCents: fee }),
            refundBeforeReleaseRule({ ...ids, amountCents: a, taxCents: 0, refundKey: "k" }),
            refundAfterReleaseRule({
              ...ids,
              amountCents: share + fee,
              sellerShareCents: share,
              commissionCents: fee,
              taxCents: 0,
              payableCents: payable,
              refundKey: "k",
              reversalKey: "r",
            }),
            payoutRule({
              sellerId: "s1",
              currency: "USD",
              amountCents: a,
              payoutKey: "p",
              receivableCents: receivable,
            }),
            payoutFailedRule({ sellerId: "s1", currency: "USD", amountCents: a, payoutKey: "p" }),
          ];
          for (const p of postings) {
            expect(p.movements.every((m) => m.amountCents >= 0 && m.debit !== m.credit)).toBe(true);
            const accounts = new Set(p.movements.flatMap((m) => [m.debit, m.credit]));
            expect([...accounts].reduce((s, acc) => s + net(p, acc), 0)).toBe(0);
          }
          // After release the refund nets escrow to zero: what came back from seller and platform left to the buyer.
          expect(net(postings[3], ESCROW)).toBe(0);
        },
      ),
    );
  });

  it("a payout settles the receivable from the payable first, then pays out; a failed payout returns its money", () => {
    const p = payoutRule({
      sellerId: "s1",
      currency: "USD",
      amountCents: 1_000,
      payoutKey: "payout:s1:USD:d",
      receivableCents: -500,
    });
    expect(net(p, sellerPayable("s1"))).toBe(-1_500);
    expect(net(p, sellerReceivable("s1"))).toBe(500);
    expect(net(p, sellerPaidOut("s1"))).toBe(1_000);
    expect(p.movements.map((m) => m.reference)).toEqual(["net:payout:s1:USD:d", "payout:s1:USD:d"]);
    const f = payoutFailedRule({ sellerId: "s1", currency: "USD", amountCents: 1_000, payoutKey: "payout:s1:USD:d" });
    expect([net(f, sellerPaidOut("s1")), net(f, sellerPayable("s1"))]).toEqual([-1_000, 1_000]);
    expect(f.movements[0]).toMatchObject({ entryType: "adjustment", reference: "payout-failed:payout:s1:USD:d" });
  });
});
