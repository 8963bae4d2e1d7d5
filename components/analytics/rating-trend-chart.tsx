"use client";

// The weekly average rating on the analytics page. Hidden from screen readers like the other
// charts (components/analytics/analytics-charts.tsx): the table beside it has the same numbers.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type RatingPoint = { label: string; averageRating: number; reviews: number };

export function RatingTrendChart({ weeks }: { weeks: RatingPoint[] }) {
  return (
    <div aria-hidden="true" className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={weeks} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} width={32} />
          <Tooltip />
          <Line type="monotone" dataKey="averageRating" name="Average rating" stroke="#d97706" strokeWidth={2} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
