export function RatingSummary({ avg, count, histogram }: { avg: number; count: number; histogram: number[] }) {
  if (count === 0) return <p className="text-sm text-muted">No reviews yet.</p>;
  const max = Math.max(...histogram, 1);
  return (
    <div className="flex flex-wrap items-center gap-6">
      <div>
        <p className="text-3xl font-bold">{avg.toFixed(1)}</p>
        <p className="text-sm text-muted" aria-label={`Rated ${avg.toFixed(1)} out of 5`}>
          <span aria-hidden>{"★".repeat(Math.round(avg)).padEnd(5, "☆")}</span> · {count}{" "}
          {count === 1 ? "review" : "reviews"}
        </p>
      </div>
      <ul className="min-w-48 flex-1 space-y-1 text-xs">
        {[5, 4, 3, 2, 1].map((stars) => (
          <li key={stars} className="flex items-center gap-2">
            <span className="w-10">{stars} star</span>
            <span className="h-2 flex-1 overflow-hidden rounded bg-gray-200" aria-hidden>
              <span className="block h-full bg-amber-500" style={{ width: `${(histogram[stars - 1] / max) * 100}%` }} />
            </span>
            <span className="w-8 text-right">{histogram[stars - 1]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
