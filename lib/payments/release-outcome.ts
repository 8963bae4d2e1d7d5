/** How an escrow release attempt ended (releaseEscrow and the steps it is made of). */
export type ReleaseOutcome = "released" | "already_released" | "not_releasable" | "parked";
