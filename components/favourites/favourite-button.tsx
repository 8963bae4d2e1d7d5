"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { setFavouriteAction } from "@/app/(storefront)/favourites/actions";

import { markFavourite, useFavourites } from "./favourites-store";

function Heart({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill={filled ? "currentColor" : "none"}>
      <path
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        d="M12 20.5s-7.5-4.6-7.5-10.1A4.4 4.4 0 0 1 12 7.6a4.4 4.4 0 0 1 7.5 2.8c0 5.5-7.5 10.1-7.5 10.1Z"
      />
    </svg>
  );
}

/**
 * The heart: a toggle button (aria-pressed) saving the listing to the buyer's favourites. Signed
 * out, it leads to sign-in and back to this page. On a card it is an icon over the photo; on the
 * product page it has its label beside it.
 */
export function FavouriteButton({
  productId,
  title,
  variant = "card",
}: {
  productId: string;
  title: string;
  variant?: "card" | "page";
}) {
  const favourites = useFavourites();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const pressed = favourites.ids.has(productId);

  const toggle = () => {
    if (favourites.status === "signed-out") {
      const back = `${window.location.pathname}${window.location.search}`;
      router.push(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
      return;
    }
    const next = !pressed;
    setError(null);
    markFavourite(productId, next);
    startTransition(async () => {
      const result = await setFavouriteAction(productId, next);
      if ("error" in result) {
        markFavourite(productId, !next);
        setError(result.error);
      }
    });
  };

  const label = variant === "card" ? `Favourite ${title}` : undefined;
  return (
    <span className={variant === "card" ? "absolute right-2 top-2 z-10" : "inline-flex items-center gap-2"}>
      <button
        type="button"
        aria-pressed={pressed}
        aria-label={label}
        data-favourites={favourites.status}
        disabled={pending}
        onClick={toggle}
        title={pressed ? "Saved to your favourites" : "Save to your favourites"}
        className={
          variant === "card"
            ? "flex h-9 w-9 items-center justify-center rounded-full bg-white/90 text-rose-600 shadow hover:bg-white focus-visible:outline-2 focus-visible:outline-brand-600"
            : "inline-flex items-center gap-2 rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-rose-700 hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        }
      >
        <Heart filled={pressed} />
        {variant === "page" ? <span>Favourite</span> : null}
      </button>
      <span role="status" className={error ? "text-xs text-red-700" : "sr-only"}>
        {error ?? ""}
      </span>
    </span>
  );
}
