/**
 * The demo world's copy: product descriptions, shop descriptions and collection blurbs that
 * read like a brand's ("Heavyweight organic cotton tee with a boxy fit, garment-dyed in
 * Sand."), in the words of each product type. Every choice comes from the seeded PRNG passed
 * in, so the same seed writes the same words.
 */
import type { Rng } from "./random.ts";
import type { OptionDef, ProductTypeDef } from "./words.ts";

/** Per product type: what it is made of, how it is made, and a detail worth naming. */
export const MAKING: Record<string, { made: readonly string[]; details: readonly string[] }> = {
  "T-Shirts": {
    made: ["heavyweight organic cotton", "slub cotton jersey", "midweight combed cotton", "linen-cotton"],
    details: [
      "a boxy fit",
      "a relaxed fit and dropped shoulders",
      "a ribbed crew neck",
      "a clean chest pocket",
    ],
  },
  Hoodies: {
    made: ["brushed-back fleece", "loopback organic cotton", "heavyweight French terry"],
    details: ["a double-lined hood", "a roomy kangaroo pocket", "ribbed cuffs and hem", "flat drawcords"],
  },
  Dresses: {
    made: ["washed linen", "fluid viscose crepe", "sandwashed silk", "crisp cotton poplin"],
    details: ["a bias-cut skirt", "an adjustable tie waist", "hidden side pockets", "a low scoop back"],
  },
  Jackets: {
    made: ["waxed cotton canvas", "brushed wool", "recycled nylon ripstop", "heavyweight twill"],
    details: ["corozo buttons", "four patch pockets", "a corduroy collar", "a quilted lining"],
  },
  Pants: {
    made: ["stretch cotton twill", "rigid selvedge denim", "garment-washed canvas", "soft brushed cotton"],
    details: ["a tapered leg", "a relaxed straight leg", "a comfortable mid rise", "deep front pockets"],
  },
  "Sewing Patterns": {
    made: ["a printable PDF pattern", "a layered, size-by-size pattern", "an illustrated pattern"],
    details: ["step-by-step photos", "seam allowances included", "a beginner-friendly sew-along"],
  },
  Sneakers: {
    made: ["full-grain leather", "recycled knit", "suede and canvas", "water-repellent nylon"],
    details: ["a cushioned EVA midsole", "a natural rubber cupsole", "a padded collar", "waxed cotton laces"],
  },
  Boots: {
    made: ["oiled full-grain leather", "water-resistant suede", "waxed nubuck"],
    details: [
      "a Goodyear-welted sole",
      "a lug outsole for grip",
      "elastic side gussets",
      "a cushioned footbed",
    ],
  },
  Sandals: {
    made: ["vegetable-tanned leather", "soft suede straps", "recycled rubber and jute"],
    details: ["a contoured cork footbed", "adjustable buckles", "a grippy outsole"],
  },
  Bags: {
    made: ["heavy cotton canvas", "pebbled leather", "recycled nylon", "waxed canvas"],
    details: ["an inner zip pocket", "reinforced handles", "a padded laptop sleeve", "solid brass hardware"],
  },
  Wallets: {
    made: ["vegetable-tanned leather", "saffiano leather", "cork"],
    details: ["six card slots", "hand-burnished edges", "a slim, pocket-friendly profile"],
  },
  Hats: {
    made: ["washed cotton twill", "merino rib knit", "packable recycled nylon"],
    details: ["an adjustable strap", "a curved brim", "a fold-up cuff", "an embroidered patch"],
  },
  Belts: {
    made: ["full-grain bridle leather", "braided stretch webbing", "vegetable-tanned leather"],
    details: ["a solid brass buckle", "hand-painted edges", "five adjustment holes"],
  },
  Necklaces: {
    made: ["recycled sterling silver", "14k gold vermeil", "hypoallergenic stainless steel"],
    details: ["a fine cable chain", "a hand-polished pendant", "an adjustable extender"],
  },
  Rings: {
    made: ["recycled sterling silver", "solid brass", "14k gold vermeil"],
    details: ["a comfort-fit inner edge", "a hand-set stone", "a softly domed profile"],
  },
  Earrings: {
    made: ["recycled sterling silver", "gold vermeil", "surgical steel"],
    details: ["hinged closures", "a lightweight hollow build", "hypoallergenic posts"],
  },
  Watches: {
    made: ["a brushed steel case", "a titanium case", "a polished case"],
    details: [
      "sapphire crystal",
      "a Japanese quartz movement",
      "a quick-release leather strap",
      "100 m water resistance",
    ],
  },
  Skincare: {
    made: [
      "a lightweight, fragrance-free formula",
      "cold-pressed botanical oils",
      "niacinamide and squalane",
    ],
    details: ["an airless pump", "a glass dropper", "a recyclable glass bottle"],
  },
  Fragrance: {
    made: ["a warm, woody blend", "a fresh citrus accord", "a soft floral heart"],
    details: ["notes of bergamot and cedar", "a base of amber and musk", "a refillable glass bottle"],
  },
  "Bath & Body": {
    made: ["a plant-based formula", "shea butter and oat", "mineral-rich sea salt"],
    details: ["a sulfate-free lather", "a calming scent", "a refillable bottle"],
  },
  Candles: {
    made: ["a coconut-soy wax blend", "natural rapeseed wax", "hand-poured soy wax"],
    details: ["a crackling wood wick", "a 50-hour burn", "a reusable glass vessel"],
  },
  Mugs: {
    made: ["glazed stoneware", "wheel-thrown ceramic", "double-walled glass"],
    details: ["a comfortable loop handle", "a speckled reactive glaze", "dishwasher-safe finish"],
  },
  Blankets: {
    made: ["soft lambswool", "stonewashed linen", "brushed organic cotton"],
    details: ["hand-knotted fringe", "a herringbone weave", "a generous throw size"],
  },
  Vases: {
    made: ["hand-thrown stoneware", "mouth-blown glass", "turned ash wood"],
    details: ["a matte glaze", "a watertight inner finish", "an organic, one-of-a-kind shape"],
  },
  "Digital Prints": {
    made: ["a high-resolution print file", "a museum-quality art download"],
    details: ["sized for standard frames", "print at home or at any copy shop"],
  },
  Headphones: {
    made: ["memory-foam ear cushions", "a lightweight aluminium frame", "custom 40 mm drivers"],
    details: ["active noise cancelling", "30-hour battery life", "USB-C fast charging", "a foldable design"],
  },
  Speakers: {
    made: ["a wool-blend grille", "a solid wood cabinet", "a rugged silicone shell"],
    details: ["room-filling stereo sound", "Bluetooth 5.3", "a 20-hour battery"],
  },
  Chargers: {
    made: ["GaN technology", "a recycled aluminium shell", "a braided cable"],
    details: ["USB-C Power Delivery", "foldable prongs", "over-heat protection"],
  },
  Storage: {
    made: ["an aluminium enclosure", "NVMe flash", "a shock-resistant shell"],
    details: ["transfer speeds up to 1,050 MB/s", "USB-C and USB-A cables", "hardware encryption"],
  },
  "Sound Packs": {
    made: ["24-bit recordings", "analog-synth one-shots", "hand-played loops"],
    details: ["tempo-labelled loops", "royalty-free use", "presets for every major DAW"],
  },
  Backpacks: {
    made: ["recycled ripstop nylon", "water-resistant waxed canvas", "a weatherproof TPU shell"],
    details: ["a padded back panel", "a roll-top closure", "side bottle pockets", "a hidden passport pocket"],
  },
  Bottles: {
    made: ["double-wall stainless steel", "BPA-free Tritan", "powder-coated steel"],
    details: ["keeps drinks cold for 24 hours", "a leak-proof lid", "a carry loop"],
  },
  Outerwear: {
    made: ["3-layer waterproof shell fabric", "recycled polar fleece", "responsibly sourced down"],
    details: ["taped seams", "an adjustable hood", "pit zips", "a packable design"],
  },
};

const FINISHES: Record<string, readonly string[]> = {
  Apparel: ["garment-dyed", "enzyme-washed", "pre-shrunk", "cut and sewn in small batches"],
  Footwear: ["built to be resoled", "made in a family-run workshop", "broken in from day one"],
  Accessories: ["finished by hand", "built to age beautifully", "made in small batches"],
  Jewelry: ["hand-polished", "nickel-free", "made to order"],
  Beauty: ["vegan and cruelty-free", "dermatologist-tested", "made in small batches"],
  Home: ["made by hand", "each one slightly unique", "made in small batches"],
  Electronics: ["tuned in-house", "backed by a two-year warranty", "tested to last"],
  Outdoor: ["field-tested", "PFC-free", "built for the long haul"],
};

const SHOP_PROMISES = [
  "Designed in-house, made in small runs with partners we know by name.",
  "Free returns within 30 days, and repairs for life.",
  "Fewer, better things: everything we make is built to last.",
  "Every piece is made to order, so nothing goes to waste.",
  "We ship plastic-free and offset every parcel.",
  "Good materials, fair wages and honest prices.",
];

const SHOP_OPENERS = [
  (name: string, what: string) => `${name} makes ${what} for everyday life.`,
  (name: string, what: string) => `At ${name}, we design ${what} we actually want to use.`,
  (name: string, what: string) => `${name} is a small studio for ${what}.`,
  (name: string, what: string) => `Thoughtful ${what}, made by ${name}.`,
];

const COLLECTION_BLURBS: Record<string, (shop: string) => string> = {
  "New Arrivals": (shop) => `The latest from ${shop}, fresh from the studio.`,
  "Best Sellers": () => "The pieces our customers come back for.",
  Sale: () => "Last chances on past seasons, while sizes last.",
  Essentials: () => "The everyday staples we would buy again and again.",
  "Gift Guide": () => "Gifts they will actually use, wrapped and ready.",
  "Summer Edit": () => "Light layers and sunny-day favourites.",
  "Winter Edit": () => "Warm, cosy and made for cold days.",
  "Staff Picks": (shop) => `What the ${shop} team is using right now.`,
  "Last Chance": () => "Final pieces from retiring lines.",
  "Limited Edition": () => "Small runs, once they are gone, they are gone.",
  "Under 50": () => "Great finds at a friendly price.",
  "Weekend Favorites": () => "Easy pieces for slow Saturdays.",
};

/** "a, b and c". */
function list(values: readonly string[], last = "and"): string {
  return values.length <= 1
    ? (values[0] ?? "")
    : `${values.slice(0, -1).join(", ")} ${last} ${values.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface DescribedProduct {
  type: ProductTypeDef;
  department: string;
  shopName: string;
  /** The product's noun ("Pocket Tee"). */
  noun: string;
  defs: readonly OptionDef[];
  values: readonly (readonly string[])[];
  /** Two qualities and a use the catalog already drew for the product. */
  qualities: readonly [string, string];
  use: string;
  /** Whether to name the shop at the end (drawn by the catalog). */
  signOff: boolean;
}

/** Two to four sentences about a product, in the words of its type and with its real options. */
export function describeProduct(rng: Rng, p: DescribedProduct): string {
  const making = MAKING[p.type.type] ?? {
    made: ["carefully chosen materials"],
    details: ["a clean, simple design"],
  };
  const made = rng.pick(making.made);
  const detail = rng.pick(making.details);
  const finish = rng.pick(FINISHES[p.department] ?? ["made with care"]);
  const colourAt = p.defs.findIndex((d) => d.name === "Color");
  const colour = colourAt >= 0 ? p.values[colourAt]?.[0] : undefined;
  const noun = p.noun.toLowerCase();
  const sentences = [
    p.type.digital
      ? `${capitalise(noun)}: ${made} with ${detail}.`
      : colour
        ? `${capitalise(made)} ${noun} with ${detail}, ${finish} in ${colour}.`
        : `${capitalise(made)} ${noun} with ${detail}, ${finish}.`,
    `${capitalise(p.qualities[0])} and ${p.qualities[1]}, made for ${p.use}.`,
  ];
  const choices = p.defs.flatMap((def, o) => {
    const values = p.values[o] ?? [];
    if (values.length < 2) return [];
    if (def.name === "Color") return [`in ${list(values, "or")}`];
    if (def.name === "Size" && !def.priced) return [`in sizes ${values[0]} to ${values.at(-1)}`];
    return [
      `in ${list(
        values.map((v) => (def.name === "Material" ? v.toLowerCase() : v)),
        "or",
      )}`,
    ];
  });
  if (choices.length) sentences.push(`Available ${list(choices)}.`);
  if (p.signOff) sentences.push(`Designed by ${p.shopName}.`);
  return sentences.join(" ");
}

/** A shop's About text: what it makes and a promise. */
export function describeShop(rng: Rng, name: string, typeNames: readonly string[]): string {
  const what = list(typeNames.map((t) => t.toLowerCase()).slice(0, 3));
  return `${rng.pick(SHOP_OPENERS)(name, what)} ${rng.pick(SHOP_PROMISES)}`;
}

/** A collection's blurb (a product type's collection names the type). */
export function describeCollection(title: string, shopName: string, key: string): string {
  const blurb = COLLECTION_BLURBS[key];
  return blurb ? blurb(shopName) : `All ${title} from ${shopName}, in every colour and size we make.`;
}
