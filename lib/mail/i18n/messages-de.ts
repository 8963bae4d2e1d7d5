// The German strings of the notification templates: the same keys and placeholders as
// messages-en.ts (the type makes a missing key a compile error; messages.test.ts checks the
// placeholders match).
import type { MessageKey } from "./messages-en";

export const MESSAGES_DE: Record<MessageKey, string> = {
  "email.footer.why": "Sie erhalten diese E-Mail von {brand}, weil {reason}.",
  "email.footer.settings": "Benachrichtigungseinstellungen",
  "email.footer.unsubscribe": "Diese E-Mails abbestellen",
  "email.hello": "{hasName, select, yes {Hallo {name},} other {Hallo,}}",

  "reason.orders": "es um eine Bestellung geht, die Sie aufgegeben oder verkauft haben",
  "reason.payouts": "es um die Auszahlungen Ihres Shops geht",
  "reason.favourites": "es um einen gemerkten Artikel geht und Merklisten-Hinweise eingeschaltet sind",
  "reason.listings": "es um ein Angebot Ihres Shops geht und Angebots-E-Mails eingeschaltet sind",
  "reason.security": "es um die Sicherheit Ihres Kontos geht",
  "reason.messages": "Ihnen jemand in einer Unterhaltung geschrieben hat und Nachrichten-E-Mails eingeschaltet sind",
  "reason.reviews": "ein Käufer einen Artikel Ihres Shops bewertet hat und Bewertungs-E-Mails eingeschaltet sind",

  "payout.email.subject": "Auszahlung von {amount} ist unterwegs zu Ihrer Bank",
  "payout.email.body":
    "{hello}\n\nWir haben am {sentOn} {amount} aus dem Guthaben Ihres Shops an Ihr Bankkonto überwiesen. Banken zeigen den Betrag meist bis {arrival} an.\n\nIhre Auszahlungen: {link}\n",
  "payout.inApp.title": "Auszahlung gesendet: {amount}",
  "payout.inApp.body": "{amount} ist unterwegs zu Ihrer Bank, voraussichtlich bis {arrival}.",

  "lowStock.email.subject":
    "{count, plural, =0 {Ausverkauft} other {Niedriger Bestand}}: {title} ({count, plural, =0 {keine mehr} other {noch #}})",
  "lowStock.email.body":
    "{hello}\n\nNach einem Verkauf {count, plural, =0 {ist {title} ausverkauft: Käufer können es erst wieder bestellen, wenn Sie nachfüllen} one {ist von {title} noch # Stück auf Lager} other {sind von {title} noch # Stück auf Lager}} (Ihre Bestandswarnung liegt bei {threshold}).\n\nBestand aktualisieren: {link}\n",
  "lowStock.inApp.title": "{count, plural, =0 {Ausverkauft} other {Niedriger Bestand}}: {title}",
  "lowStock.inApp.body": "{count, plural, =0 {Keine mehr} other {Noch #}}; Ihre Warnung liegt bei {threshold}.",

  "held.inApp.title": "Bestellung {ref} ist angehalten: bitte noch nicht versenden",
  "held.inApp.body":
    "Die Zahlung wird geprüft, was meist einige Stunden dauert. Wir sagen Ihnen Bescheid, sobald sie freigegeben ist.",
  "held.sms": "Marketplace: Bestellung {ref} ist wegen einer Zahlungsprüfung angehalten. Noch nicht versenden. {link}",

  "return.requested.title": "Rücksendung für Bestellung {ref} angefragt",
  "return.requested.body": "Der Käufer möchte {items} zurücksenden. Nehmen Sie sie an oder lehnen Sie sie ab.",
  "return.label_ready.title": "Rücksendung für Bestellung {ref} angenommen",
  "return.label_ready.body": "Drucken Sie das frankierte Etikett aus und kleben Sie es auf das Paket.",
  "return.accepted.title": "Der Marktplatz hat die Rücksendung für Bestellung {ref} angenommen",
  "return.accepted.body":
    "Der Käufer erhält ein frankiertes Etikett; bestätigen Sie den Eingang, wenn das Paket ankommt.",
  "return.declined.title": "Ihre Rücksendung für Bestellung {ref} wurde abgelehnt",
  "return.declined.body": "{shop} hat sie abgelehnt. Sie können den Marktplatz um Prüfung bitten.",
  "return.escalated.title": "Rücksendung für Bestellung {ref} zur Prüfung",
  "return.escalated.body": "Der Käufer hat den Marktplatz gebeten, Ihre Ablehnung zu prüfen.",
  "return.rejected.title": "Entscheidung zur Rücksendung für Bestellung {ref}",
  "return.rejected.body": "Der Marktplatz hat die Ablehnung bestätigt.",
  "return.refunded.title": "Rücksendung erstattet: {amount}",
  "return.refunded.body": "Die Rücksendung für Bestellung {ref} ist abgeschlossen und {amount} wurden erstattet.",

  "claim.opened.buyer.title": "Reklamation zu Bestellung {ref} erhalten",
  "claim.opened.buyer.body": "Der Marktplatz prüft sie und teilt Ihnen die Entscheidung mit.",
  "claim.opened.seller.title": "Ein Käufer hat Bestellung {ref} reklamiert",
  "claim.opened.seller.body": "Der Marktplatz entscheidet über Reklamationen; Sie erfahren die Entscheidung.",
  "claim.refunded.buyer.title": "Ihre Reklamation zu Bestellung {ref} wurde angenommen",
  "claim.refunded.buyer.body": "{amount} werden auf Ihre Karte erstattet.",
  "claim.refunded.seller.title": "Die Reklamation zu Bestellung {ref} wurde erstattet",
  "claim.refunded.seller.body": "{amount} wurden dem Käufer erstattet.",
  "claim.rejected.buyer.title": "Ihre Reklamation zu Bestellung {ref} wurde nicht angenommen",
  "claim.rejected.buyer.body": "Die Entscheidung steht auf Ihrer Bestellseite.",
  "claim.rejected.seller.title": "Die Reklamation zu Bestellung {ref} wurde abgelehnt",
  "claim.rejected.seller.body": "An Ihrer Zahlung ändert sich nichts.",

  "security.passwordChanged.subject": "Ihr Marketplace-Passwort wurde geändert",
  "security.passwordChanged.body":
    "{hello}\n\nDas Passwort Ihres Marketplace-Kontos wurde soeben geändert, und alle anderen Sitzungen wurden abgemeldet.\n\nWaren Sie das nicht, setzen Sie Ihr Passwort jetzt zurück und antworten Sie auf diese E-Mail.\n\nPasswort zurücksetzen: {link}\n",
  "security.emailChangeRequested.subject": "Änderung Ihrer Marketplace-E-Mail-Adresse",
  "security.emailChangeRequested.body":
    "{hello}\n\nJemand, der in Ihrem Marketplace-Konto angemeldet ist, möchte dessen E-Mail-Adresse in {newEmail} ändern. Sie ändert sich, sobald diese Adresse bestätigt ist.\n\nWaren Sie das nicht, setzen Sie Ihr Passwort zurück und antworten Sie auf diese E-Mail.\n\nPasswort zurücksetzen: {link}\n",
  "security.emailChanged.subject": "Ihre Marketplace-E-Mail-Adresse wurde geändert",
  "security.emailChanged.body":
    "{hello}\n\nIhr Marketplace-Konto verwendet jetzt {newEmail}; mit dieser Adresse können Sie sich nicht mehr anmelden.\n\nWaren Sie das nicht, setzen Sie Ihr Passwort zurück und antworten Sie auf diese E-Mail.\n\nPasswort zurücksetzen: {link}\n",
  "security.newSignIn.subject": "Neue Anmeldung in Ihrem Marketplace-Konto",
  "security.newSignIn.body":
    "{hello}\n\nIhr Konto wurde am {when} in einem Browser angemeldet, der es bisher nicht verwendet hat:\n\n  {device}\n  {place}\n\nWaren Sie das, ist nichts zu tun. Andernfalls melden Sie diese Sitzung ab und ändern Sie Ihr Passwort.\n\nIhre Sitzungen: {link}\n",
  "security.unknownDevice": "ein unbekannter Browser",
  "security.unknownPlace": "Adresse nicht erfasst",
  "security.fromAddress": "von der Adresse {ip}",
  "security.inApp.passwordChanged": "Ihr Passwort wurde geändert",
  "security.inApp.emailChanged": "Ihre E-Mail-Adresse wurde in {newEmail} geändert",
  "security.inApp.newSignIn": "Neue Anmeldung von {device}",
  "security.inApp.body": "Waren Sie das nicht? Prüfen Sie Ihre Sitzungen und ändern Sie Ihr Passwort.",
};
