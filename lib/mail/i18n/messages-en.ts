// The English strings of the notification templates, in ICU MessageFormat (intl-messageformat
// formats them). English is the fallback: every key is here, and messages-de.ts must have each
// one too (its type says so). Money and dates arrive already formatted for the locale (format.ts).
// Email bodies keep the text shapes render-email.ts reads: blank lines between paragraphs and a
// last line "Label: <link>" for the button.
export const MESSAGES_EN = {
  // The shared email layout.
  "email.footer.why": "You're getting this email from {brand} because {reason}.",
  "email.footer.settings": "Notification settings",
  "email.footer.unsubscribe": "Unsubscribe from these emails",
  "email.hello": "{hasName, select, yes {Hi {name},} other {Hi,}}",

  // Why an email came (completes email.footer.why).
  "reason.orders": "it is about an order you placed or sold",
  "reason.payouts": "it is about your shop's payouts",
  "reason.favourites": "it is about a listing you saved, and favourite alerts are on",
  "reason.listings": "it is about one of your shop's listings, and listing emails are on",
  "reason.security": "it is about the security of your account",
  "reason.messages": "someone wrote to you in a conversation, and message emails are on",
  "reason.reviews": "a buyer reviewed your shop's item, and review emails are on",

  // payout.sent
  "payout.email.subject": "Payout of {amount} on its way to your bank",
  "payout.email.body":
    "{hello}\n\nWe sent {amount} from your shop's balance to your bank account on {sentOn}. Banks usually show it by {arrival}.\n\nSee your payouts: {link}\n",
  "payout.inApp.title": "Payout sent: {amount}",
  "payout.inApp.body": "{amount} is on its way to your bank, expected by {arrival}.",

  // product.low_stock
  "lowStock.email.subject":
    "{count, plural, =0 {Sold out} other {Low stock}}: {title} ({count, plural, =0 {none} one {# left} other {# left}})",
  "lowStock.email.body":
    "{hello}\n\nA sale took {title} to {count, plural, =0 {no stock: buyers can't order it until you add more} one {# in stock} other {# in stock}} (your low-stock alert is at {threshold}).\n\nUpdate its stock: {link}\n",
  "lowStock.inApp.title": "{count, plural, =0 {Sold out} other {Low stock}}: {title}",
  "lowStock.inApp.body": "{count, plural, =0 {None left} one {# left} other {# left}}; your alert is at {threshold}.",

  // order.held
  "held.inApp.title": "Order {ref} is on hold: don't ship it yet",
  "held.inApp.body":
    "Its payment is being reviewed, which usually takes a few hours. We'll tell you when it's cleared.",
  "held.sms": "Marketplace: order {ref} is on hold for a payment review. Don't ship it yet. {link}",

  // Returns (in-app; the emails are in lib/returns).
  "return.requested.title": "Return requested for order {ref}",
  "return.requested.body": "The buyer would like to return {items}. Accept or decline it.",
  "return.label_ready.title": "Return accepted for order {ref}",
  "return.label_ready.body": "Print the prepaid label and attach it to the parcel.",
  "return.accepted.title": "The marketplace accepted the return for order {ref}",
  "return.accepted.body": "The buyer gets a prepaid label; confirm receipt when the parcel arrives.",
  "return.declined.title": "Your return for order {ref} was declined",
  "return.declined.body": "{shop} declined it. You can ask the marketplace to review it.",
  "return.escalated.title": "Return for order {ref} escalated",
  "return.escalated.body": "The buyer asked the marketplace to review your decline.",
  "return.rejected.title": "Decision on the return for order {ref}",
  "return.rejected.body": "The marketplace upheld the decline.",
  "return.refunded.title": "Return refunded: {amount}",
  "return.refunded.body": "The return for order {ref} is complete and {amount} was refunded.",

  // Claims (in-app; the emails are in lib/claims).
  "claim.opened.buyer.title": "Claim received for order {ref}",
  "claim.opened.buyer.body": "The marketplace will review it and tell you the decision.",
  "claim.opened.seller.title": "A buyer opened a claim on order {ref}",
  "claim.opened.seller.body": "The marketplace decides claims; you'll hear the decision.",
  "claim.refunded.buyer.title": "Your claim on order {ref} was accepted",
  "claim.refunded.buyer.body": "{amount} is refunded to your card.",
  "claim.refunded.seller.title": "The claim on order {ref} was refunded",
  "claim.refunded.seller.body": "{amount} was refunded to the buyer.",
  "claim.rejected.buyer.title": "Your claim on order {ref} was not accepted",
  "claim.rejected.buyer.body": "See the decision on your order page.",
  "claim.rejected.seller.title": "The claim on order {ref} was rejected",
  "claim.rejected.seller.body": "Nothing changes for your payment.",

  // Security emails (always sent) and their in-app notes.
  "security.passwordChanged.subject": "Your marketplace password was changed",
  "security.passwordChanged.body":
    "{hello}\n\nThe password of your marketplace account was just changed, and every other session was signed out.\n\nIf this wasn't you, reset your password now and tell us by replying to this email.\n\nReset your password: {link}\n",
  "security.emailChangeRequested.subject": "A change of your marketplace email address",
  "security.emailChangeRequested.body":
    "{hello}\n\nSomeone signed in to your marketplace account asked to change its email to {newEmail}. It changes once that address is confirmed.\n\nIf this wasn't you, reset your password and reply to this email.\n\nReset your password: {link}\n",
  "security.emailChanged.subject": "Your marketplace email address was changed",
  "security.emailChanged.body":
    "{hello}\n\nYour marketplace account now uses {newEmail}; this address no longer signs in.\n\nIf this wasn't you, reset your password and reply to this email.\n\nReset your password: {link}\n",
  "security.newSignIn.subject": "New sign-in to your marketplace account",
  "security.newSignIn.body":
    "{hello}\n\nYour account was signed in to on {when} from a browser it hadn't used before:\n\n  {device}\n  {place}\n\nIf this was you, there's nothing to do. If not, sign that session out and change your password.\n\nYour sessions: {link}\n",
  "security.unknownDevice": "an unknown browser",
  "security.unknownPlace": "address not recorded",
  "security.fromAddress": "from the address {ip}",
  "security.inApp.passwordChanged": "Your password was changed",
  "security.inApp.emailChanged": "Your email address was changed to {newEmail}",
  "security.inApp.newSignIn": "New sign-in from {device}",
  "security.inApp.body": "Not you? Check your sessions and change your password.",
} as const;

export type MessageKey = keyof typeof MESSAGES_EN;
