import type { HandledEvent } from "../webhook-events";
import { onAccountUpdated } from "./on-account-updated";
import { onChargeDisputeClosed } from "./on-charge-dispute-closed";
import { onChargeDisputeCreated } from "./on-charge-dispute-created";
import { onChargeRefunded } from "./on-charge-refunded";
import { onPaymentIntentPaymentFailed } from "./on-payment-intent-payment-failed";
import { onPaymentIntentSucceeded } from "./on-payment-intent-succeeded";
import { onPayoutSettled } from "./on-payout-settled";
import { onTransferChanged } from "./on-transfer-changed";
import type { WebhookHandler } from "./webhook-handler";

// Every handled event type has exactly one handler (the type makes a missing one a compile error).
export const WEBHOOK_HANDLERS: Record<HandledEvent, WebhookHandler> = {
  "payment_intent.succeeded": onPaymentIntentSucceeded,
  "payment_intent.payment_failed": onPaymentIntentPaymentFailed,
  "charge.refunded": onChargeRefunded,
  "charge.dispute.created": onChargeDisputeCreated,
  "charge.dispute.updated": onChargeDisputeClosed,
  "charge.dispute.closed": onChargeDisputeClosed,
  "account.updated": onAccountUpdated,
  "transfer.created": onTransferChanged,
  "transfer.reversed": onTransferChanged,
  "payout.paid": onPayoutSettled,
  "payout.failed": onPayoutSettled,
};
