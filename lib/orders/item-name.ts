/** An order line as buyers and sellers read it: the title, and the variant's values when it has them ("Tee (M / Blue)"). */
export function itemName(item: { titleSnapshot: string; variantLabel?: string | null }): string {
  return item.variantLabel ? `${item.titleSnapshot} (${item.variantLabel})` : item.titleSnapshot;
}
