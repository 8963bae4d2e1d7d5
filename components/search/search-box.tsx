"use client";

// The header's search input with suggestions as you type: the ARIA 1.2 combobox pattern
// (input + listbox, aria-expanded, aria-activedescendant; arrows move, Enter picks, Escape
// closes). It lives inside the header's plain GET form, so without JavaScript it is an
// ordinary search field that submits to /search.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import type { Suggestion } from "@/lib/search/search-types";

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

const KIND_LABEL: Record<Suggestion["kind"], string> = {
  query: "Search for",
  category: "Category",
  product: "Product",
};

export function SearchBox({
  inputId,
  name,
  placeholder,
  maxLength,
}: {
  inputId: string;
  name: string;
  placeholder: string;
  maxLength: number;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = pathname === "/search" ? (params.get("q") ?? "") : "";
  const [value, setValue] = useState(current);
  const [shown, setShown] = useState(current);
  const [typed, setTyped] = useState(false);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // Follow navigation (back button, a facet link) so the box shows the query on screen.
  if (shown !== current) {
    setShown(current);
    setValue(current);
    setTyped(false);
    setExpanded(false);
  }
  const q = value.trim();
  const open = expanded && typed && q.length >= MIN_CHARS && items.length > 0;

  useEffect(() => {
    if (!typed || q.length < MIN_CHARS) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/search/suggest?${new URLSearchParams({ q })}`, { signal: abort.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { suggestions: Suggestion[] };
        setItems(body.suggestions);
        setActive(-1);
        setExpanded(body.suggestions.length > 0 && document.activeElement === inputRef.current);
      } catch {
        // Aborted or offline: the plain search still works.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q, typed]);

  const choose = (s: Suggestion) => {
    setExpanded(false);
    if (s.kind === "query") setValue(s.text);
    router.push(s.href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (items.length === 0) return;
      e.preventDefault();
      if (!open) {
        setExpanded(true);
        setActive(e.key === "ArrowDown" ? 0 : items.length - 1);
        return;
      }
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % items.length : i <= 0 ? items.length - 1 : i - 1));
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setExpanded(false);
        setActive(-1);
      } else setValue("");
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault();
      choose(items[active]);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="relative w-full">
      <input
        ref={inputRef}
        id={inputId}
        name={name}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        placeholder={placeholder}
        maxLength={maxLength}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setTyped(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setExpanded(items.length > 0 && typed)}
        onBlur={() => setExpanded(false)}
        className="w-full rounded-l-md border border-gray-300 px-3 py-2 text-sm focus:border-brand-500"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Search suggestions"
        hidden={!open}
        className="absolute left-0 right-0 top-full z-30 mt-1 max-h-96 overflow-auto rounded-md border border-gray-200 bg-white py-1 text-sm shadow-lg"
      >
        {items.map((s, i) => (
          <li
            key={`${s.kind}:${s.href}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
            onMouseEnter={() => setActive(i)}
            className={`flex cursor-pointer items-baseline gap-2 px-3 py-2 ${i === active ? "bg-brand-50" : ""}`}
          >
            <span className="w-20 shrink-0 text-xs text-muted">{KIND_LABEL[s.kind]}</span>
            <span className="truncate">{s.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
