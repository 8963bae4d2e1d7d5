"use client";

import { useId, useState } from "react";

/**
 * One email as its recipient sees it: the HTML part in a sandboxed iframe (srcdoc, and a sandbox
 * without allow-scripts, so a template or user content inside it can run nothing and reach
 * nothing of the admin's page), or its plain-text part.
 */
export function EmailPreview({ subject, html, text }: { subject: string; html: string | null; text: string }) {
  const [view, setView] = useState<"html" | "text">(html ? "html" : "text");
  const id = useId();
  return (
    <div className="mt-3 space-y-2">
      {html ? (
        <div role="group" aria-label="Show the email as" className="flex gap-1 text-sm">
          {(["html", "text"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              aria-controls={id}
              onClick={() => setView(v)}
              className={`rounded-md border px-3 py-1 font-medium ${view === v ? "border-brand-600 bg-brand-600 text-white" : "border-gray-300 bg-white text-ink"}`}
            >
              {v === "html" ? "HTML" : "Plain text"}
            </button>
          ))}
        </div>
      ) : null}
      <div id={id}>
        {view === "html" && html ? (
          <iframe
            title={`HTML part of “${subject}”`}
            srcDoc={html}
            sandbox=""
            referrerPolicy="no-referrer"
            className="h-[32rem] w-full rounded-md border border-gray-200 bg-white"
          />
        ) : (
          <pre className="whitespace-pre-wrap font-sans text-sm text-ink">{text}</pre>
        )}
      </div>
    </div>
  );
}
