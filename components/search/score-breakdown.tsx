import type { RankingBreakdown } from "@/lib/search/search-types";

/** Admins only (debug=1): how a result's ranking score was made up. */
export function ScoreBreakdown({ score, breakdown }: { score: number; breakdown: RankingBreakdown }) {
  return (
    <details className="mt-1 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs">
      <summary className="cursor-pointer font-mono">score {score.toFixed(3)}</summary>
      <table className="mt-1 w-full font-mono">
        <tbody>
          {Object.entries(breakdown).map(([signal, value]) => (
            <tr key={signal}>
              <th scope="row" className="pr-2 text-left font-normal">
                {signal}
              </th>
              <td className="text-right">{value.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
