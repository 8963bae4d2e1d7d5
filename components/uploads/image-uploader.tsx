"use client";

import { useEffect, useId, useRef, useState, type DragEvent } from "react";

import { buttonClass } from "@/components/ui/button";
import {
  ACCEPTED_IMAGE_TYPES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MEGABYTES,
  REJECT_REASONS,
  type UploadPurposeName,
} from "@/lib/uploads/upload-limits";

export type UploadedImage = { uploadId: string; url: string; width: number; height: number };

type Phase = "uploading" | "processing" | "ready" | "rejected";
type Item = {
  key: string;
  fileName: string;
  phase: Phase;
  /** Percent of the file sent, while uploading. */
  progress: number;
  uploadId?: string;
  url?: string;
  width?: number;
  height?: number;
  reason?: string;
};

type Target = { url: string; method: "PUT"; headers: Record<string, string> };
type UploadStatus = {
  status: "pending" | "uploaded" | "processing" | "ready" | "rejected";
  reject_reason: string | null;
  width: number | null;
  height: number | null;
  variants: { width: number; height: number; url: string }[];
};

const POLL_INTERVAL_MS = 1000;
const POLL_TIMEOUT_MS = 3 * 60 * 1000;

let lastKey = 0;
const nextKey = () => `img-${++lastKey}`;

/** Thrown to show a reason on the image's card; anything else shows a generic failure. */
class UploadProblem extends Error {}

async function errorMessage(res: Response, fallback: string): Promise<string> {
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return json?.error?.message ?? fallback;
}

async function postJson<T>(url: string, body: unknown, signal: AbortSignal, fallback: string): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok) throw new UploadProblem(await errorMessage(res, fallback));
  return (await res.json()) as T;
}

/** PUTs the file with XMLHttpRequest, the one browser API that reports upload progress. */
function putFile(
  file: File,
  target: Target,
  signal: AbortSignal,
  onProgress: (percent: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    for (const [k, v] of Object.entries(target.headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let message = `The upload failed (HTTP ${xhr.status}). Try again.`;
      try {
        message = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        // S3 answers in XML; the status says enough.
      }
      reject(new UploadProblem(message));
    };
    xhr.onerror = () => reject(new UploadProblem("The upload was interrupted. Check your connection and try again."));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(new DOMException("Aborted", "AbortError"));
      },
      { once: true },
    );
  });
}

/** The same checks the server makes on the declared file, so an obvious refusal costs no upload. */
function refusalFor(file: File): string | null {
  if (file.type.startsWith("image/svg") || /\.svgz?$/i.test(file.name)) return REJECT_REASONS.svg;
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return REJECT_REASONS.notAnImage;
  if (file.size > MAX_UPLOAD_BYTES) return REJECT_REASONS.tooManyBytes;
  return null;
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/**
 * Uploads images straight to storage with a progress bar per file, then waits for the
 * worker to check and resize each one; shows the thumbnail or the reason it was refused.
 * Images are reordered by drag and drop or the move buttons and removed one by one. Each
 * ready image is a hidden input named `name`, in order, so a form receives
 * `formData.getAll(name)` as the ordered upload ids.
 */
export function ImageUploader({
  purpose,
  initial = [],
  max = 10,
  name = "images",
  onChange,
}: {
  purpose: UploadPurposeName;
  initial?: UploadedImage[];
  max?: number;
  name?: string;
  onChange?: (uploadIds: string[]) => void;
}) {
  const [items, setItems] = useState<Item[]>(() =>
    initial.map((img) => ({ key: nextKey(), fileName: "", phase: "ready", progress: 100, ...img })),
  );
  const [notice, setNotice] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [dropActive, setDropActive] = useState(false);
  const controllers = useRef(new Map<string, AbortController>());
  const focusAfterMove = useRef<{ key: string; direction: "left" | "right" } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const inputId = useId();
  const hintId = useId();

  // The images in display order (what the form saves once ready), and the refused files.
  const ordered = items.filter((i) => i.phase !== "rejected");
  const refused = items.filter((i) => i.phase === "rejected");
  const readyIds = ordered.filter((i) => i.phase === "ready" && i.uploadId).map((i) => i.uploadId!);
  const readyKey = readyIds.join(",");
  const slotsLeft = Math.max(0, max - ordered.length);
  const busy = ordered.some((i) => i.phase !== "ready");

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  // Only changes are reported, not the initial images.
  const reported = useRef(readyKey);
  useEffect(() => {
    if (reported.current === readyKey) return;
    reported.current = readyKey;
    onChangeRef.current?.(readyKey ? readyKey.split(",") : []);
  }, [readyKey]);

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  useEffect(() => {
    const want = focusAfterMove.current;
    if (!want) return;
    focusAfterMove.current = null;
    const same = buttons.current.get(`${want.key}:${want.direction}`);
    const other = buttons.current.get(`${want.key}:${want.direction === "left" ? "right" : "left"}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [items]);

  const patch = (key: string, change: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  async function upload(key: string, file: File) {
    const controller = new AbortController();
    controllers.current.set(key, controller);
    const { signal } = controller;
    try {
      const created = await postJson<{ upload_id: string; upload: Target }>(
        "/api/v1/uploads",
        { purpose, file_name: file.name, content_type: file.type, byte_size: file.size },
        signal,
        "The upload could not be started. Try again.",
      );
      patch(key, { uploadId: created.upload_id });
      await putFile(file, created.upload, signal, (progress) => patch(key, { progress }));
      patch(key, { phase: "processing", progress: 100 });
      await postJson(
        `/api/v1/uploads/${created.upload_id}/complete`,
        {},
        signal,
        "The upload could not be finished. Try again.",
      );

      const deadline = Date.now() + POLL_TIMEOUT_MS;
      while (Date.now() < deadline) {
        const res = await fetch(`/api/v1/uploads/${created.upload_id}`, { signal, cache: "no-store" });
        if (!res.ok)
          throw new UploadProblem(await errorMessage(res, "The image's status could not be read. Try again."));
        const status = (await res.json()) as UploadStatus;
        if (status.status === "rejected") throw new UploadProblem(status.reject_reason ?? "The image was refused.");
        if (status.status === "ready") {
          const thumb = status.variants[0];
          patch(key, {
            phase: "ready",
            url: thumb?.url,
            width: status.width ?? thumb?.width,
            height: status.height ?? thumb?.height,
          });
          setAnnouncement(`${file.name} is ready.`);
          return;
        }
        await sleep(POLL_INTERVAL_MS, signal);
      }
      throw new UploadProblem("Processing is taking longer than usual. Dismiss this and add the image again later.");
    } catch (err) {
      if (signal.aborted) return;
      const reason =
        err instanceof UploadProblem ? err.message : "The upload failed. Check your connection and try again.";
      patch(key, { phase: "rejected", reason });
    } finally {
      controllers.current.delete(key);
    }
  }

  function addFiles(files: File[]) {
    if (files.length === 0) return;
    // Files refused here take no slot; the rest fill the free slots in the order picked.
    let free = slotsLeft;
    let left = 0;
    const added: { item: Item; file: File }[] = [];
    for (const file of files) {
      const refusal = refusalFor(file);
      if (!refusal && free === 0) {
        left++;
        continue;
      }
      if (!refusal) free--;
      added.push({
        file,
        item: {
          key: nextKey(),
          fileName: file.name,
          phase: refusal ? "rejected" : "uploading",
          progress: 0,
          reason: refusal ?? undefined,
        },
      });
    }
    setNotice(
      left > 0 ? `You can add up to ${max} images; ${left === 1 ? "1 file was" : `${left} files were`} left out.` : "",
    );
    setItems((list) => [...list, ...added.map((a) => a.item)]);
    for (const { item, file } of added) if (item.phase === "uploading") void upload(item.key, file);
  }

  function remove(key: string, announcement: string) {
    controllers.current.get(key)?.abort();
    setItems((list) => list.filter((i) => i.key !== key));
    setNotice("");
    setAnnouncement(announcement);
  }

  /** Moves the image `key` to where `targetKey` is in the display order. */
  function moveTo(key: string, targetKey: string) {
    const from = ordered.findIndex((i) => i.key === key);
    const to = ordered.findIndex((i) => i.key === targetKey);
    if (from < 0 || to < 0 || from === to) return;
    // Refused files sit outside the display order, so positions in the full list are used.
    setItems((list) =>
      move(
        list,
        list.findIndex((i) => i.key === key),
        list.findIndex((i) => i.key === targetKey),
      ),
    );
    setAnnouncement(`Image ${from + 1} moved to position ${to + 1} of ${ordered.length}.`);
  }

  function moveBy(key: string, direction: "left" | "right") {
    const from = ordered.findIndex((i) => i.key === key);
    const neighbour = ordered[direction === "left" ? from - 1 : from + 1];
    if (from < 0 || !neighbour) return;
    focusAfterMove.current = { key, direction };
    moveTo(key, neighbour.key);
  }

  const isFileDrag = (e: DragEvent) => Array.from(e.dataTransfer.types).includes("Files");

  function onZoneDrop(e: DragEvent<HTMLDivElement>) {
    if (!isFileDrag(e)) return;
    e.preventDefault();
    setDropActive(false);
    addFiles(Array.from(e.dataTransfer.files));
  }

  function onItemDrop(e: DragEvent<HTMLLIElement>, targetKey: string) {
    if (isFileDrag(e) || !dragKey) return;
    e.preventDefault();
    setDragKey(null);
    moveTo(dragKey, targetKey);
  }

  return (
    <div className="space-y-3">
      {readyIds.map((id) => (
        <input key={id} type="hidden" name={name} value={id} />
      ))}

      <div
        onDragOver={(e) => {
          if (!isFileDrag(e) || slotsLeft === 0) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDropActive(true);
        }}
        onDragLeave={() => setDropActive(false)}
        onDrop={onZoneDrop}
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm transition ${dropActive ? "border-brand-500 bg-brand-50" : "border-gray-300 bg-gray-50"}`}
      >
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPTED_IMAGE_TYPES.join(",")}
          disabled={slotsLeft === 0}
          aria-describedby={hintId}
          className="peer sr-only"
          onChange={(e) => {
            addFiles(Array.from(e.target.files ?? []));
            e.target.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className={buttonClass(
            "secondary",
            `cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-brand-500 peer-disabled:cursor-not-allowed peer-disabled:opacity-60`,
          )}
        >
          Add images
        </label>
        <p id={hintId} className="text-muted">
          {slotsLeft === 0
            ? `You have added the maximum of ${max} images.`
            : `Or drag them here. JPEG, PNG, WebP or GIF, up to ${MAX_UPLOAD_MEGABYTES} MB each; ${slotsLeft} of ${max} left.`}
        </p>
      </div>

      {notice ? (
        <p role="status" className="text-sm text-amber-800">
          {notice}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {ordered.length > 0 ? (
        <ol className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label="Images, in display order">
          {ordered.map((item, index) => {
            const position = index + 1;
            const progressId = `${inputId}-${item.key}-progress`;
            return (
              <li
                key={item.key}
                draggable
                onDragStart={(e) => {
                  setDragKey(item.key);
                  e.dataTransfer.effectAllowed = "move";
                  e.dataTransfer.setData("text/plain", item.key);
                }}
                onDragEnd={() => setDragKey(null)}
                onDragOver={(e) => {
                  if (!dragKey || isFileDrag(e)) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = "move";
                }}
                onDrop={(e) => onItemDrop(e, item.key)}
                className={`flex cursor-grab flex-col overflow-hidden rounded-lg border border-gray-200 bg-white ${dragKey === item.key ? "opacity-50" : ""}`}
              >
                <div className="relative flex aspect-square items-center justify-center bg-gray-100">
                  {item.phase === "ready" && item.url ? (
                    // eslint-disable-next-line @next/next/no-img-element -- the smallest processed WebP variant, served with long cache headers
                    <img
                      src={item.url}
                      alt={`Image ${position}${position === 1 ? " (cover)" : ""}`}
                      width={item.width}
                      height={item.height}
                      draggable={false}
                      className="h-full w-full object-cover"
                      loading="lazy"
                    />
                  ) : item.phase === "uploading" ? (
                    <div className="w-full px-3">
                      <label htmlFor={progressId} className="block truncate text-xs text-muted">
                        Uploading {item.fileName}
                      </label>
                      <div className="mt-1 flex items-center gap-2">
                        <progress id={progressId} max={100} value={item.progress} className="h-2 w-full" />
                        <span className="w-10 text-right text-xs tabular-nums">{item.progress}%</span>
                      </div>
                    </div>
                  ) : (
                    <div className="w-full px-3">
                      <label htmlFor={progressId} className="block truncate text-xs text-muted">
                        Checking and resizing {item.fileName}…
                      </label>
                      <progress id={progressId} max={100} className="mt-1 h-2 w-full" />
                    </div>
                  )}
                  {position === 1 && item.phase === "ready" ? (
                    <span className="absolute left-1 top-1 rounded bg-white/90 px-1.5 py-0.5 text-xs font-medium">
                      Cover
                    </span>
                  ) : null}
                </div>
                <div className="flex items-center justify-between gap-1 border-t border-gray-100 p-1">
                  <div className="flex gap-1">
                    {(["left", "right"] as const).map((direction) => (
                      <button
                        key={direction}
                        type="button"
                        ref={(el) => {
                          const k = `${item.key}:${direction}`;
                          if (el) buttons.current.set(k, el);
                          else buttons.current.delete(k);
                        }}
                        onClick={() => moveBy(item.key, direction)}
                        disabled={direction === "left" ? index === 0 : index === ordered.length - 1}
                        aria-label={`Move image ${position} ${direction}`}
                        className="min-h-9 min-w-9 rounded px-2 py-1 text-sm hover:bg-gray-100 disabled:cursor-not-allowed disabled:opacity-40"
                      >
                        <span aria-hidden="true">{direction === "left" ? "←" : "→"}</span>
                      </button>
                    ))}
                  </div>
                  <button
                    type="button"
                    onClick={() => remove(item.key, `Image ${position} removed.`)}
                    aria-label={`Remove image ${position}`}
                    className="min-h-9 rounded px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50"
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}

      {refused.length > 0 ? (
        <ul className="space-y-2" aria-label="Files that were not added">
          {refused.map((item) => (
            <li
              key={item.key}
              className="flex items-start justify-between gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm"
            >
              <div role="alert" className="min-w-0 text-red-800">
                <p className="truncate font-medium">{item.fileName}</p>
                <p>{item.reason}</p>
              </div>
              <button
                type="button"
                onClick={() => remove(item.key, `${item.fileName} dismissed.`)}
                aria-label={`Dismiss ${item.fileName}`}
                className="shrink-0 rounded px-2 py-1 font-medium text-red-800 hover:bg-red-100"
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {busy ? <p className="text-xs text-muted">Images still uploading are not saved until they are ready.</p> : null}
    </div>
  );
}
