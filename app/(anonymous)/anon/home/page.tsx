import { HomeView } from "@/components/catalog/home-view";

// The home page for signed-out visitors without a cart (proxy.ts rewrites / here): rendered
// once, served from the page cache and re-rendered in the background at most every 10 seconds,
// so new listings show within seconds (the worker that puts them live can't purge this cache).
export const revalidate = 10;

export default function CachedHomePage() {
  return <HomeView />;
}
