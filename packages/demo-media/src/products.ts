/**
 * Product pictures drawn in code: a flat studio shot (backdrop, floor, soft shadow) of the kind
 * of product a type names (a tee for "T-Shirts", a mug for "Mugs"…), in the product's colour.
 * Pure string building: a picture costs microseconds and needs no file.
 *
 * Every drawing fills a 200×200 box standing on its bottom edge; `productSvg` places it on a
 * backdrop of any size. Unknown types get a parcel (a box), never just text.
 */
import { createHash } from "node:crypto";

/** The colours of the seeded option values (Color, and the materials and scents that colour a product). */
export const NAMED_COLOURS: Record<string, string> = {
  black: "#26272b",
  white: "#f3f1ec",
  navy: "#22304f",
  grey: "#8b9099",
  gray: "#8b9099",
  red: "#b9352c",
  green: "#2f7a4f",
  beige: "#d8c6a6",
  blue: "#3b6fb1",
  pink: "#e6a1b3",
  olive: "#6b7636",
  brown: "#7b5233",
  yellow: "#e7bf3a",
  sand: "#d9c3a0",
  cream: "#efe6d2",
  // Metals.
  brass: "#b68f43",
  "stainless steel": "#b7bcc3",
  "sterling silver": "#c9ccd2",
  titanium: "#8c9197",
  "gold vermeil": "#d6ab4e",
  "rose gold": "#d9a28c",
  // Leathers and fabrics.
  canvas: "#cdbd98",
  nylon: "#46525e",
  cork: "#b98b5a",
  "vegan leather": "#5d4131",
  suede: "#a4714e",
  leather: "#7c4a2a",
  cotton: "#ece8df",
  linen: "#d9ccb3",
  "recycled polyester": "#5f7f8f",
  wool: "#9a8f83",
  silk: "#e8d3c4",
  cashmere: "#cdb9a2",
  // Home materials.
  stoneware: "#b8a996",
  ceramic: "#e8e3da",
  glass: "#bcd8dc",
  ash: "#dcc7a0",
  oak: "#b98a55",
  walnut: "#6a4830",
  // Scents.
  unscented: "#ebe6dc",
  lavender: "#b3a0d4",
  sandalwood: "#c79d6d",
  citrus: "#eea63a",
  rose: "#df97a4",
  vanilla: "#f0e0bc",
  cedar: "#8a5a3d",
  fig: "#7a4a69",
};

/** Option names whose values colour a product, most telling first. */
const COLOUR_OPTIONS = ["color", "colour", "material", "metal", "scent", "finish"];

/** Colours drawn from an id when a product names none (muted, catalogue-like). */
const FALLBACK_COLOURS = [
  "#3b6fb1",
  "#b9352c",
  "#2f7a4f",
  "#d8c6a6",
  "#22304f",
  "#e7bf3a",
  "#7b5233",
  "#e6a1b3",
  "#6b7636",
  "#26272b",
];

/** Escapes text for SVG. */
function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hashByte(text: string, index = 0): number {
  return createHash("sha256").update(text).digest()[index] ?? 0;
}

/** A colour's hex for an option value ("Navy" → #22304f), or null when the value names none. */
export function colourOf(value: string): string | null {
  return NAMED_COLOURS[value.trim().toLowerCase()] ?? null;
}

/**
 * The colours a product comes in, as hex: the values of its Color (or Colour) option, else of
 * a material or scent that names a colour; one drawn from its id when none does (a metal for
 * jewellery).
 */
export function productColours(
  id: string,
  options: readonly { name: string; values: readonly string[] }[] = [],
  productType?: string | null,
): string[] {
  for (const name of COLOUR_OPTIONS) {
    const option = options.find((o) => o.name.trim().toLowerCase() === name);
    const colours = (option?.values ?? []).map(colourOf).filter((c): c is string => c !== null);
    if (colours.length) return colours;
  }
  // Jewellery that names no metal is still made of one.
  const fallback = JEWELLERY.has(drawingFor(productType)) ? METALS : FALLBACK_COLOURS;
  return [fallback[hashByte(id) % fallback.length] ?? "#3b6fb1"];
}

const JEWELLERY = new Set(["ring", "necklace", "earrings"]);
const METALS = ["#d6ab4e", "#c9ccd2", "#d9a28c", "#b68f43"];

// ── colour arithmetic ──

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: [number, number, number]): string {
  const c = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, "0");
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Mixes `a` towards `b` by `t` (0..1). */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return hex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Relative lightness, 0 (black) to 1 (white). */
export function lightness(colour: string): number {
  const [r, g, b] = rgb(colour);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** The shades a drawing uses: its colour, darker and lighter tones, and lines that read on it. */
interface Tones {
  base: string;
  dark: string;
  deep: string;
  light: string;
  line: string;
  metal: string;
  paper: string;
}

function tones(base: string): Tones {
  const l = lightness(base);
  return {
    base,
    dark: mix(base, "#000000", 0.22),
    deep: mix(base, "#000000", 0.45),
    light: mix(base, "#ffffff", 0.35),
    line: l > 0.55 ? mix(base, "#000000", 0.35) : mix(base, "#ffffff", 0.3),
    metal: "#c8ccd2",
    paper: "#f7f3ea",
  };
}

// ── the drawings (200×200, standing on y = 190) ──

type Drawing = (t: Tones) => string;

const stitch = (d: string, t: Tones, width = 1.6) =>
  `<path d="${d}" fill="none" stroke="${t.line}" stroke-width="${width}" stroke-dasharray="4 3" stroke-linecap="round" opacity=".7"/>`;
const line = (d: string, colour: string, width = 3, opacity = 1) =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round" opacity="${opacity}"/>`;
const shape = (d: string, fill: string, extra = "") => `<path d="${d}" fill="${fill}"${extra}/>`;

const tee: Drawing = (t) =>
  shape(
    "M62 34 L84 26 Q100 40 116 26 L138 34 L174 60 L160 92 L142 84 L142 184 Q100 190 58 184 L58 84 L40 92 L26 60 Z",
    t.base,
  ) +
  shape("M84 26 Q100 46 116 26 Q100 36 84 26 Z", t.dark) +
  line("M84 26 Q100 46 116 26", t.line, 3) +
  shape("M100 40 L142 40 L142 184 Q120 188 100 188 Z", "#000", ' opacity=".05"') +
  stitch("M40 86 L30 64", t) +
  stitch("M160 86 L170 64", t) +
  stitch("M60 178 Q100 184 140 178", t) +
  line("M74 110 Q80 140 76 170", t.dark, 1.5, 0.35) +
  line("M124 100 Q118 130 126 168", t.dark, 1.5, 0.35);

const hoodie: Drawing = (t) =>
  shape("M62 46 L34 128 L30 176 L50 178 L60 112 Z", t.dark) +
  shape("M138 46 L166 128 L170 176 L150 178 L140 112 Z", t.dark) +
  shape("M60 46 Q100 34 140 46 L144 184 Q100 190 56 184 Z", t.base) +
  shape("M74 46 Q72 8 100 8 Q128 8 126 46 Q100 60 74 46 Z", t.dark) +
  shape("M84 44 Q86 20 100 20 Q114 20 116 44 Q100 52 84 44 Z", t.deep) +
  line("M92 52 L90 92", t.light, 2.5) +
  line("M108 52 L110 92", t.light, 2.5) +
  shape("M72 128 L128 128 L136 164 L64 164 Z", t.dark, ' opacity=".55"') +
  stitch("M72 128 L128 128", t) +
  shape("M56 172 Q100 178 144 172 L144 184 Q100 190 56 184 Z", t.dark) +
  shape("M30 168 L50 170 L50 178 L30 176 Z", t.deep) +
  shape("M150 170 L170 168 L170 176 L150 178 Z", t.deep);

const dress: Drawing = (t) =>
  shape(
    "M80 18 L86 18 L92 46 L108 46 L114 18 L120 18 L126 70 Q120 84 122 92 L156 182 Q100 194 44 182 L78 92 Q80 84 74 70 Z",
    t.base,
  ) +
  shape("M78 92 Q100 100 122 92 L122 100 Q100 108 78 100 Z", t.dark) +
  line("M92 104 L78 180", t.dark, 1.5, 0.45) +
  line("M108 104 L122 180", t.dark, 1.5, 0.45) +
  line("M100 106 L100 186", t.dark, 1.5, 0.3) +
  line("M86 46 Q100 58 114 46", t.line, 2);

const jacket =
  (hood: boolean): Drawing =>
  (t) =>
    shape("M62 40 L32 126 L28 180 L50 182 L60 108 Z", t.dark) +
    shape("M138 40 L168 126 L172 180 L150 182 L140 108 Z", t.dark) +
    shape("M60 40 Q100 30 140 40 L146 186 L54 186 Z", t.base) +
    (hood
      ? shape("M72 42 Q70 4 100 4 Q130 4 128 42 Q100 56 72 42 Z", t.dark) +
        shape("M84 40 Q86 16 100 16 Q114 16 116 40 Q100 48 84 40 Z", t.deep)
      : shape("M78 34 L100 70 L88 86 L66 44 Z", t.dark) +
        shape("M122 34 L100 70 L112 86 L134 44 Z", t.dark)) +
    line("M100 50 L100 186", t.deep, 3) +
    line("M100 50 L100 186", t.metal, 1, 0.8) +
    shape("M68 128 L90 128 L90 150 L68 150 Z", t.dark, ' opacity=".6"') +
    shape("M110 128 L132 128 L132 150 L110 150 Z", t.dark, ' opacity=".6"') +
    stitch("M56 176 L144 176", t) +
    shape("M28 172 L50 174 L50 182 L28 180 Z", t.deep) +
    shape("M150 174 L172 172 L172 180 L150 182 Z", t.deep);

const pants: Drawing = (t) =>
  shape("M62 22 L138 22 L150 186 L110 186 L100 76 L90 186 L50 186 Z", t.base) +
  shape("M62 22 L138 22 L138 36 L62 36 Z", t.dark) +
  line("M100 36 L100 74", t.line, 2) +
  line("M66 36 Q78 50 86 36", t.line, 2) +
  line("M134 36 Q122 50 114 36", t.line, 2) +
  shape("M76 24 L82 24 L82 38 L76 38 Z", t.deep) +
  shape("M118 24 L124 24 L124 38 L118 38 Z", t.deep) +
  stitch("M52 178 L90 178", t) +
  stitch("M110 178 L148 178", t) +
  line("M72 70 L66 180", t.dark, 1.5, 0.35);

const sewingPattern: Drawing = (t) =>
  `<rect x="46" y="20" width="108" height="166" rx="3" fill="${t.paper}"/>` +
  `<rect x="46" y="20" width="108" height="40" rx="3" fill="${t.base}"/>` +
  `<path d="M70 84 L86 78 Q100 88 114 78 L130 84 L142 98 L134 110 L124 104 L124 166 L76 166 L76 104 L66 110 L58 98 Z" fill="none" stroke="${t.dark}" stroke-width="2" stroke-dasharray="5 3"/>` +
  line("M60 34 L120 34", t.light, 4) +
  line("M60 46 L100 46", t.light, 3) +
  `<circle cx="138" cy="40" r="8" fill="${t.light}"/>`;

const sneaker: Drawing = (t) =>
  shape(
    "M24 152 L176 152 Q184 152 182 162 L180 170 Q178 176 168 176 L32 176 Q22 176 22 166 Z",
    "#f4f2ee",
    ' stroke="#d8d4cc" stroke-width="2"',
  ) +
  line("M26 166 L178 166", "#d8d4cc", 2) +
  shape("M28 152 Q24 120 46 110 L80 96 Q94 82 112 90 L132 104 Q156 112 172 128 Q182 138 178 152 Z", t.base) +
  shape("M28 152 Q24 126 40 114 L52 118 Q44 134 48 152 Z", t.dark) +
  shape("M150 116 Q168 124 176 136 Q180 146 178 152 L150 152 Q152 132 150 116 Z", t.dark) +
  line("M60 140 Q100 128 142 140", t.light, 5, 0.9) +
  line("M86 100 L96 110", t.paper, 3) +
  line("M94 94 L104 104", t.paper, 3) +
  line("M102 90 L112 100", t.paper, 3) +
  line("M110 90 L120 100", t.paper, 3) +
  stitch("M36 146 L174 146", t);

const boot: Drawing = (t) =>
  shape("M40 174 L172 174 Q180 174 178 164 L176 158 L38 158 Z", t.deep) +
  shape("M46 24 L102 24 L104 108 Q140 112 164 128 Q178 140 176 158 L40 158 Z", t.base) +
  shape("M62 40 L86 40 L90 104 L64 110 Z", t.dark, ' opacity=".7"') +
  shape("M46 24 L102 24 L102 34 L46 34 Z", t.dark) +
  line("M96 24 Q104 6 112 24", t.dark, 4) +
  stitch("M44 150 L174 150", t) +
  line("M104 108 Q96 132 110 156", t.line, 1.5, 0.6);

const sandal: Drawing = (t) =>
  shape(
    "M20 170 Q18 156 40 154 L160 150 Q184 150 182 164 Q180 176 160 176 L40 178 Q22 178 20 170 Z",
    "#d9c6a4",
  ) +
  shape(
    "M22 172 Q24 182 40 182 L160 180 Q180 180 182 168 L182 172 Q180 184 160 184 L40 186 Q22 186 22 176 Z",
    t.deep,
  ) +
  line("M56 156 Q76 112 100 154", t.base, 12) +
  line("M104 152 Q126 116 146 152", t.base, 12) +
  line("M60 150 Q76 122 96 150", t.light, 2, 0.6);

const tote: Drawing = (t) =>
  line("M70 82 Q70 24 100 24 Q130 24 130 82", t.dark, 7) +
  shape("M42 80 L158 80 L166 186 L34 186 Z", t.base) +
  shape("M42 80 L158 80 L159 96 L41 96 Z", t.dark) +
  stitch("M44 102 L156 102", t) +
  stitch("M38 178 L162 178", t) +
  `<rect x="84" y="120" width="32" height="20" rx="2" fill="${t.light}" opacity=".7"/>` +
  shape("M100 96 L158 96 L166 186 L100 186 Z", "#000", ' opacity=".05"');

const wallet: Drawing = (t) =>
  `<rect x="34" y="74" width="132" height="96" rx="10" fill="${t.base}"/>` +
  `<path d="M34 84 Q34 74 44 74 L156 74 Q166 74 166 84 L166 118 L34 118 Z" fill="${t.dark}"/>` +
  `<rect x="44" y="58" width="70" height="26" rx="3" fill="${t.light}" transform="rotate(-6 80 70)"/>` +
  stitch("M42 126 L158 126", t) +
  stitch("M42 162 L158 162", t) +
  `<circle cx="150" cy="104" r="6" fill="${t.metal}" stroke="${t.deep}" stroke-width="1.5"/>`;

const cap: Drawing = (t) =>
  shape("M40 150 Q38 70 104 66 Q162 68 162 150 Z", t.base) +
  shape("M150 146 Q192 146 198 166 Q170 172 138 160 Z", t.dark) +
  line("M104 66 L100 150", t.dark, 2, 0.6) +
  line("M104 66 Q70 90 70 150", t.dark, 2, 0.45) +
  line("M104 66 Q140 90 140 150", t.dark, 2, 0.45) +
  `<circle cx="104" cy="66" r="5" fill="${t.dark}"/>` +
  shape("M40 142 Q100 152 162 142 L162 152 Q100 160 40 152 Z", t.dark) +
  shape("M104 66 Q162 68 162 150 L120 150 Q130 100 104 66 Z", "#000", ' opacity=".06"');

const belt: Drawing = (t) =>
  `<circle cx="96" cy="116" r="60" fill="none" stroke="${t.base}" stroke-width="16"/>` +
  `<circle cx="96" cy="116" r="42" fill="none" stroke="${t.dark}" stroke-width="16"/>` +
  `<circle cx="96" cy="116" r="24" fill="none" stroke="${t.base}" stroke-width="14"/>` +
  `<circle cx="96" cy="116" r="60" fill="none" stroke="${t.line}" stroke-width="1.2" stroke-dasharray="4 3" opacity=".6"/>` +
  `<rect x="142" y="92" width="34" height="48" rx="6" fill="none" stroke="#c9a95a" stroke-width="7"/>` +
  line("M146 116 L176 116", "#c9a95a", 4);

const necklace: Drawing = (t) =>
  `<path d="M48 28 Q56 140 100 150 Q144 140 152 28" fill="none" stroke="${t.base}" stroke-width="4" stroke-dasharray="5 2.5"/>` +
  `<path d="M100 150 L100 160" stroke="${t.base}" stroke-width="3"/>` +
  `<path d="M100 158 Q116 172 100 190 Q84 172 100 158 Z" fill="${t.base}" stroke="${t.dark}" stroke-width="2"/>` +
  `<circle cx="100" cy="176" r="4" fill="#ffffff" opacity=".7"/>`;

const ring: Drawing = (t) =>
  `<ellipse cx="100" cy="128" rx="52" ry="56" fill="none" stroke="${t.dark}" stroke-width="16"/>` +
  `<ellipse cx="100" cy="126" rx="52" ry="56" fill="none" stroke="${t.base}" stroke-width="12"/>` +
  `<path d="M62 98 Q70 80 88 74" fill="none" stroke="#fff" stroke-width="3" opacity=".6" stroke-linecap="round"/>` +
  `<path d="M86 58 L100 44 L114 58 L100 74 Z" fill="#dff1f7" stroke="${t.dark}" stroke-width="2"/>` +
  `<path d="M86 58 L114 58" stroke="${t.dark}" stroke-width="1"/>`;

const earrings: Drawing = (t) =>
  [62, 138]
    .map(
      (x) =>
        `<circle cx="${x}" cy="60" r="7" fill="${t.base}" stroke="${t.dark}" stroke-width="2"/>` +
        `<circle cx="${x}" cy="112" r="38" fill="none" stroke="${t.dark}" stroke-width="9"/>` +
        `<circle cx="${x}" cy="110" r="38" fill="none" stroke="${t.base}" stroke-width="6"/>` +
        `<path d="M${x - 30} 92 Q${x - 22} 78 ${x - 8} 74" fill="none" stroke="#fff" stroke-width="2" opacity=".6"/>`,
    )
    .join("");

const watch: Drawing = (t) =>
  `<rect x="78" y="10" width="44" height="180" rx="10" fill="${t.base}"/>` +
  stitch("M84 16 L84 60 M116 16 L116 60 M84 140 L84 184 M116 140 L116 184", t, 1.2) +
  `<circle cx="100" cy="100" r="46" fill="${t.metal}" stroke="${mix(t.metal, "#000", 0.3)}" stroke-width="3"/>` +
  `<circle cx="100" cy="100" r="38" fill="#fbfaf6"/>` +
  Array.from({ length: 12 }, (_, i) => {
    const a = (i * Math.PI) / 6;
    const [x1, y1, x2, y2] = [
      100 + 32 * Math.sin(a),
      100 - 32 * Math.cos(a),
      100 + 36 * Math.sin(a),
      100 - 36 * Math.cos(a),
    ];
    return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#333" stroke-width="2"/>`;
  }).join("") +
  line("M100 100 L100 74", "#222", 3) +
  line("M100 100 L120 110", "#222", 2.5) +
  `<circle cx="100" cy="100" r="3" fill="${t.base}"/>` +
  `<rect x="146" y="94" width="8" height="12" rx="2" fill="${t.metal}"/>`;

const dropper: Drawing = (t) =>
  `<rect x="66" y="84" width="68" height="104" rx="12" fill="${t.base}"/>` +
  `<rect x="66" y="84" width="68" height="104" rx="12" fill="url(#glass)"/>` +
  `<rect x="78" y="62" width="44" height="26" rx="3" fill="#2a2a2a"/>` +
  `<rect x="88" y="22" width="24" height="42" rx="11" fill="#1f1f1f"/>` +
  `<rect x="76" y="118" width="48" height="44" rx="2" fill="${t.paper}"/>` +
  line("M84 132 L116 132", t.deep, 3) +
  line("M84 144 L108 144", t.dark, 2);

const perfume: Drawing = (t) =>
  `<rect x="46" y="78" width="108" height="110" rx="14" fill="${mix(t.base, "#ffffff", 0.25)}"/>` +
  `<rect x="56" y="104" width="88" height="76" rx="8" fill="${t.base}"/>` +
  `<rect x="46" y="78" width="108" height="110" rx="14" fill="url(#glass)"/>` +
  `<rect x="88" y="62" width="24" height="18" fill="${t.metal}"/>` +
  `<rect x="74" y="24" width="52" height="40" rx="4" fill="#2b2b2e"/>` +
  `<rect x="76" y="130" width="48" height="24" rx="2" fill="${t.paper}" opacity=".9"/>` +
  line("M84 142 L116 142", "#333", 2);

const pumpBottle: Drawing = (t) =>
  `<rect x="62" y="72" width="76" height="116" rx="14" fill="${t.base}"/>` +
  `<rect x="62" y="72" width="76" height="116" rx="14" fill="url(#glass)"/>` +
  `<rect x="88" y="52" width="24" height="22" fill="#2b2b2e"/>` +
  `<rect x="82" y="38" width="36" height="14" rx="3" fill="#2b2b2e"/>` +
  `<rect x="116" y="40" width="30" height="7" rx="3" fill="#2b2b2e"/>` +
  `<rect x="72" y="110" width="56" height="50" rx="3" fill="${t.paper}"/>` +
  line("M80 126 L120 126", t.deep, 3) +
  line("M80 138 L110 138", t.dark, 2);

const candle: Drawing = (t) =>
  `<ellipse cx="100" cy="58" rx="28" ry="34" fill="#ffb347" opacity=".18"/>` +
  `<path d="M100 36 Q110 54 100 66 Q90 54 100 36 Z" fill="#f59e0b"/>` +
  `<path d="M100 46 Q105 56 100 64 Q95 56 100 46 Z" fill="#fde68a"/>` +
  line("M100 66 L100 80", "#333", 2) +
  `<rect x="54" y="74" width="92" height="114" rx="8" fill="${t.base}"/>` +
  `<ellipse cx="100" cy="80" rx="46" ry="8" fill="${t.light}"/>` +
  `<rect x="54" y="74" width="92" height="114" rx="8" fill="url(#glass)"/>` +
  `<rect x="66" y="118" width="68" height="40" rx="2" fill="${t.paper}"/>` +
  line("M76 134 L124 134", "#444", 2.5) +
  line("M82 146 L118 146", "#888", 2);

const mug: Drawing = (t) =>
  `<path d="M140 92 Q176 92 176 122 Q176 152 140 152" fill="none" stroke="${t.dark}" stroke-width="14"/>` +
  `<path d="M46 70 L140 70 L136 176 Q134 186 122 186 L64 186 Q52 186 50 176 Z" fill="${t.base}"/>` +
  `<ellipse cx="93" cy="70" rx="47" ry="10" fill="${t.dark}"/>` +
  `<ellipse cx="93" cy="72" rx="41" ry="7" fill="#4a2f20"/>` +
  `<path d="M58 84 Q60 130 66 172" fill="none" stroke="#fff" stroke-width="5" opacity=".25" stroke-linecap="round"/>`;

const blanket: Drawing = (t) =>
  `<rect x="30" y="128" width="140" height="52" rx="8" fill="${t.dark}"/>` +
  `<rect x="36" y="84" width="128" height="52" rx="8" fill="${t.base}"/>` +
  `<rect x="42" y="40" width="116" height="52" rx="8" fill="${t.light}"/>` +
  [54, 84, 114, 144]
    .map(
      (x) => line(`M${x} 40 L${x} 92`, t.base, 4, 0.5) + line(`M${x - 6} 84 L${x - 6} 136`, t.dark, 4, 0.4),
    )
    .join("") +
  Array.from({ length: 14 }, (_, i) => line(`M${36 + i * 10} 180 L${36 + i * 10} 188`, t.dark, 2)).join("");

const vase: Drawing = (t) =>
  line("M100 40 Q92 14 70 4", "#5d7a3a", 2.5) +
  line("M100 40 Q112 10 136 2", "#5d7a3a", 2.5) +
  `<ellipse cx="76" cy="10" rx="9" ry="4" fill="#6f8f45" transform="rotate(-30 76 10)"/>` +
  `<ellipse cx="128" cy="6" rx="9" ry="4" fill="#6f8f45" transform="rotate(25 128 6)"/>` +
  `<ellipse cx="88" cy="22" rx="8" ry="3.5" fill="#6f8f45" transform="rotate(-50 88 22)"/>` +
  `<path d="M84 36 L116 36 L114 56 Q152 82 150 132 Q148 178 124 188 L76 188 Q52 178 50 132 Q48 82 86 56 Z" fill="${t.base}"/>` +
  `<ellipse cx="100" cy="36" rx="16" ry="4" fill="${t.dark}"/>` +
  `<path d="M64 96 Q56 130 68 168" fill="none" stroke="#fff" stroke-width="6" opacity=".25" stroke-linecap="round"/>` +
  line("M54 140 Q100 150 146 140", t.dark, 2, 0.4);

const framedPrint: Drawing = (t) =>
  `<rect x="44" y="14" width="112" height="172" rx="2" fill="#3b3025"/>` +
  `<rect x="52" y="22" width="96" height="156" fill="#fbf9f4"/>` +
  `<rect x="62" y="32" width="76" height="110" fill="${t.light}"/>` +
  `<circle cx="112" cy="64" r="16" fill="${t.base}"/>` +
  `<path d="M62 142 L62 112 Q82 92 100 112 Q118 96 138 110 L138 142 Z" fill="${t.dark}"/>` +
  line("M76 158 L124 158", "#999", 2) +
  line("M86 166 L114 166", "#bbb", 1.5);

const headphones: Drawing = (t) =>
  `<path d="M48 116 Q46 26 100 26 Q154 26 152 116" fill="none" stroke="${t.base}" stroke-width="14" stroke-linecap="round"/>` +
  `<path d="M56 100 Q56 42 100 42 Q144 42 144 100" fill="none" stroke="${t.dark}" stroke-width="4" opacity=".5"/>` +
  `<rect x="30" y="104" width="38" height="66" rx="16" fill="${t.base}"/>` +
  `<rect x="132" y="104" width="38" height="66" rx="16" fill="${t.base}"/>` +
  `<rect x="56" y="110" width="16" height="54" rx="8" fill="${t.deep}"/>` +
  `<rect x="128" y="110" width="16" height="54" rx="8" fill="${t.deep}"/>` +
  `<circle cx="49" cy="137" r="8" fill="${t.light}" opacity=".6"/>`;

const speaker: Drawing = (t) =>
  `<rect x="56" y="20" width="88" height="168" rx="12" fill="${t.base}"/>` +
  `<circle cx="100" cy="62" r="16" fill="${t.deep}"/>` +
  `<circle cx="100" cy="62" r="7" fill="${t.dark}"/>` +
  `<circle cx="100" cy="130" r="34" fill="${t.deep}"/>` +
  `<circle cx="100" cy="130" r="24" fill="${t.dark}"/>` +
  `<circle cx="100" cy="130" r="9" fill="${t.deep}"/>` +
  `<circle cx="100" cy="176" r="2.5" fill="#7dd3fc"/>`;

const charger: Drawing = (t) =>
  `<rect x="92" y="112" width="8" height="22" fill="${t.metal}"/>` +
  `<rect x="108" y="112" width="8" height="22" fill="${t.metal}"/>` +
  `<rect x="62" y="40" width="84" height="80" rx="16" fill="${t.base}" transform="rotate(-8 104 80)"/>` +
  `<circle cx="104" cy="72" r="4" fill="#4ade80"/>` +
  line("M74 110 Q64 176 120 176 Q170 176 166 150", t.dark, 6) +
  `<rect x="156" y="128" width="20" height="26" rx="4" fill="${t.deep}"/>` +
  `<rect x="162" y="118" width="8" height="12" rx="2" fill="${t.metal}"/>`;

const drive: Drawing = (t) =>
  `<rect x="40" y="60" width="120" height="118" rx="14" fill="${t.dark}"/>` +
  `<rect x="44" y="54" width="120" height="118" rx="14" fill="${t.base}"/>` +
  Array.from({ length: 6 }, (_, i) => line(`M${62 + i * 14} 70 L${62 + i * 14} 100`, t.dark, 3, 0.7)).join(
    "",
  ) +
  `<rect x="62" y="120" width="84" height="30" rx="4" fill="${t.light}" opacity=".6"/>` +
  `<circle cx="150" cy="160" r="3" fill="#38bdf8"/>`;

const soundPack: Drawing = (t) =>
  `<circle cx="128" cy="108" r="60" fill="#1c1c1f"/>` +
  `<circle cx="128" cy="108" r="44" fill="none" stroke="#333" stroke-width="1.5"/>` +
  `<circle cx="128" cy="108" r="18" fill="${t.light}"/>` +
  `<rect x="26" y="48" width="120" height="120" rx="3" fill="${t.base}"/>` +
  Array.from({ length: 11 }, (_, i) => {
    const h = [18, 34, 52, 30, 64, 44, 70, 38, 56, 26, 14][i] ?? 20;
    return `<rect x="${40 + i * 9}" y="${108 - h / 2}" width="5" height="${h}" rx="2" fill="${t.paper}" opacity=".85"/>`;
  }).join("");

const backpack: Drawing = (t) =>
  line("M80 38 Q80 16 100 16 Q120 16 120 38", t.deep, 6) +
  `<rect x="46" y="34" width="108" height="152" rx="32" fill="${t.base}"/>` +
  `<path d="M54 70 Q100 50 146 70" fill="none" stroke="${t.deep}" stroke-width="3"/>` +
  `<rect x="64" y="112" width="72" height="62" rx="14" fill="${t.dark}"/>` +
  line("M70 124 L130 124", t.metal, 2, 0.8) +
  `<rect x="96" y="122" width="8" height="12" rx="2" fill="${t.metal}"/>` +
  stitch("M70 140 L130 140", t) +
  line("M56 40 L52 186", t.dark, 4, 0.5);

const bottle: Drawing = (t) =>
  `<rect x="70" y="52" width="60" height="136" rx="16" fill="${t.base}"/>` +
  `<rect x="76" y="20" width="48" height="36" rx="6" fill="#2c2c30"/>` +
  `<path d="M92 20 Q100 4 108 20" fill="none" stroke="#2c2c30" stroke-width="5"/>` +
  `<rect x="80" y="70" width="8" height="100" rx="4" fill="#fff" opacity=".3"/>` +
  `<rect x="70" y="108" width="60" height="16" fill="${t.dark}" opacity=".5"/>`;

/** The generic object: a parcel, for a type with no drawing of its own. */
const parcel: Drawing = (t) =>
  `<path d="M100 40 L172 70 L100 100 L28 70 Z" fill="${t.light}"/>` +
  `<path d="M28 70 L100 100 L100 186 L28 156 Z" fill="${t.base}"/>` +
  `<path d="M172 70 L100 100 L100 186 L172 156 Z" fill="${t.dark}"/>` +
  `<path d="M64 55 L136 85 L136 96 L64 66 Z" fill="#e9d9b0" opacity=".9"/>` +
  `<path d="M136 85 L136 120 L144 117 L144 82 Z" fill="#d9c79a"/>` +
  `<rect x="44" y="118" width="36" height="22" fill="${t.paper}" transform="skewY(22.6)" opacity=".9"/>`;

/** Drawings by key; `drawingFor` maps a product type to one. */
export const DRAWINGS: Record<string, Drawing> = {
  tee,
  hoodie,
  dress,
  jacket: jacket(false),
  shell: jacket(true),
  pants,
  pattern: sewingPattern,
  sneaker,
  boot,
  sandal,
  tote,
  wallet,
  cap,
  belt,
  necklace,
  ring,
  earrings,
  watch,
  dropper,
  perfume,
  pump: pumpBottle,
  candle,
  mug,
  blanket,
  vase,
  print: framedPrint,
  headphones,
  speaker,
  charger,
  drive,
  record: soundPack,
  backpack,
  bottle,
  parcel,
};

/** Words of a product type (or title) and the drawing they name; the first match wins. */
const TYPE_WORDS: [RegExp, string][] = [
  [/t-?shirt|\bshirt|\btees?\b|\btop\b/i, "tee"],
  [/hood|sweatshirt|pullover/i, "hoodie"],
  [/dress/i, "dress"],
  [/outerwear|shell|fleece|vest|softshell|parka/i, "shell"],
  [/jacket|coat|bomber|overshirt/i, "jacket"],
  [/pant|chino|jean|trouser|jogger|short/i, "pants"],
  [/sewing|pattern/i, "pattern"],
  [/sneaker|trainer|runner|high-top|court shoe/i, "sneaker"],
  [/boot/i, "boot"],
  [/sandal|slide|espadrille|flip-flop/i, "sandal"],
  [/backpack|daypack|hiking pack|rolltop|sling/i, "backpack"],
  [/bag|tote|duffel|weekender|crossbody/i, "tote"],
  [/wallet|card holder|purse|passport/i, "wallet"],
  [/hat|cap|beanie|fedora/i, "cap"],
  [/belt/i, "belt"],
  [/necklace|pendant|chain|choker|locket/i, "necklace"],
  [/earring|hoop|stud|ear cuff/i, "earrings"],
  [/ring|band/i, "ring"],
  [/watch|chronograph/i, "watch"],
  [/skincare|serum|face oil|moisturi[sz]er|cleanser|eye cream|toner/i, "dropper"],
  [/fragrance|perfume|parfum|room spray/i, "perfume"],
  [/bath|body|hand cream|soap|lotion/i, "pump"],
  [/candle|diffuser/i, "candle"],
  [/mug|cup|tumbler/i, "mug"],
  [/blanket|throw|quilt|cushion/i, "blanket"],
  [/vase|planter|bowl|tray/i, "vase"],
  [/print|poster|wall art|calendar/i, "print"],
  [/headphone|earbud|monitor/i, "headphones"],
  [/speaker|soundbar/i, "speaker"],
  [/charger|power bank|charging|adapter/i, "charger"],
  [/storage|ssd|flash drive|memory card|portable drive/i, "drive"],
  [/sound|sample|preset|drum kit/i, "record"],
  [/bottle|flask/i, "bottle"],
];

/** The drawing for a product type ("Hoodies" → hoodie); "parcel" when none fits. */
export function drawingFor(productType?: string | null, title?: string | null): string {
  for (const text of [productType, title])
    if (text) for (const [words, key] of TYPE_WORDS) if (words.test(text)) return key;
  return "parcel";
}

/** Studio backdrops: light for dark products, deeper for light ones. */
const BACKDROPS = [
  ["#f1ece4", "#e2d9cc"],
  ["#e9edf0", "#d5dce2"],
  ["#f0e8ea", "#e0d2d6"],
  ["#e8ede5", "#d4dccd"],
];
const DEEP_BACKDROPS = [
  ["#cfc6b8", "#b3a794"],
  ["#c3ccd4", "#a5b1bc"],
  ["#cdbfc3", "#b09fa5"],
  ["#c2ccbb", "#a3b097"],
];

export type ProductView = "front" | "angle" | "detail";

export interface ProductPicture {
  /** The product's id: picks a backdrop (and a colour when `colour` is missing). */
  id: string;
  productType?: string | null;
  title?: string | null;
  /** The product's colour as hex; default one drawn from the id. */
  colour?: string;
  view?: ProductView;
  width?: number;
  height?: number;
}

/**
 * A flat studio shot of the product as SVG: the backdrop, a floor and soft shadow, and the
 * drawing of its type in its colour. `angle` mirrors and tilts it on another backdrop;
 * `detail` is a close-up. The title is the picture's `<title>`; the drawing's key is in
 * `data-drawing` (tests and debugging).
 */
export function productSvg(picture: ProductPicture): string {
  const { id, width = 600, height = 750, view = "front" } = picture;
  const key = drawingFor(picture.productType, picture.title);
  const colour = picture.colour ?? productColours(id)[0] ?? "#3b6fb1";
  const t = tones(colour);
  const shelf = view === "angle" ? 1 : 0;
  const set = lightness(colour) > 0.72 ? DEEP_BACKDROPS : BACKDROPS;
  const [top, bottom] = set[(hashByte(id, 1) + shelf) % set.length] ?? ["#f1ece4", "#e2d9cc"];
  const size = Math.min(width, height) * (view === "detail" ? 1.5 : 0.74);
  const scale = size / 200;
  const x = (width - size) / 2;
  const floor = height * (view === "detail" ? 0.98 : 0.5 + Math.min(0.36, (size / height) * 0.62));
  const y = floor - size * 0.95;
  const place =
    view === "angle"
      ? `translate(${x + size} ${y}) scale(${-scale} ${scale}) rotate(-6 100 190)`
      : view === "detail"
        ? `translate(${x} ${y + size * 0.25}) scale(${scale})`
        : `translate(${x} ${y}) scale(${scale})`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-drawing="${key}" data-colour="${colour}">
<defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>
<radialGradient id="shade" cx=".5" cy=".5" r=".5"><stop offset="0" stop-color="#000" stop-opacity=".28"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
<linearGradient id="glass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff" stop-opacity=".28"/><stop offset=".35" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".12"/></linearGradient></defs>
${picture.title ? `<title>${xml(picture.title)}</title>` : ""}
<rect width="${width}" height="${height}" fill="url(#wall)"/>
<rect y="${floor - size * 0.04}" width="${width}" height="${height - floor + size * 0.04}" fill="${bottom}" opacity=".55"/>
<ellipse cx="${width / 2}" cy="${floor - size * 0.04}" rx="${size * 0.46}" ry="${size * 0.06}" fill="url(#shade)"/>
<g transform="${place}">${(DRAWINGS[key] ?? parcel)(t)}</g>
</svg>`;
}
