/** Where an image's variant of one width is stored. */
export function variantKey(uploadId: string, width: number): string {
  return `images/${uploadId}/${width}.webp`;
}
