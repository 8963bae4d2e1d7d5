// What the audit log records, named `<target>.<what happened>`. Admin decisions first, then the
// actions that move money (whoever or whatever makes them: a buyer's cancellation, the worker's
// release or payout run, an admin's refund).
export const AUDIT_ACTIONS = {
  "listing.case_resolved": "Listing moderation decided",
  "listing.suspended": "Listing suspended",
  "listing.reinstated": "Listing reinstated",
  "account.suspended": "Account suspended",
  "account.reinstated": "Account reinstated",
  "claim.decided": "Claim decided",
  "dispute.resolved": "Dispute resolved",
  "payment_review.decided": "Held payment decided",
  "return.escalation_resolved": "Escalated return decided",
  "review.case_resolved": "Review moderation decided",
  "review.restored": "Review restored",
  "release.retried": "Waiting release retried",
  "payouts.run": "Payout run started",
  "refund.issued": "Refund issued",
  "escrow.released": "Escrow released to the seller",
  "payout.created": "Payout sent to a seller's bank",
  "exchange_rate.set": "Exchange rate set by hand",
  "tax_rule.added": "Tax rule added",
  "tax_rule.ended": "Tax rule ended",
  "notification.resent": "Undelivered email resent",
  "email_suppression.lifted": "Email suppression lifted",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(AUDIT_ACTIONS, value);
