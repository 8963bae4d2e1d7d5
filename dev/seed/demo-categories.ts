// The demo catalogue's category tree and what products in each leaf look like. Brands are
// invented so the demo never implies a real company sells here.
export type DemoLeafCategory = {
  name: string;
  slug: string;
  /** Product kinds used in titles ("Wireless Earbuds"). */
  nouns: readonly string[];
  /** Empty for books, whose titles and authors come from faker. */
  brands: readonly string[];
  /** Attribute keys offered to sellers, with the values demo products draw from. */
  attributes: Readonly<Record<string, readonly string[]>>;
  /** Price range in cents. */
  priceCents: readonly [number, number];
  blurb: string;
};

export type DemoTopCategory = {
  name: string;
  slug: string;
  /** Base hue of the category's placeholder images. */
  hue: number;
  commissionBps?: number;
  suggestedAttributes: readonly string[];
  children: readonly DemoLeafCategory[];
};

const COLORS = ["Black", "White", "Graphite", "Silver", "Navy", "Forest Green", "Crimson", "Sand", "Sky Blue"] as const;
const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"] as const;
const BOOK_FORMATS = ["Hardcover", "Paperback", "Large Print"] as const;
const LANGUAGES = ["English", "English", "English", "Spanish", "French"] as const;

export const DEMO_CATEGORIES: readonly DemoTopCategory[] = [
  {
    name: "Electronics",
    slug: "electronics",
    hue: 212,
    commissionBps: 1000,
    suggestedAttributes: ["brand", "color", "warranty"],
    children: [
      {
        name: "Phones",
        slug: "phones",
        nouns: ["Smartphone", "5G Phone", "Rugged Phone", "Compact Phone"],
        brands: ["Voltix", "Northpeak", "Lumeo", "Zentro"],
        attributes: {
          color: COLORS,
          storage: ["64 GB", "128 GB", "256 GB", "512 GB"],
          screen: ['6.1"', '6.4"', '6.7"'],
        },
        priceCents: [14900, 109900],
        blurb: "A bright display, all-day battery and a camera that keeps up with you.",
      },
      {
        name: "Laptops",
        slug: "laptops",
        nouns: ["Ultrabook", "Laptop", "2-in-1 Laptop", "Creator Laptop"],
        brands: ["Voltix", "Kestrel", "Northpeak", "Orbitron"],
        attributes: {
          memory: ["8 GB", "16 GB", "32 GB"],
          storage: ["256 GB SSD", "512 GB SSD", "1 TB SSD"],
          screen: ['13.3"', '14"', '15.6"', '16"'],
        },
        priceCents: [39900, 229900],
        blurb: "Light enough to carry everywhere, fast enough for real work.",
      },
      {
        name: "Headphones",
        slug: "headphones",
        nouns: ["Wireless Earbuds", "Over-Ear Headphones", "Noise-Cancelling Headphones", "Sport Earphones"],
        brands: ["Auralis", "Soundcraft Labs", "Lumeo", "Echofield"],
        attributes: {
          color: COLORS,
          connectivity: ["Bluetooth 5.3", "USB-C", "3.5 mm jack"],
          "battery life": ["20 h", "30 h", "40 h"],
        },
        priceCents: [1999, 34900],
        blurb: "Rich, balanced sound with controls that stay out of your way.",
      },
      {
        name: "Cameras",
        slug: "cameras",
        nouns: ["Mirrorless Camera", "Action Camera", "Instant Camera", "Vlogging Camera"],
        brands: ["Kestrel", "Optica", "Brightline"],
        attributes: {
          color: ["Black", "Silver", "White"],
          resolution: ["12 MP", "24 MP", "33 MP", "45 MP"],
          video: ["1080p", "4K", "6K"],
        },
        priceCents: [5900, 249900],
        blurb: "Sharp images and smooth video, with controls that are easy to learn.",
      },
    ],
  },
  {
    name: "Fashion",
    slug: "fashion",
    hue: 330,
    suggestedAttributes: ["brand", "size", "color"],
    children: [
      {
        name: "Men's Clothing",
        slug: "mens-clothing",
        nouns: ["Oxford Shirt", "Chino Trousers", "Merino Sweater", "Denim Jacket", "Hoodie"],
        brands: ["Marlowe & Co", "Threadline", "Ashby", "Coastal Thread"],
        attributes: {
          size: APPAREL_SIZES,
          color: COLORS,
          material: ["Cotton", "Merino Wool", "Linen", "Denim", "Recycled Polyester"],
        },
        priceCents: [1999, 18900],
        blurb: "A clean cut and comfortable fabric that wears well season after season.",
      },
      {
        name: "Women's Clothing",
        slug: "womens-clothing",
        nouns: ["Wrap Dress", "Linen Blouse", "Cardigan", "Wide-Leg Trousers", "Trench Coat"],
        brands: ["Urban Fern", "Marlowe & Co", "Solenne", "Threadline"],
        attributes: {
          size: APPAREL_SIZES,
          color: COLORS,
          material: ["Cotton", "Linen", "Viscose", "Wool Blend", "Silk"],
        },
        priceCents: [2499, 24900],
        blurb: "Easy to style, comfortable all day and made to last.",
      },
      {
        name: "Shoes",
        slug: "shoes",
        nouns: ["Running Shoes", "Leather Boots", "Canvas Sneakers", "Loafers", "Trail Shoes"],
        brands: ["Stridewell", "Ashby", "Pathmark", "Urban Fern"],
        attributes: {
          size: ["6", "7", "8", "9", "10", "11", "12"],
          color: COLORS,
          material: ["Leather", "Suede", "Canvas", "Knit Mesh"],
        },
        priceCents: [3999, 21900],
        blurb: "Cushioned, supportive and broken in from the first step.",
      },
      {
        name: "Bags & Accessories",
        slug: "bags-accessories",
        nouns: ["Leather Tote", "Backpack", "Crossbody Bag", "Wallet", "Wool Scarf"],
        brands: ["Ashby", "Carryall", "Solenne"],
        attributes: { color: COLORS, material: ["Leather", "Canvas", "Nylon", "Wool"] },
        priceCents: [1499, 29900],
        blurb: "Thoughtful pockets and sturdy stitching for everyday carry.",
      },
    ],
  },
  {
    name: "Home & Kitchen",
    slug: "home-kitchen",
    hue: 28,
    suggestedAttributes: ["brand", "color", "material"],
    children: [
      {
        name: "Cookware",
        slug: "cookware",
        nouns: ["Cast Iron Skillet", "Nonstick Frying Pan", "Dutch Oven", "Saucepan Set", "Chef's Knife"],
        brands: ["Hearthstone", "Copperleaf", "Kitchen Theory"],
        attributes: {
          material: ["Cast Iron", "Stainless Steel", "Ceramic", "Carbon Steel"],
          size: ["20 cm", "24 cm", "28 cm"],
          "dishwasher safe": ["Yes", "No"],
        },
        priceCents: [1999, 27900],
        blurb: "Even heat, a comfortable handle and easy cleanup.",
      },
      {
        name: "Furniture",
        slug: "furniture",
        nouns: ["Bookshelf", "Side Table", "Accent Chair", "Desk", "TV Stand"],
        brands: ["Oakhaven", "Nordvik Home", "Loft & Grain"],
        attributes: {
          material: ["Solid Oak", "Walnut Veneer", "Steel", "Rattan"],
          color: ["Natural", "Black", "White", "Walnut"],
          assembly: ["Required", "Not required"],
        },
        priceCents: [4900, 89900],
        blurb: "Solid construction and a timeless shape that suits any room.",
      },
      {
        name: "Bedding",
        slug: "bedding",
        nouns: ["Duvet Cover Set", "Sheet Set", "Memory Foam Pillow", "Weighted Blanket", "Quilt"],
        brands: ["Cloudrest", "Nordvik Home", "Linen Lane"],
        attributes: {
          size: ["Twin", "Full", "Queen", "King"],
          color: ["White", "Sand", "Sage", "Slate"],
          material: ["Cotton Percale", "Linen", "Bamboo", "Sateen"],
        },
        priceCents: [2499, 19900],
        blurb: "Soft, breathable and made for a better night's sleep.",
      },
      {
        name: "Small Appliances",
        slug: "small-appliances",
        nouns: ["Espresso Machine", "Blender", "Electric Kettle", "Air Fryer", "Toaster"],
        brands: ["Kitchen Theory", "Brewhaus", "Voltix Home"],
        attributes: {
          color: ["Black", "Stainless", "Cream", "Red"],
          power: ["800 W", "1200 W", "1500 W"],
          capacity: ["1 L", "1.7 L", "4 L", "6 L"],
        },
        priceCents: [2999, 59900],
        blurb: "Does one job brilliantly and tucks away neatly when it's done.",
      },
    ],
  },
  {
    name: "Books",
    slug: "books",
    hue: 260,
    commissionBps: 800,
    suggestedAttributes: ["author", "format", "language"],
    children: [
      {
        name: "Fiction",
        slug: "fiction",
        nouns: ["Novel"],
        brands: [],
        attributes: { format: BOOK_FORMATS, language: LANGUAGES, pages: ["224", "288", "352", "416", "512"] },
        priceCents: [899, 3499],
        blurb: "A story readers couldn't put down.",
      },
      {
        name: "Non-fiction",
        slug: "non-fiction",
        nouns: ["Book"],
        brands: [],
        attributes: { format: BOOK_FORMATS, language: LANGUAGES, pages: ["192", "256", "320", "448"] },
        priceCents: [1199, 3999],
        blurb: "Clear, well researched and surprisingly readable.",
      },
      {
        name: "Children's Books",
        slug: "childrens-books",
        nouns: ["Picture Book"],
        brands: [],
        attributes: {
          format: ["Hardcover", "Paperback", "Board Book"],
          language: LANGUAGES,
          "age range": ["0-3", "3-5", "6-8", "9-12"],
        },
        priceCents: [599, 2499],
        blurb: "Bright illustrations and a story to read again and again.",
      },
    ],
  },
  {
    name: "Sports & Outdoors",
    slug: "sports-outdoors",
    hue: 140,
    suggestedAttributes: ["brand", "color", "size"],
    children: [
      {
        name: "Camping & Hiking",
        slug: "camping-hiking",
        nouns: ["Backpacking Tent", "Sleeping Bag", "Trekking Poles", "Hiking Daypack", "Camp Stove"],
        brands: ["Trailhead", "Summit Supply", "Northpeak Outdoor"],
        attributes: {
          color: ["Olive", "Orange", "Slate", "Sand"],
          weight: ["450 g", "900 g", "1.4 kg", "2.2 kg"],
          capacity: ["1 person", "2 person", "20 L", "35 L"],
        },
        priceCents: [2499, 49900],
        blurb: "Trail-tested, packs down small and shrugs off bad weather.",
      },
      {
        name: "Fitness",
        slug: "fitness",
        nouns: ["Yoga Mat", "Adjustable Dumbbells", "Resistance Bands", "Kettlebell", "Foam Roller"],
        brands: ["Corewell", "Ironline", "Flowform"],
        attributes: {
          color: ["Black", "Teal", "Coral", "Grey"],
          weight: ["4 kg", "8 kg", "12 kg", "24 kg"],
          material: ["Natural Rubber", "Cast Iron", "TPE Foam"],
        },
        priceCents: [1499, 39900],
        blurb: "Built for daily workouts at home or in the gym.",
      },
      {
        name: "Cycling",
        slug: "cycling",
        nouns: ["Bike Helmet", "Bike Light Set", "Cycling Jersey", "Floor Pump", "Bike Lock"],
        brands: ["Velocita", "Spokehouse", "Trailhead"],
        attributes: { color: COLORS, size: ["S", "M", "L", "XL"] },
        priceCents: [1999, 24900],
        blurb: "Ride safer and further with gear made by cyclists.",
      },
      {
        name: "Team Sports",
        slug: "team-sports",
        nouns: ["Soccer Ball", "Basketball", "Goalkeeper Gloves", "Volleyball", "Training Cones"],
        brands: ["Fieldhouse", "Pitchline", "Corewell"],
        attributes: { size: ["3", "4", "5", "7"], color: ["White", "Orange", "Yellow", "Blue"] },
        priceCents: [999, 8900],
        blurb: "Match-quality construction at a training-ground price.",
      },
    ],
  },
  {
    name: "Toys & Games",
    slug: "toys-games",
    hue: 48,
    suggestedAttributes: ["brand", "age range"],
    children: [
      {
        name: "Board Games",
        slug: "board-games",
        nouns: ["Strategy Game", "Party Game", "Cooperative Board Game", "Word Game"],
        brands: ["Meeple Works", "Tabletop Tales", "Dicewise"],
        attributes: {
          "age range": ["8+", "10+", "12+", "14+"],
          players: ["2", "2-4", "2-6", "3-8"],
          "playing time": ["20 min", "45 min", "90 min"],
        },
        priceCents: [1499, 7900],
        blurb: "Easy to learn, hard to master and great for game night.",
      },
      {
        name: "Building Sets",
        slug: "building-sets",
        nouns: ["Brick Building Set", "Magnetic Tiles", "Marble Run", "Robot Kit"],
        brands: ["Buildora", "Tinkerlab", "Brickfield"],
        attributes: { "age range": ["3+", "6+", "8+", "12+"], pieces: ["64", "250", "600", "1200"] },
        priceCents: [1999, 14900],
        blurb: "Hours of open-ended building that grows with your child.",
      },
      {
        name: "Puzzles",
        slug: "puzzles",
        nouns: ["Jigsaw Puzzle", "3D Puzzle", "Puzzle Box"],
        brands: ["Piecemeal", "Tabletop Tales"],
        attributes: { pieces: ["300", "500", "1000", "2000"], "age range": ["8+", "12+", "Adult"] },
        priceCents: [999, 4900],
        blurb: "Thick pieces that click together and a picture worth framing.",
      },
      {
        name: "Dolls & Figures",
        slug: "dolls-figures",
        nouns: ["Plush Bear", "Action Figure", "Dollhouse", "Animal Figure Set"],
        brands: ["Cuddleworks", "Tinkerlab", "Starfold"],
        attributes: { "age range": ["0+", "3+", "5+", "8+"], material: ["Plush", "Wood", "Recycled Plastic"] },
        priceCents: [899, 11900],
        blurb: "Safety-tested, durable and ready for imaginative play.",
      },
    ],
  },
  {
    name: "Beauty",
    slug: "beauty",
    hue: 350,
    suggestedAttributes: ["brand", "skin type"],
    children: [
      {
        name: "Skincare",
        slug: "skincare",
        nouns: ["Hydrating Serum", "Daily Moisturiser", "Gentle Cleanser", "Mineral Sunscreen SPF 50", "Night Cream"],
        brands: ["Bloom & Glow", "Dewpoint", "Purelle"],
        attributes: {
          "skin type": ["All", "Dry", "Oily", "Sensitive", "Combination"],
          volume: ["30 ml", "50 ml", "100 ml", "200 ml"],
        },
        priceCents: [899, 6900],
        blurb: "Gentle, fragrance-free and dermatologist tested.",
      },
      {
        name: "Makeup",
        slug: "makeup",
        nouns: ["Lipstick", "Mascara", "Foundation", "Eyeshadow Palette", "Concealer"],
        brands: ["Bloom & Glow", "Velvette", "Hue Theory"],
        attributes: {
          shade: ["Porcelain", "Sand", "Honey", "Mocha", "Rose", "Berry"],
          finish: ["Matte", "Satin", "Dewy"],
        },
        priceCents: [699, 4900],
        blurb: "Buildable colour that lasts from morning to night.",
      },
      {
        name: "Hair Care",
        slug: "hair-care",
        nouns: ["Shampoo", "Conditioner", "Hair Oil", "Styling Cream", "Hair Dryer"],
        brands: ["Purelle", "Salon Nine", "Dewpoint"],
        attributes: {
          "hair type": ["All", "Curly", "Fine", "Thick", "Colour-treated"],
          volume: ["100 ml", "250 ml", "500 ml"],
        },
        priceCents: [799, 12900],
        blurb: "Salon results at home, without the harsh ingredients.",
      },
      {
        name: "Fragrance",
        slug: "fragrance",
        nouns: ["Eau de Parfum", "Eau de Toilette", "Body Mist", "Scented Candle"],
        brands: ["Maison Alder", "Velvette", "Solenne"],
        attributes: { scent: ["Citrus", "Woody", "Floral", "Amber", "Fresh"], volume: ["30 ml", "50 ml", "100 ml"] },
        priceCents: [1999, 14900],
        blurb: "A signature scent with a warm, lasting base.",
      },
    ],
  },
  {
    name: "Garden",
    slug: "garden",
    hue: 95,
    suggestedAttributes: ["brand", "material"],
    children: [
      {
        name: "Plants & Seeds",
        slug: "plants-seeds",
        nouns: ["Herb Seed Kit", "Tomato Seeds", "Wildflower Mix", "Potted Olive Tree", "Succulent Set"],
        brands: ["Greenhand", "Seed & Sprout", "Rootline"],
        attributes: {
          "sun exposure": ["Full sun", "Part shade", "Shade"],
          "growing season": ["Spring", "Summer", "Year-round"],
        },
        priceCents: [399, 8900],
        blurb: "Easy to grow, even for first-time gardeners.",
      },
      {
        name: "Garden Tools",
        slug: "garden-tools",
        nouns: ["Pruning Shears", "Hand Trowel", "Garden Hose", "Watering Can", "Wheelbarrow"],
        brands: ["Rootline", "Fieldcraft", "Greenhand"],
        attributes: {
          material: ["Carbon Steel", "Stainless Steel", "Ash Wood", "Recycled Plastic"],
          color: ["Green", "Orange", "Black"],
        },
        priceCents: [999, 14900],
        blurb: "Comfortable grips and sharp edges that stay sharp.",
      },
      {
        name: "Outdoor Furniture",
        slug: "outdoor-furniture",
        nouns: ["Patio Chair", "Garden Bench", "Hammock", "Bistro Set", "Sun Lounger"],
        brands: ["Oakhaven Outdoor", "Terrace & Co", "Loft & Grain"],
        attributes: { material: ["Teak", "Aluminium", "Rattan", "Acacia"], color: ["Natural", "Charcoal", "White"] },
        priceCents: [4900, 79900],
        blurb: "Weather-resistant and comfortable enough to stay out all evening.",
      },
    ],
  },
];
