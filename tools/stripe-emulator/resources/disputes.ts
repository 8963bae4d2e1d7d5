// Disputes: opened shortly after a `4000000000000259` payment, or by the control API. Opening
// one withdraws the disputed amount and a dispute fee from the platform; winning it reinstates
// both (the fee given back as a negative fee on the reinstatement).
import type Stripe from "stripe";

import type { Emulator } from "../lib/emulator";
import { stateError } from "../lib/errors";
import { newId } from "../lib/ids";
import { recordMovement } from "../lib/ledger";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata } from "../lib/params";
import { route } from "../lib/router";
import { getCharge } from "./charges";

const EVIDENCE_TEXT_FIELDS = [
  "access_activity_log",
  "billing_address",
  "cancellation_policy_disclosure",
  "cancellation_rebuttal",
  "customer_email_address",
  "customer_name",
  "customer_purchase_ip",
  "duplicate_charge_explanation",
  "duplicate_charge_id",
  "product_description",
  "refund_policy_disclosure",
  "refund_refusal_explanation",
  "service_date",
  "shipping_address",
  "shipping_carrier",
  "shipping_date",
  "shipping_tracking_number",
  "uncategorized_text",
] as const;
const EVIDENCE_FILE_FIELDS = [
  "cancellation_policy",
  "customer_communication",
  "customer_signature",
  "duplicate_charge_documentation",
  "receipt",
  "refund_policy",
  "service_documentation",
  "shipping_documentation",
  "uncategorized_file",
] as const;
const EVIDENCE_DUE_SECONDS = 7 * 86_400;
/** Stripe's dispute fee, in the charge's minor units. */
export const DISPUTE_FEE = 1_500;
const OPEN_STATUSES = ["needs_response", "under_review", "warning_needs_response", "warning_under_review"];

export function scheduleDispute(emu: Emulator, chargeId: string): void {
  emu.state.tasks.push({ id: newId("dp"), kind: "dispute", chargeId, dueAt: Date.now() + emu.options.disputeDelayMs });
}

export function createDispute(emu: Emulator, chargeId: string, reason: string): Stripe.Dispute {
  const charge = getCharge(emu, chargeId);
  if (charge.disputed) throw stateError(`Charge ${charge.id} has already been disputed.`, "charge_disputed");
  if (!charge.captured || charge.status !== "succeeded")
    throw stateError(`Charge ${charge.id} was not captured, so it cannot be disputed.`, "charge_not_captured");
  const now = emu.now();
  const id = newId("dp");
  const amount = charge.amount_captured - charge.amount_refunded;
  const withdrawal = recordMovement(emu, {
    account: emu.state.platformAccountId,
    amount: -amount,
    currency: charge.currency,
    type: "adjustment",
    reportingCategory: "dispute",
    source: id,
    fee: DISPUTE_FEE,
    description: `Chargeback withdrawal for ${charge.id}`,
  });
  const evidence = Object.fromEntries([...EVIDENCE_TEXT_FIELDS, ...EVIDENCE_FILE_FIELDS].map((field) => [field, null]));
  const dispute: Stripe.Dispute = {
    id,
    object: "dispute",
    amount,
    balance_transactions: [structuredClone(withdrawal)],
    charge: charge.id,
    created: now,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: { ...evidence, enhanced_evidence: {} } as Stripe.Dispute.Evidence,
    evidence_details: {
      due_by: now + EVIDENCE_DUE_SECONDS,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: null,
    } as unknown as Stripe.Dispute.EvidenceDetails,
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    reason,
    status: "needs_response",
  };
  emu.state.disputes[id] = dispute;
  charge.disputed = true;
  emu.emit("charge.dispute.created", dispute);
  emu.emit("charge.dispute.funds_withdrawn", dispute);
  return dispute;
}

/** The card network decided: a won dispute gives the money back. */
export function closeDispute(emu: Emulator, disputeId: string, status: "won" | "lost"): Stripe.Dispute {
  const dispute = getOr404(emu.state.disputes, disputeId, "dispute");
  if (!OPEN_STATUSES.includes(dispute.status))
    throw stateError(`This dispute is already closed (${dispute.status}).`, "dispute_already_closed");
  dispute.status = status;
  if (status === "won") {
    const reinstated = recordMovement(emu, {
      account: emu.state.platformAccountId,
      amount: dispute.amount,
      currency: dispute.currency,
      type: "adjustment",
      reportingCategory: "dispute_reversal",
      source: dispute.id,
      fee: -DISPUTE_FEE,
      description: `Chargeback reversal for ${dispute.charge as string}`,
    });
    dispute.balance_transactions.push(structuredClone(reinstated));
    emu.emit("charge.dispute.funds_reinstated", dispute);
  }
  emu.emit("charge.dispute.closed", dispute);
  return dispute;
}

export const disputeRoutes = [
  route({
    method: "GET",
    path: "/v1/disputes/:id",
    parse: () => null,
    run: (_, { emu, path }) => getOr404(emu.state.disputes, path.id, "dispute"),
  }),
  route({
    method: "GET",
    path: "/v1/disputes",
    parse: (p) => ({ query: readListQuery(p), charge: p.string("charge"), paymentIntent: p.string("payment_intent") }),
    run: ({ query, charge, paymentIntent }, { emu }) =>
      paginate(
        Object.values(emu.state.disputes).filter(
          (d) =>
            (charge === undefined || d.charge === charge) &&
            (paymentIntent === undefined || d.payment_intent === paymentIntent),
        ),
        query,
        "/v1/disputes",
      ),
  }),
  route({
    method: "POST",
    path: "/v1/disputes/:id",
    parse: (p) => {
      const evidence = p.object("evidence");
      const fields: Record<string, string> = {};
      for (const field of [...EVIDENCE_TEXT_FIELDS, ...EVIDENCE_FILE_FIELDS]) {
        const value = evidence?.string(field);
        if (value !== undefined) fields[field] = value;
      }
      evidence?.ignore("enhanced_evidence");
      return { evidence: fields, metadata: p.metadata(), submit: p.bool("submit") ?? true };
    },
    run: (input, { emu, path }) => {
      const dispute = getOr404(emu.state.disputes, path.id, "dispute");
      if (!OPEN_STATUSES.includes(dispute.status))
        throw stateError(`This dispute is already closed (${dispute.status}).`, "dispute_already_closed");
      Object.assign(dispute.evidence, input.evidence);
      dispute.metadata = applyMetadata(dispute.metadata, input.metadata);
      if (Object.keys(input.evidence).length > 0) dispute.evidence_details.has_evidence = true;
      if (input.submit) {
        dispute.status = "under_review";
        dispute.evidence_details.submission_count += 1;
      }
      emu.emit("charge.dispute.updated", dispute);
      return dispute;
    },
  }),
  route({
    method: "POST",
    path: "/v1/disputes/:id/close",
    parse: () => null,
    run: (_, { emu, path }) => closeDispute(emu, path.id, "lost"),
  }),
];
