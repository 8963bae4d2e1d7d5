"use client";

import { useActionState, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import { becomeSellerAction, type BecomeSellerState } from "./actions";

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export function BecomeSellerForm() {
  const [state, action, pending] = useActionState<BecomeSellerState, FormData>(becomeSellerAction, {});
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <form action={action} className="space-y-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field
        label="Shop name"
        name="shopName"
        required
        maxLength={80}
        error={state.fields?.shopName}
        onChange={(e) => !slugEdited && setSlug(slugify(e.target.value))}
      />
      <Field
        label="Shop address"
        name="slug"
        required
        maxLength={60}
        value={slug}
        onChange={(e) => {
          setSlugEdited(true);
          setSlug(e.target.value);
        }}
        error={state.fields?.slug}
        hint={`Your shop's page: /shops/${slug || "your-shop"}`}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="description" className="text-sm font-medium">
          About your shop (optional)
        </label>
        <textarea
          id="description"
          name="description"
          rows={3}
          maxLength={2000}
          className="rounded-md border border-gray-300 px-3 py-2 text-sm"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Opening your shop…" : "Open my shop"}
      </Button>
    </form>
  );
}
