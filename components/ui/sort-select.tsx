/** A labelled "Sort by" select of a GET form: its value lives in the URL like the form's other filters. */
export function SortSelect({
  id,
  value,
  options,
  className = "rounded-md border border-gray-300 bg-white px-2 py-1.5",
  inline = false,
}: {
  id: string;
  value: string;
  options: readonly { value: string; label: string }[];
  className?: string;
  /** Label beside the select (a toolbar) rather than above it (a filter row). */
  inline?: boolean;
}) {
  return (
    <div className={inline ? "flex items-center gap-2" : "flex flex-col gap-1"}>
      <label htmlFor={id} className={inline ? undefined : "font-medium"}>
        Sort by
      </label>
      <select id={id} name="sort" defaultValue={value} className={className}>
        {options.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}
