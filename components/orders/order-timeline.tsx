type Step = { fromStatus?: string | null; toStatus: string; actorType: string; note: string | null; createdAt: Date };

const WHO: Record<string, string> = {
  buyer: "You",
  seller: "Seller",
  admin: "Marketplace",
  system: "Automatically",
  webhook: "Payment provider",
};

export function OrderTimeline({ steps, viewer }: { steps: Step[]; viewer: "buyer" | "seller" | "admin" }) {
  return (
    <ol className="relative space-y-4 border-l border-gray-200 pl-5">
      {steps.map((s, i) => (
        <li key={i} className="relative">
          <span className="absolute -left-[27px] top-1 h-3 w-3 rounded-full bg-brand-600" aria-hidden />
          <p className="text-sm font-medium capitalize">
            {s.fromStatus === s.toStatus ? "Partial refund" : s.toStatus}
          </p>
          <p className="text-xs text-muted">
            {s.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC ·{" "}
            {viewer === "buyer" ? WHO[s.actorType] : s.actorType === "buyer" ? "Buyer" : WHO[s.actorType]}
            {s.note ? ` · ${s.note}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
