"use client";

import { useActionState, useRef, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Cell, DataTable } from "@/components/ui/data-table";

import { importStockCsvAction, type ImportStockState } from "./actions";

const INITIAL: ImportStockState = { ok: false, message: "", errors: [] };
// A long report is mostly noise after the first screenful; the count says how many more.
const MAX_LISTED_ERRORS = 200;

/** Uploads a stock CSV; shows the applied count, or every row that needs fixing. */
export function ImportStockForm({ maxBytes, maxRows }: { maxBytes: number; maxRows: number }) {
  const [state, dispatch, pending] = useActionState(importStockCsvAction, INITIAL);
  const [clientError, setClientError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // Checked here too so a too-large file is refused before it is uploaded.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const file = fileRef.current?.files?.[0];
    const problem = !file
      ? "Choose a CSV file to import."
      : file.size > maxBytes
        ? `The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB. Split it into smaller files.`
        : null;
    setClientError(problem);
    if (problem) {
      e.preventDefault();
      fileRef.current?.focus();
    }
  }

  const message = clientError ?? (pending ? null : state.message || null);
  const listed = state.errors.slice(0, MAX_LISTED_ERRORS);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="stock-csv" className="text-sm font-medium">
          CSV file
        </label>
        <input
          ref={fileRef}
          id="stock-csv"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby="import-help"
          className="text-sm file:mr-3 file:rounded-md file:border file:border-gray-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-gray-50"
        />
        <p id="import-help" className="text-xs text-muted">
          Columns: <code>product_id</code> and <code>inventory_count</code>, optionally <code>low_stock_threshold</code>{" "}
          and <code>note</code>; other columns are ignored. Up to {maxRows.toLocaleString("en-US")} rows and{" "}
          {Math.round(maxBytes / (1024 * 1024))} MB. If any row has a problem, nothing is changed.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import CSV"}
        </Button>
        <p aria-live="polite" className="text-sm text-muted">
          {pending ? "Uploading and checking your file…" : ""}
        </p>
      </div>
      {message ? <Alert tone={state.ok && !clientError ? "success" : "error"}>{message}</Alert> : null}
      {!pending && !clientError && listed.length > 0 ? (
        <DataTable
          caption="Rows to fix before importing"
          columns={[{ label: "Row" }, { label: "Problem" }]}
          footer={
            state.errors.length > listed.length ? (
              <p className="border-t border-gray-200 px-3 py-2 text-sm text-muted">
                …and {(state.errors.length - listed.length).toLocaleString("en-US")} more rows with problems.
              </p>
            ) : null
          }
        >
          {listed.map((e) => (
            <tr key={`${e.row}-${e.message}`}>
              <Cell className="tabular-nums">{e.row}</Cell>
              <Cell>{e.message.replace(/^row \d+: /, "")}</Cell>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </form>
  );
}
