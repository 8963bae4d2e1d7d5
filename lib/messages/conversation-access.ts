import type { Prisma } from "@/lib/db/client";
import type { ConversationParty } from "@/lib/generated/prisma/enums";

/** The conversations a person takes part in: as the buyer, or as the owner of the shop. */
export function participantWhere(userId: string): Prisma.ConversationWhereInput {
  return { OR: [{ buyerId: userId }, { seller: { userId } }] };
}

/** Which side of a conversation a participant is on. */
export function partyOf(conv: { buyerId: string }, userId: string): ConversationParty {
  return conv.buyerId === userId ? "buyer" : "seller";
}
