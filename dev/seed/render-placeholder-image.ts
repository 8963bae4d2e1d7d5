// Demo product photos, drawn as SVG and encoded as the JPEG "original" a seller's camera would
// have produced: a studio backdrop, a floor shadow and an object of the listing's kind (a
// phone, a sneaker, a tent...) shaded with gradients and a highlight, in a colour that varies
// with the pool image. Hand-drawn shapes, not photos: the demo must not ship anyone's pictures,
// and rendering stays a few milliseconds per image.
import sharp from "sharp";

const WIDTH = 1280;
const HEIGHT = 960;

/** Gradient ids every drawing may fill with: the body (lit from the top left), a darker trim, glass and metal. */
const BODY = "url(#body)";
const TRIM = "url(#trim)";
const GLASS = "url(#glass)";
const METAL = "url(#metal)";

// Each drawing sits on the floor line (y ≈ 760) around x = 640.
const DRAWINGS: Record<string, string> = {
  phones: `<rect x="500" y="150" width="280" height="580" rx="44" fill="${TRIM}"/>
    <rect x="516" y="170" width="248" height="540" rx="30" fill="${GLASS}"/>
    <rect x="600" y="184" width="80" height="14" rx="7" fill="#111"/>`,
  laptops: `<path d="M420 250h440a16 16 0 0 1 16 16v330H404V266a16 16 0 0 1 16-16z" fill="${TRIM}"/>
    <rect x="424" y="272" width="432" height="306" rx="6" fill="${GLASS}"/>
    <path d="M360 600h560l70 110H290z" fill="${BODY}"/><path d="M560 670h160l8 22H552z" fill="${TRIM}"/>`,
  headphones: `<path d="M450 520V430a190 190 0 0 1 380 0v90" fill="none" stroke="${TRIM}" stroke-width="40" stroke-linecap="round"/>
    <rect x="400" y="470" width="120" height="220" rx="56" fill="${BODY}"/>
    <rect x="760" y="470" width="120" height="220" rx="56" fill="${BODY}"/>`,
  cameras: `<path d="M500 300h110l30-50h120l30 50h70a40 40 0 0 1 40 40v300a40 40 0 0 1-40 40H420a40 40 0 0 1-40-40V340a40 40 0 0 1 40-40z" fill="${BODY}"/>
    <circle cx="640" cy="490" r="150" fill="${TRIM}"/><circle cx="640" cy="490" r="112" fill="${METAL}"/>
    <circle cx="640" cy="490" r="80" fill="${GLASS}"/><rect x="450" y="330" width="70" height="30" rx="8" fill="${TRIM}"/>`,
  "mens-clothing": `<path d="M540 200l-180 90 60 140 70-34v374h300V396l70 34 60-140-180-90c-20 50-60 70-100 70s-80-20-100-70z" fill="${BODY}"/>
    <path d="M540 200c20 50 60 70 100 70s80-20 100-70l-30-10c-14 36-40 52-70 52s-56-16-70-52z" fill="${TRIM}"/>`,
  "womens-clothing": `<path d="M570 180h140l-10 120 40 60-20 60 190 320H370l190-320-20-60 40-60z" fill="${BODY}"/>
    <path d="M560 420h160l-10 24H570z" fill="${TRIM}"/>`,
  shoes: `<path d="M340 560c40-120 90-180 150-200 40 60 120 80 200 70l190 60c60 20 90 50 90 110v40H340z" fill="${BODY}"/>
    <path d="M330 680h690v30a20 20 0 0 1-20 20H350a20 20 0 0 1-20-20z" fill="${METAL}"/>
    <path d="M520 430l40 40m0-60l40 40m0-60l40 40" stroke="${TRIM}" stroke-width="14" stroke-linecap="round"/>`,
  "bags-accessories": `<path d="M520 360v-40a120 120 0 0 1 240 0v40" fill="none" stroke="${TRIM}" stroke-width="26"/>
    <path d="M420 360h440l40 370H380z" fill="${BODY}"/><rect x="600" y="420" width="80" height="40" rx="8" fill="${METAL}"/>`,
  cookware: `<ellipse cx="600" cy="560" rx="250" ry="90" fill="${TRIM}"/>
    <path d="M350 500v60a250 90 0 0 0 500 0v-60z" fill="${BODY}"/><ellipse cx="600" cy="500" rx="250" ry="90" fill="${METAL}"/>
    <ellipse cx="600" cy="505" rx="215" ry="70" fill="${TRIM}"/><rect x="840" y="490" width="280" height="40" rx="20" fill="${TRIM}"/>`,
  furniture: `<rect x="470" y="220" width="340" height="300" rx="30" fill="${BODY}"/>
    <rect x="430" y="500" width="420" height="90" rx="24" fill="${BODY}"/>
    <path d="M460 590h30l-10 150h-30zM790 590h30l10 150h-30z" fill="${TRIM}"/>`,
  bedding: `<path d="M360 520c0-90 40-110 280-110s280 20 280 110-40 110-280 110-280-20-280-110z" fill="${BODY}"/>
    <path d="M400 400c0-70 30-90 240-90s240 20 240 90-30 90-240 90-240-20-240-90z" fill="${METAL}"/>`,
  "small-appliances": `<rect x="400" y="330" width="480" height="390" rx="70" fill="${BODY}"/>
    <rect x="480" y="320" width="130" height="24" rx="12" fill="#222"/><rect x="670" y="320" width="130" height="24" rx="12" fill="#222"/>
    <rect x="860" y="430" width="30" height="90" rx="10" fill="${TRIM}"/><circle cx="640" cy="620" r="26" fill="${METAL}"/>`,
  book: `<path d="M470 200h330v540H470z" fill="${BODY}"/><path d="M800 200l60 30v540l-60-30z" fill="#f4f1ea"/>
    <path d="M470 200h40v540h-40z" fill="${TRIM}"/><rect x="550" y="300" width="190" height="20" rx="6" fill="#fff" fill-opacity="0.8"/>
    <rect x="570" y="340" width="150" height="12" rx="6" fill="#fff" fill-opacity="0.6"/>`,
  "camping-hiking": `<path d="M640 220L1000 730H280z" fill="${BODY}"/><path d="M640 220l-110 510h220z" fill="${TRIM}"/>
    <path d="M640 420l-50 310h100z" fill="#1a1a1a" fill-opacity="0.7"/>`,
  fitness: `<rect x="470" y="470" width="340" height="40" rx="14" fill="${METAL}"/>
    <rect x="370" y="370" width="60" height="240" rx="20" fill="${BODY}"/><rect x="430" y="400" width="50" height="180" rx="16" fill="${BODY}"/>
    <rect x="850" y="370" width="60" height="240" rx="20" fill="${BODY}"/><rect x="800" y="400" width="50" height="180" rx="16" fill="${BODY}"/>`,
  cycling: `<g fill="none" stroke-width="22"><circle cx="430" cy="560" r="160" stroke="#222"/><circle cx="850" cy="560" r="160" stroke="#222"/>
    <path d="M430 560l140-230h230l50 230M570 330l70 230h210M640 560l160-230M560 300h80M800 330l-20-60h60" stroke="${BODY}" stroke-linejoin="round"/></g>`,
  "team-sports": `<circle cx="640" cy="480" r="250" fill="${BODY}"/>
    <path d="M640 230v500M390 480h500M460 300c90 90 90 270 0 360M820 300c-90 90-90 270 0 360" fill="none" stroke="${TRIM}" stroke-width="14"/>`,
  "board-games": `<path d="M380 420l260-120 260 120-260 120z" fill="${BODY}"/><path d="M380 420v200l260 120V540z" fill="${TRIM}"/>
    <path d="M900 420v200L640 740V540z" fill="${BODY}"/><path d="M560 380l80-36 80 36-80 36z" fill="#fff" fill-opacity="0.7"/>`,
  "building-sets": `<rect x="420" y="520" width="440" height="200" rx="10" fill="${BODY}"/><rect x="520" y="340" width="300" height="180" rx="10" fill="${TRIM}"/>
    <g fill="${BODY}"><rect x="450" y="490" width="70" height="34" rx="8"/><rect x="760" y="490" width="70" height="34" rx="8"/></g>
    <g fill="${TRIM}"><rect x="550" y="310" width="70" height="34" rx="8"/><rect x="720" y="310" width="70" height="34" rx="8"/></g>`,
  puzzles: `<path d="M420 320h120a60 60 0 1 1 120 0h120v120a60 60 0 1 1 0 120v120H660a60 60 0 1 0-120 0H420V560a60 60 0 1 0 0-120z" fill="${BODY}"/>`,
  "dolls-figures": `<circle cx="640" cy="280" r="90" fill="${METAL}"/><path d="M540 390h200l40 200h-60l-10 150h-60l-10-120-10 120h-60l-10-150h-60z" fill="${BODY}"/>`,
  skincare: `<rect x="470" y="470" width="340" height="260" rx="40" fill="${BODY}"/><rect x="450" y="400" width="380" height="100" rx="30" fill="${TRIM}"/>`,
  makeup: `<rect x="560" y="470" width="160" height="270" rx="16" fill="${METAL}"/><rect x="580" y="330" width="120" height="150" rx="10" fill="${TRIM}"/>
    <path d="M590 330v-60c0-40 40-80 100-100v160z" fill="${BODY}"/>`,
  "hair-care": `<rect x="540" y="330" width="200" height="410" rx="60" fill="${BODY}"/><rect x="595" y="250" width="90" height="90" rx="12" fill="${TRIM}"/>
    <rect x="570" y="200" width="140" height="60" rx="14" fill="${TRIM}"/>`,
  fragrance: `<rect x="480" y="400" width="320" height="330" rx="50" fill="${GLASS}"/><rect x="500" y="430" width="280" height="280" rx="40" fill="${BODY}" fill-opacity="0.8"/>
    <rect x="590" y="320" width="100" height="90" rx="10" fill="${METAL}"/>`,
  "plants-seeds": `<path d="M640 480c-40-120-150-170-240-150 20 110 110 170 240 150zM640 480c40-140 150-200 250-180-20 120-120 190-250 180zM640 470c-30-160 0-250 0-250s60 90 0 250z" fill="#2f8f4e"/>
    <path d="M500 480h280l-40 260H540z" fill="${BODY}"/><rect x="480" y="470" width="320" height="50" rx="12" fill="${TRIM}"/>`,
  "garden-tools": `<rect x="620" y="180" width="40" height="280" rx="16" fill="${TRIM}"/>
    <path d="M560 460h160c0 150-40 240-80 280-40-40-80-130-80-280z" fill="${METAL}"/>`,
  "outdoor-furniture": `<rect x="380" y="300" width="520" height="60" rx="14" fill="${BODY}"/><rect x="380" y="380" width="520" height="60" rx="14" fill="${BODY}"/>
    <rect x="360" y="480" width="560" height="70" rx="14" fill="${BODY}"/>
    <path d="M400 550h40v190h-40zM840 550h40v190h-40z" fill="${TRIM}"/>`,
  parcel: `<path d="M400 400l240-110 240 110v260L640 770 400 660z" fill="${BODY}"/><path d="M640 510v260L400 660V400z" fill="${TRIM}"/>
    <path d="M400 400l240 110 240-110" fill="none" stroke="#fff" stroke-opacity="0.3" stroke-width="6"/>`,
};
for (const slug of ["fiction", "non-fiction", "childrens-books"]) DRAWINGS[slug] = DRAWINGS.book;

/** The drawing for a leaf category (its slug), or a parcel for one without its own. */
export function drawingFor(kind: string | undefined): string {
  return (kind && DRAWINGS[kind]) || DRAWINGS.parcel;
}

export async function renderPlaceholderImage(opts: {
  hue: number;
  /** The leaf category's slug: picks the object drawn. */
  kind?: string;
  /** Kept for the image's metadata (its title), not drawn: a product photo has no caption. */
  title: string;
  subtitle: string;
  variant: number;
}): Promise<Buffer> {
  const backdrop = (opts.hue + opts.variant * 9) % 360;
  // The object's colour wanders round the wheel with the pool image, so a leaf's images differ.
  const colour = (opts.hue + 40 + opts.variant * 67) % 360;
  const sat = 45 + ((opts.variant * 13) % 35);
  const tilt = ((opts.variant % 5) - 2) * 3;
  const offset = ((opts.variant % 3) - 1) * 40;
  const drawing = drawingFor(opts.kind);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <title>${escapeXml(`${opts.title}, ${opts.subtitle}`)}</title>
  <defs>
    <radialGradient id="bg" cx="0.45" cy="0.35" r="0.9">
      <stop offset="0" stop-color="hsl(${backdrop},30%,96%)"/><stop offset="1" stop-color="hsl(${backdrop},22%,78%)"/>
    </radialGradient>
    <linearGradient id="floor" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${backdrop},18%,84%)"/><stop offset="1" stop-color="hsl(${backdrop},16%,70%)"/>
    </linearGradient>
    <linearGradient id="body" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${colour},${sat}%,68%)"/><stop offset="0.55" stop-color="hsl(${colour},${sat}%,48%)"/>
      <stop offset="1" stop-color="hsl(${colour},${sat}%,28%)"/>
    </linearGradient>
    <linearGradient id="trim" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${colour},${sat - 20}%,34%)"/><stop offset="1" stop-color="hsl(${colour},${sat - 20}%,16%)"/>
    </linearGradient>
    <linearGradient id="glass" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${(colour + 180) % 360},40%,42%)"/><stop offset="0.5" stop-color="#151a22"/>
      <stop offset="1" stop-color="#05070a"/>
    </linearGradient>
    <linearGradient id="metal" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#9aa0a6"/><stop offset="0.45" stop-color="#f2f3f5"/><stop offset="1" stop-color="#7d838a"/>
    </linearGradient>
    <radialGradient id="shine" cx="0.3" cy="0.25" r="0.6">
      <stop offset="0" stop-color="#fff" stop-opacity="0.45"/><stop offset="1" stop-color="#fff" stop-opacity="0"/>
    </radialGradient>
    <clipPath id="object">${drawing}</clipPath>
    <radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity="0.34"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg)"/>
  <rect y="740" width="${WIDTH}" height="${HEIGHT - 740}" fill="url(#floor)"/>
  <ellipse cx="${640 + offset}" cy="752" rx="360" ry="44" fill="url(#shadow)"/>
  <g transform="translate(${offset} 0) rotate(${tilt} 640 740)">
    ${drawing}
    <rect x="280" y="120" width="720" height="640" fill="url(#shine)" clip-path="url(#object)"/>
  </g>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
