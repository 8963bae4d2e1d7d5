import type { ReactNode } from "react";

/** What a list shows when nothing is in it (or nothing matches its filters). */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-muted">{children}</p>
  );
}
