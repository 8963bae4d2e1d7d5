// The review widgets' one way to call the JSON API: the answer's data, or its error message
// and per-field messages, never a thrown network error.
export type SendResult<T> = { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string> };

export async function sendJson<T = unknown>(
  url: string,
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  body?: unknown,
): Promise<SendResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as {
      error?: { message?: string; fields?: Record<string, string> };
    } | null;
    if (res.ok) return { ok: true, data: json as T };
    if (res.status === 401) return { ok: false, message: "Sign in to continue.", fields: {} };
    return {
      ok: false,
      message: json?.error?.message ?? `Something went wrong (HTTP ${res.status}). Try again.`,
      fields: json?.error?.fields ?? {},
    };
  } catch {
    return { ok: false, message: "Could not reach the marketplace. Check your connection and try again.", fields: {} };
  }
}
