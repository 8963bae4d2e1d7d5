import type { AnalyticsRange } from "@/lib/analytics/report/analytics-range";

/** The analytics pages' date range (a preset or two dates, as GET parameters) and their CSV link for it. */
export function AnalyticsRangeForm({ range, exportHref }: { range: AnalyticsRange; exportHref: string }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Date range">
      <div>
        <label htmlFor="days" className="block text-sm font-medium">
          Period
        </label>
        <select
          id="days"
          name="days"
          defaultValue={range.preset ? String(range.preset) : ""}
          className="rounded border border-gray-300 px-2 py-1.5 text-sm"
        >
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
          <option value="">Custom (dates below)</option>
        </select>
      </div>
      <div>
        <label htmlFor="from" className="block text-sm font-medium">
          From
        </label>
        <input
          id="from"
          name="from"
          type="date"
          defaultValue={range.preset ? "" : range.from}
          className="rounded border border-gray-300 px-2 py-1 text-sm"
        />
      </div>
      <div>
        <label htmlFor="to" className="block text-sm font-medium">
          To
        </label>
        <input
          id="to"
          name="to"
          type="date"
          defaultValue={range.preset ? "" : range.to}
          className="rounded border border-gray-300 px-2 py-1 text-sm"
        />
      </div>
      <button
        type="submit"
        className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Show
      </button>
      <a
        href={exportHref}
        download
        className="rounded border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50"
      >
        Download CSV
      </a>
    </form>
  );
}
