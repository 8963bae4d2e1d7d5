/** A rating as five stars, announced as "Rated N out of 5". */
export function StarRating({ value, className = "" }: { value: number; className?: string }) {
  const full = Math.round(value);
  return (
    <span role="img" aria-label={`Rated ${value} out of 5`} className={`tracking-tight text-amber-500 ${className}`}>
      {"★".repeat(full)}
      <span className="text-gray-300">{"★".repeat(5 - full)}</span>
    </span>
  );
}
