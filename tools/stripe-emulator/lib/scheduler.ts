// Work the emulator does on its own, run by its tick: disputes that open a little after a
// payment, automatic payouts of accounts not on a manual schedule, and payouts that arrive
// once the emulator's clock reaches their arrival date.
import { createDispute } from "../resources/disputes";
import { runAutomaticPayouts, settleDuePayouts } from "../resources/payouts";
import type { Emulator } from "./emulator";

export function runScheduledWork(emu: Emulator): void {
  const now = Date.now();
  const { state } = emu;
  const due = state.tasks.filter((task) => task.dueAt <= now);
  if (due.length > 0) {
    state.tasks = state.tasks.filter((task) => task.dueAt > now);
    for (const task of due) {
      const charge = state.charges[task.chargeId];
      // A refund or an earlier dispute may have got there first.
      if (charge && !charge.disputed && charge.amount_refunded < charge.amount_captured)
        createDispute(emu, task.chargeId, "fraudulent");
    }
    emu.store.changed();
  }
  runAutomaticPayouts(emu);
  settleDuePayouts(emu);
}
