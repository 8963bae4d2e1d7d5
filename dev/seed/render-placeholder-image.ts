// Demo product photos: a diagonal gradient in the category's hue, a soft shape and a label,
// drawn as SVG and encoded as the JPEG "original" a seller's camera would have produced.
import sharp from "sharp";

const WIDTH = 1280;
const HEIGHT = 960;
const SHAPES = [
  '<circle cx="640" cy="400" r="230"/>',
  '<rect x="430" y="190" width="420" height="420" rx="64"/>',
  '<polygon points="640,160 880,620 400,620"/>',
  '<polygon points="640,150 900,400 640,650 380,400"/>',
  '<polygon points="640,170 840,285 840,515 640,630 440,515 440,285"/>',
  '<path d="M640 170a230 230 0 1 1 0 460a230 230 0 1 1 0-460zm0 110a120 120 0 1 0 0 240a120 120 0 1 0 0-240z" fill-rule="evenodd"/>',
];

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function renderPlaceholderImage(opts: {
  hue: number;
  title: string;
  subtitle: string;
  variant: number;
}): Promise<Buffer> {
  const hue = (opts.hue + opts.variant * 14) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},72%,66%)"/><stop offset="1" stop-color="hsl(${(hue + 32) % 360},64%,34%)"/>
  </linearGradient></defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#g)"/>
  <g fill="#ffffff" fill-opacity="0.3">${SHAPES[opts.variant % SHAPES.length]}</g>
  <text x="640" y="790" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="700" font-size="76" fill="#ffffff">${escapeXml(opts.title)}</text>
  <text x="640" y="860" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="36" fill="#ffffff" fill-opacity="0.85">${escapeXml(opts.subtitle)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
