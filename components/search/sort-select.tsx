"use client";

// Sort order for the results: changing it submits the surrounding GET form at once; without
// JavaScript the form's Apply button does.
export function SortSelect({ value, options }: { value: string; options: { value: string; label: string }[] }) {
  return (
    <select
      id="search-sort"
      name="sort"
      defaultValue={value}
      onChange={(e) => e.currentTarget.form?.requestSubmit()}
      className="rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
