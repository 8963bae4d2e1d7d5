import type { InputHTMLAttributes, ReactNode } from "react";

const CONTROL = "rounded-md border border-gray-300 bg-white px-2 py-2";

/** A GET form of filters over a list: its values live in the URL, so a filtered view can be bookmarked and shared. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form method="get" role="search" aria-label={label} className="mb-5 flex flex-wrap items-end gap-3 text-sm">
      {children}
    </form>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled text (or date, or search) filter; `wide` for ids and free text. */
export function FilterInput({
  id,
  label,
  wide = false,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; name: string; label: string; wide?: boolean }) {
  return (
    <Labelled id={id} label={label}>
      <input id={id} className={`${wide ? "w-72 max-w-full " : ""}${CONTROL}`} {...input} />
    </Labelled>
  );
}

/** A labelled select whose first choice, "Any", leaves the filter off. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  options: readonly (readonly [value: string, text: string])[];
}) {
  return (
    <Labelled id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** The submit button of a FilterBar. */
export function FilterSubmit({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 font-medium">
      {children}
    </button>
  );
}
