import { HomeView } from "@/components/catalog/home-view";

// Rendered per visitor (their header); signed-out visitors without a cart get
// app/(anonymous)/anon/home from the page cache instead (proxy.ts).
export const dynamic = "force-dynamic";

export default function HomePage() {
  return <HomeView />;
}
