/**
 * The demo world's vocabulary: departments with their product types and options, words for
 * titles and descriptions, collection titles, currencies and prices.
 */

export interface OptionDef {
  name: string;
  values: readonly string[];
  /** Whether later values cost more (sizes, storage, premium materials). */
  priced?: boolean;
}

export const OPTIONS = {
  apparelSize: { name: "Size", values: ["XS", "S", "M", "L", "XL", "XXL"], priced: false },
  shoeSize: { name: "Size", values: ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"] },
  color: {
    name: "Color",
    values: [
      "Black",
      "White",
      "Navy",
      "Grey",
      "Red",
      "Green",
      "Beige",
      "Blue",
      "Pink",
      "Olive",
      "Brown",
      "Yellow",
    ],
  },
  fabric: {
    name: "Material",
    values: ["Cotton", "Linen", "Recycled Polyester", "Wool", "Silk", "Cashmere"],
    priced: true,
  },
  leather: {
    name: "Material",
    values: ["Canvas", "Nylon", "Cork", "Vegan Leather", "Suede", "Leather"],
    priced: true,
  },
  metal: {
    name: "Material",
    values: ["Brass", "Stainless Steel", "Sterling Silver", "Titanium", "Gold Vermeil", "Rose Gold"],
    priced: true,
  },
  bagSize: {
    name: "Size",
    values: ["Mini", "Small", "Medium", "Large", "Extra Large", "Travel"],
    priced: true,
  },
  homeSize: {
    name: "Size",
    values: ["Small", "Medium", "Large", "Extra Large", "Set of 2", "Set of 4"],
    priced: true,
  },
  homeMaterial: {
    name: "Material",
    values: ["Stoneware", "Ceramic", "Glass", "Ash", "Oak", "Walnut"],
    priced: true,
  },
  scent: {
    name: "Scent",
    values: ["Unscented", "Lavender", "Sandalwood", "Citrus", "Rose", "Vanilla", "Cedar", "Fig"],
  },
  volume: { name: "Size", values: ["15 ml", "30 ml", "50 ml", "75 ml", "100 ml", "200 ml"], priced: true },
  skinType: { name: "Skin Type", values: ["All", "Normal", "Dry", "Oily", "Combination", "Sensitive"] },
  concentration: {
    name: "Concentration",
    values: ["Body Mist", "Cologne", "Eau de Toilette", "Eau de Parfum", "Parfum", "Extrait"],
    priced: true,
  },
  finish: { name: "Finish", values: ["Matte", "Gloss", "Satin", "Brushed", "Polished", "Textured"] },
  length: { name: "Length", values: ["16 in", "18 in", "20 in", "22 in", "24 in", "30 in"], priced: true },
  ringSize: { name: "Size", values: ["5", "6", "7", "8", "9", "10", "11"] },
  storage: { name: "Storage", values: ["64 GB", "128 GB", "256 GB", "512 GB", "1 TB", "2 TB"], priced: true },
  power: { name: "Power", values: ["5 W", "10 W", "20 W", "40 W", "60 W", "100 W"], priced: true },
  capacity: { name: "Capacity", values: ["350 ml", "500 ml", "750 ml", "1 L", "1.5 L", "2 L"], priced: true },
  volumeL: { name: "Volume", values: ["10 L", "18 L", "25 L", "30 L", "40 L", "55 L"], priced: true },
  edition: {
    name: "Edition",
    values: ["Standard", "Travel", "Plus", "Studio", "Pro", "Limited"],
    priced: true,
  },
  license: {
    name: "License",
    values: ["Personal", "Small Business", "Commercial", "Extended", "Team", "Lifetime"],
    priced: true,
  },
  fileFormat: {
    name: "Format",
    values: ["PDF", "Print at Home", "A0 Copy Shop", "Projector", "Layered PDF", "SVG"],
  },
  audioFormat: { name: "Format", values: ["WAV", "MP3", "FLAC", "AIFF", "Stems", "MIDI"] },
  printSize: { name: "Print Size", values: ["A5", "A4", "A3", "A2", "Letter", "50 x 70 cm"] },
} satisfies Record<string, OptionDef>;

export interface ProductTypeDef {
  type: string;
  nouns: readonly string[];
  /** Three options, in the order they appear on the product. */
  options: readonly [OptionDef, OptionDef, OptionDef];
  /** Base price range in US dollars. */
  price: readonly [number, number];
  /** Shipped weight of one unit in grams, packaging included (0 for digital goods). */
  grams: readonly [number, number];
  /** Digital goods: downloads and classes, which need no delivery (`requiresShipping` false). */
  digital?: true;
}

export interface DepartmentDef {
  name: string;
  shopWords: readonly string[];
  types: readonly ProductTypeDef[];
  /** Digital goods some of the department's shops sell besides their `types` (see ./delivery.ts). */
  digital?: ProductTypeDef;
}

const O = OPTIONS;
export const DEPARTMENTS: readonly DepartmentDef[] = [
  {
    name: "Apparel",
    shopWords: ["Apparel", "Clothing", "Wear", "Threads", "Outfitters", "Studio"],
    types: [
      {
        type: "T-Shirts",
        nouns: ["Tee", "T-Shirt", "Pocket Tee", "Crewneck Tee", "V-Neck Tee"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [18, 60],
        grams: [150, 260],
      },
      {
        type: "Hoodies",
        nouns: ["Hoodie", "Zip Hoodie", "Sweatshirt", "Pullover"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [45, 140],
        grams: [450, 850],
      },
      {
        type: "Dresses",
        nouns: ["Dress", "Midi Dress", "Wrap Dress", "Slip Dress", "Shirt Dress"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [60, 260],
        grams: [250, 650],
      },
      {
        type: "Jackets",
        nouns: ["Jacket", "Overshirt", "Parka", "Bomber", "Coat"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [90, 420],
        grams: [700, 1600],
      },
      {
        type: "Pants",
        nouns: ["Chinos", "Jeans", "Trousers", "Joggers", "Shorts"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [40, 180],
        grams: [350, 750],
      },
    ],
    digital: {
      type: "Sewing Patterns",
      nouns: ["Sewing Pattern", "PDF Pattern", "Pattern Bundle", "Pattern Pack"],
      options: [O.fileFormat, O.apparelSize, O.license],
      price: [8, 30],
      grams: [0, 0],
      digital: true,
    },
  },
  {
    name: "Footwear",
    shopWords: ["Footwear", "Shoes", "Sneakers", "Soles", "Cobblers"],
    types: [
      {
        type: "Sneakers",
        nouns: ["Sneaker", "Runner", "Trainer", "Court Shoe", "High-Top"],
        options: [O.shoeSize, O.color, O.leather],
        price: [70, 240],
        grams: [750, 1200],
      },
      {
        type: "Boots",
        nouns: ["Boot", "Chelsea Boot", "Hiking Boot", "Ankle Boot"],
        options: [O.shoeSize, O.color, O.leather],
        price: [110, 380],
        grams: [1300, 2200],
      },
      {
        type: "Sandals",
        nouns: ["Sandal", "Slide", "Espadrille", "Flip-Flop"],
        options: [O.shoeSize, O.color, O.leather],
        price: [25, 120],
        grams: [300, 650],
      },
    ],
  },
  {
    name: "Accessories",
    shopWords: ["Goods", "Supply", "Carry", "Leatherworks", "Accessories"],
    types: [
      {
        type: "Bags",
        nouns: ["Tote", "Backpack", "Crossbody Bag", "Duffel", "Weekender"],
        options: [O.color, O.leather, O.bagSize],
        price: [35, 320],
        grams: [350, 1600],
      },
      {
        type: "Wallets",
        nouns: ["Wallet", "Card Holder", "Coin Purse", "Passport Cover"],
        options: [O.color, O.leather, O.finish],
        price: [20, 140],
        grams: [60, 180],
      },
      {
        type: "Hats",
        nouns: ["Cap", "Beanie", "Bucket Hat", "Fedora", "Sun Hat"],
        options: [O.color, O.apparelSize, O.fabric],
        price: [18, 90],
        grams: [80, 220],
      },
      {
        type: "Belts",
        nouns: ["Belt", "Braided Belt", "Dress Belt", "Webbing Belt"],
        options: [O.apparelSize, O.color, O.leather],
        price: [25, 130],
        grams: [120, 320],
      },
    ],
  },
  {
    name: "Jewelry",
    shopWords: ["Jewelry", "Jewels", "Atelier", "Gems", "Silverworks"],
    types: [
      {
        type: "Necklaces",
        nouns: ["Necklace", "Pendant", "Chain", "Choker", "Locket"],
        options: [O.metal, O.length, O.finish],
        price: [30, 480],
        grams: [40, 120],
      },
      {
        type: "Rings",
        nouns: ["Ring", "Band", "Signet Ring", "Stacking Ring"],
        options: [O.ringSize, O.metal, O.finish],
        price: [25, 650],
        grams: [30, 80],
      },
      {
        type: "Earrings",
        nouns: ["Earrings", "Hoops", "Studs", "Drop Earrings", "Ear Cuff"],
        options: [O.metal, O.finish, O.color],
        price: [20, 300],
        grams: [30, 90],
      },
      {
        type: "Watches",
        nouns: ["Watch", "Chronograph", "Field Watch", "Dress Watch"],
        options: [O.color, O.metal, O.finish],
        price: [90, 900],
        grams: [120, 350],
      },
    ],
  },
  {
    name: "Beauty",
    shopWords: ["Beauty", "Apothecary", "Botanicals", "Skin", "Cosmetics"],
    types: [
      {
        type: "Skincare",
        nouns: ["Serum", "Face Oil", "Moisturizer", "Cleanser", "Eye Cream", "Toner"],
        options: [O.volume, O.skinType, O.scent],
        price: [12, 120],
        grams: [80, 320],
      },
      {
        type: "Fragrance",
        nouns: ["Perfume", "Eau de Parfum", "Solid Perfume", "Room Spray"],
        options: [O.volume, O.scent, O.concentration],
        price: [25, 260],
        grams: [180, 550],
      },
      {
        type: "Bath & Body",
        nouns: ["Body Wash", "Hand Cream", "Bath Salts", "Body Lotion", "Soap Bar"],
        options: [O.scent, O.volume, O.skinType],
        price: [8, 60],
        grams: [150, 750],
      },
    ],
  },
  {
    name: "Home",
    shopWords: ["Home", "House", "Living", "Interiors", "Homewares"],
    types: [
      {
        type: "Candles",
        nouns: ["Candle", "Pillar Candle", "Travel Candle", "Diffuser"],
        options: [O.scent, O.homeSize, O.color],
        price: [14, 90],
        grams: [250, 1400],
      },
      {
        type: "Mugs",
        nouns: ["Mug", "Cup", "Tumbler", "Espresso Cup"],
        options: [O.color, O.homeSize, O.homeMaterial],
        price: [12, 48],
        grams: [300, 550],
      },
      {
        type: "Blankets",
        nouns: ["Throw", "Blanket", "Quilt", "Cushion Cover"],
        options: [O.color, O.homeSize, O.fabric],
        price: [35, 260],
        grams: [800, 2600],
      },
      {
        type: "Vases",
        nouns: ["Vase", "Planter", "Bowl", "Tray"],
        options: [O.homeMaterial, O.homeSize, O.finish],
        price: [20, 220],
        grams: [450, 3200],
      },
    ],
    digital: {
      type: "Digital Prints",
      nouns: ["Printable Poster", "Wall Art Download", "Printable Calendar", "Pattern Download"],
      options: [O.printSize, O.fileFormat, O.license],
      price: [5, 25],
      grams: [0, 0],
      digital: true,
    },
  },
  {
    name: "Electronics",
    shopWords: ["Audio", "Electronics", "Labs", "Gadgets", "Tech"],
    types: [
      {
        type: "Headphones",
        nouns: ["Headphones", "Earbuds", "Studio Monitors", "Wireless Earbuds"],
        options: [O.color, O.finish, O.edition],
        price: [40, 450],
        grams: [200, 480],
      },
      {
        type: "Speakers",
        nouns: ["Speaker", "Bookshelf Speaker", "Soundbar", "Portable Speaker"],
        options: [O.color, O.power, O.finish],
        price: [45, 600],
        grams: [600, 5500],
      },
      {
        type: "Chargers",
        nouns: ["Charger", "Power Bank", "Charging Dock", "Wall Adapter"],
        options: [O.power, O.color, O.finish],
        price: [15, 120],
        grams: [90, 380],
      },
      {
        type: "Storage",
        nouns: ["SSD", "Flash Drive", "Memory Card", "Portable Drive"],
        options: [O.storage, O.color, O.finish],
        price: [12, 300],
        grams: [30, 140],
      },
    ],
    digital: {
      type: "Sound Packs",
      nouns: ["Sample Pack", "Preset Bundle", "Sound Library", "Drum Kit"],
      options: [O.audioFormat, O.license, O.edition],
      price: [10, 80],
      grams: [0, 0],
      digital: true,
    },
  },
  {
    name: "Outdoor",
    shopWords: ["Outdoors", "Trail Co.", "Expedition", "Camp", "Adventure"],
    types: [
      {
        type: "Backpacks",
        nouns: ["Daypack", "Hiking Pack", "Rolltop Pack", "Sling"],
        options: [O.volumeL, O.color, O.leather],
        price: [40, 280],
        grams: [500, 1700],
      },
      {
        type: "Bottles",
        nouns: ["Water Bottle", "Flask", "Insulated Bottle", "Camp Mug"],
        options: [O.capacity, O.color, O.finish],
        price: [15, 60],
        grams: [250, 650],
      },
      {
        type: "Outerwear",
        nouns: ["Rain Shell", "Fleece", "Down Vest", "Softshell"],
        options: [O.apparelSize, O.color, O.fabric],
        price: [60, 380],
        grams: [300, 950],
      },
    ],
  },
];

export const ADJECTIVES = [
  "Classic",
  "Everyday",
  "Essential",
  "Modern",
  "Relaxed",
  "Slim",
  "Oversized",
  "Vintage",
  "Organic",
  "Recycled",
  "Lightweight",
  "Heritage",
  "Minimal",
  "Soft",
  "Handmade",
  "Signature",
  "Premium",
  "Washed",
  "Textured",
  "Utility",
  "Cozy",
  "Sleek",
  "Bold",
  "Woven",
  "Compact",
  "Rugged",
  "Refined",
];

export const QUALITIES = [
  "durable",
  "breathable",
  "soft",
  "timeless",
  "versatile",
  "lightweight",
  "comfortable",
  "easy-care",
  "sustainable",
  "polished",
  "practical",
  "understated",
  "hard-wearing",
  "elegant",
  "thoughtful",
  "clean",
];

/** Per department: what the products are for, used in descriptions. */
export const USES: Record<string, readonly string[]> = {
  Apparel: ["everyday wear", "layering", "weekends", "the office", "travel days", "warm evenings"],
  Footwear: ["city walks", "long days on your feet", "the trail", "weekends", "travel", "the gym"],
  Accessories: ["daily carry", "commuting", "weekend trips", "the office", "gifting"],
  Jewelry: ["everyday wear", "stacking", "special occasions", "gifting", "layering"],
  Beauty: ["morning routines", "evening rituals", "sensitive skin", "travel", "self-care days"],
  Home: ["slow mornings", "the living room", "gifting", "the dinner table", "quiet evenings"],
  Electronics: ["commuting", "the home office", "travel", "workouts", "late-night listening"],
  Outdoor: ["day hikes", "camping trips", "the commute", "rainy days", "long weekends outdoors"],
};

export const MODEL_NAMES = [
  "Aspen",
  "Harbor",
  "Summit",
  "Meadow",
  "Coastal",
  "Everyday",
  "Nomad",
  "Atlas",
  "Luna",
  "Sierra",
  "Willow",
  "Cedar",
  "Orbit",
  "Drift",
  "Haven",
  "Ember",
  "Solstice",
  "Tidal",
  "Canyon",
  "Juniper",
  "Marlow",
  "Fjord",
  "Alpine",
  "Sable",
  "Indigo",
  "Ridge",
  "Hollow",
  "Prairie",
  "Nova",
  "Kestrel",
];

export const TAGS = [
  "new",
  "bestseller",
  "eco",
  "limited-edition",
  "gift",
  "handmade",
  "organic",
  "vegan",
  "summer",
  "winter",
  "unisex",
  "premium",
  "classic",
  "bundle",
] as const;

export const COLLECTION_TITLES = [
  "New Arrivals",
  "Best Sellers",
  "Sale",
  "Essentials",
  "Gift Guide",
  "Summer Edit",
  "Winter Edit",
  "Staff Picks",
  "Last Chance",
  "Limited Edition",
  "Under 50",
  "Weekend Favorites",
] as const;

/** Shop currencies, one block per 20 shops: mostly USD/EUR/GBP, one JPY (zero-decimal) per block. */
export const CURRENCY_PATTERN = [
  "USD",
  "EUR",
  "GBP",
  "USD",
  "JPY",
  "USD",
  "EUR",
  "GBP",
  "USD",
  "CAD",
  "EUR",
  "USD",
  "GBP",
  "AUD",
  "USD",
  "EUR",
  "USD",
  "GBP",
  "USD",
  "EUR",
] as const;

/** Rough US dollars → currency factors, for plausible prices. */
export const FX: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150, CAD: 1.36, AUD: 1.52 };

/**
 * ISO 4217 minor-unit digits of the seeded currencies (a schema test holds this to the money
 * module's table, so the seed needs no domain import).
 */
export const SEED_MINOR_DIGITS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  CAD: 2,
  AUD: 2,
};

export function minorDigits(currencyCode: string): number {
  const digits = SEED_MINOR_DIGITS[currencyCode];
  if (digits === undefined) throw new RangeError(`The seed has no minor-unit digits for ${currencyCode}`);
  return digits;
}

/** Variants per product (index 0 = 1 variant) and media per product (index 0 = 1 item). */
export const VARIANT_COUNT_WEIGHTS = [18, 8, 12, 12, 8, 10, 4, 7, 6, 5, 3, 7];
export const MEDIA_COUNT_WEIGHTS = [15, 20, 30, 20, 15];

export const DAY = 86_400_000;

export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/g, "") || "item";
}
