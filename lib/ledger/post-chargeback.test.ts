import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  buyerAccount,
  CHARGEBACK_LOSSES,
  COMMISSION,
  DISPUTE_FEES,
  ESCROW,
  sellerPayable,
  sellerReceivable,
} from "./accounts";
import { chargebackAfterReleaseRule } from "./post-chargeback-after-release";
import { chargebackFeeRule } from "./post-chargeback-fee";
import { chargebackLostWhileHeldRule } from "./post-chargeback-lost-while-held";
import { chargebackWonAfterReleaseRule } from "./post-chargeback-won-after-release";
import type { Posting } from "./posting";

const net = (p: Posting, account: string) =>
  p.movements.reduce(
    (s, m) => s + (m.credit === account ? m.amountCents : 0) - (m.debit === account ? m.amountCents : 0),
    0,
  );
const ids = { orderId: "o1", buyerId: "b1", sellerId: "s1", currency: "USD", key: "chargeback:dp_1:o1" };

describe("chargeback posting rules", () => {
  it("after release the seller's share comes from the payable while it lasts, the rest is a receivable; the commission part from the platform", () => {
    const covered = chargebackAfterReleaseRule({
      ...ids,
      sellerShareCents: 8_500,
      commissionCents: 1_500,
      payableCents: 9_000,
    });
    expect([
      net(covered, buyerAccount("b1")),
      net(covered, sellerPayable("s1")),
      net(covered, sellerReceivable("s1")),
      net(covered, COMMISSION),
    ]).toEqual([10_000, -8_500, 0, -1_500]);
    const paidOut = chargebackAfterReleaseRule({
      ...ids,
      sellerShareCents: 8_500,
      commissionCents: 1_500,
      payableCents: 2_000,
    });
    expect([net(paidOut, sellerPayable("s1")), net(paidOut, sellerReceivable("s1"))]).toEqual([-2_000, -6_500]);
    expect(covered.movements.every((m) => m.entryType === "chargeback" && m.reference === ids.key)).toBe(true);
  });

  it("won reverses the seller's share into the payable and the commission; a held order lost pays the buyer from escrow; the fee is a platform loss, returned when won", () => {
    const won = chargebackWonAfterReleaseRule({ ...ids, sellerShareCents: 8_500, commissionCents: 1_500 });
    expect([net(won, buyerAccount("b1")), net(won, sellerPayable("s1")), net(won, COMMISSION)]).toEqual([
      -10_000, 8_500, 1_500,
    ]);
    const lost = chargebackLostWhileHeldRule({ ...ids, amountCents: 4_000, taxCents: 0 });
    expect([net(lost, ESCROW), net(lost, buyerAccount("b1"))]).toEqual([-4_000, 4_000]);
    const fee = chargebackFeeRule({ orderId: "o1", currency: "USD", feeCents: 1_500, key: "fee" });
    const back = chargebackFeeRule({
      orderId: "o1",
      currency: "USD",
      feeCents: 1_500,
      key: "fee-back",
      returned: true,
    });
    expect([net(fee, CHARGEBACK_LOSSES), net(fee, DISPUTE_FEES), net(back, CHARGEBACK_LOSSES)]).toEqual([
      -1_500, 1_500, 1_500,
    ]);
  });

  it("every rule balances with non-negative amounts, whatever the figures", () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: -10_000_000, max: 10_000_000 }), (share, fee, payable) => {
        for (const p of [
          chargebackAfterReleaseRule({ ...ids, sellerShareCents: share, commissionCents: fee, payableCents: payable }),
          chargebackWonAfterReleaseRule({ ...ids, sellerShareCents: share, commissionCents: fee }),
          chargebackLostWhileHeldRule({ ...ids, amountCents: share, taxCents: 0 }),
          chargebackFeeRule({ orderId: "o1", currency: "USD", feeCents: fee, key: "k" }),
        ]) {
          expect(p.movements.every((m) => m.amountCents >= 0 && m.debit !== m.credit)).toBe(true);
          const accounts = new Set(p.movements.flatMap((m) => [m.debit, m.credit]));
          expect([...accounts].reduce((s, a) => s + net(p, a), 0)).toBe(0);
        }
        // Opened then won: the buyer, seller and platform end where they started.
        const open = chargebackAfterReleaseRule({
          ...ids,
          sellerShareCents: share,
          commissionCents: fee,
          payableCents: payable,
        });
        const won = chargebackWonAfterReleaseRule({ ...ids, sellerShareCents: share, commissionCents: fee });
        expect(net(open, buyerAccount("b1")) + net(won, buyerAccount("b1"))).toBe(0);
        expect(net(open, sellerPayable("s1")) + net(open, sellerReceivable("s1")) + net(won, sellerPayable("s1"))).toBe(
          0,
        );
      }),
    );
  });
});
