// The escrow ledger's accounts. Balances are "credits minus debits": money arriving in an
// account credits it. A buyer's account goes negative as they pay; escrow holds the money
// between capture and release; a seller's payable is what the platform owes them.
export const ESCROW = "escrow:platform";
export const COMMISSION = "platform:commission";
// Tax collected from buyers (VAT, GST, US sales tax as marketplace facilitator): the platform
// owes it to the tax authorities, so it leaves escrow at capture and is never released to a seller.
export const TAX_PAYABLE = "platform:tax_payable";
export const buyerAccount = (buyerId: string) => `buyer:${buyerId}`;
export const sellerPayable = (sellerId: string) => `seller:${sellerId}:payable`;
export const sellerPaidOut = (sellerId: string) => `seller:${sellerId}:paid_out`;
// What a seller owes back after a refund of money already paid out; netted from later payouts.
export const sellerReceivable = (sellerId: string) => `seller:${sellerId}:receivable`;
// Shown as a hint where admins filter the ledger by account (a prefix matches).
export const LEDGER_ACCOUNT_EXAMPLES = `${ESCROW} or seller:`;
// Card disputes: fees Stripe takes for a dispute, and what the platform itself loses to them.
export const DISPUTE_FEES = "stripe:dispute_fees";
export const CHARGEBACK_LOSSES = "platform:chargeback_losses";
// Currency conversion, for a checkout paid in one currency to a shop pricing in another: the
// pair's account takes the buyer's money in the charge currency and gives the shop's currency
// into escrow, at the checkout's locked rate, so each currency balances on its own. Its charge
// side always holds the order total converted on its own; splitting one charge across shops
// rounds each by up to a cent, and that cent goes to (or comes from) the FX difference.
export const fxAccount = (chargeCurrency: string, shopCurrency: string) =>
  `platform:fx:${chargeCurrency}:${shopCurrency}`;
export const FX_DIFFERENCE = "platform:fx_difference";
