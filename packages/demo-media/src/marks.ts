/**
 * Shop logos and user avatars drawn in code: a shop's monogram in its brand colours (chosen by
 * its id, so a shop keeps them), a user's initials on a colour of their own.
 */
import { createHash } from "node:crypto";

/** Brand colour pairs: background and ink. */
const BRANDS: [string, string][] = [
  ["#1f2a44", "#f3e9d8"],
  ["#f3e9d8", "#1f2a44"],
  ["#2f4f3a", "#f1ead9"],
  ["#b4532a", "#fff6ea"],
  ["#111111", "#ffffff"],
  ["#efe7dc", "#7a3b2e"],
  ["#5b3a5e", "#f6e9f2"],
  ["#dfe8e3", "#1e4d40"],
  ["#c9a66b", "#1b1b1b"],
  ["#3d5a80", "#fdf6e9"],
];

const AVATARS = ["#e76f51", "#2a9d8f", "#6d597a", "#e9c46a", "#457b9d", "#b56576", "#588157", "#8d6e63"];

function byte(id: string, index = 0): number {
  return createHash("sha256").update(id).digest()[index] ?? 0;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Up to two initials of a name, skipping joining words ("Harbor & Finch" → "HF"). */
export function initials(name: string): string {
  const words = name
    .split(/[\s\-_.]+/)
    .filter((w) => /^[\p{L}\p{N}]/u.test(w) && !/^(and|the|of|co)$/i.test(w));
  const letters = words.slice(0, 2).map((w) => w.charAt(0).toUpperCase());
  return letters.join("") || "·";
}

/**
 * A shop's logo: its monogram in a ring on its brand colour, and its first word as a small
 * wordmark beneath. Serif or sans by its id.
 */
export function shopLogoSvg(options: { id: string; name?: string | null; size?: number }): string {
  const { id, size = 256 } = options;
  const name = options.name?.trim() || "Shop";
  const [background, ink] = BRANDS[byte(id) % BRANDS.length] ?? ["#111111", "#ffffff"];
  const serif = byte(id, 1) % 2 === 0;
  const family = serif ? "DejaVu Serif, Georgia, serif" : "DejaVu Sans, Helvetica, Arial, sans-serif";
  const mark = initials(name);
  const word = (name.split(/\s+/)[0] ?? "").toUpperCase().slice(0, 10);
  const c = size / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" data-monogram="${xml(mark)}" data-brand="${background}">
<rect width="${size}" height="${size}" fill="${background}"/>
<circle cx="${c}" cy="${c * 0.9}" r="${size * 0.3}" fill="none" stroke="${ink}" stroke-width="${size * 0.012}" opacity=".8"/>
<text x="${c}" y="${c * 0.9}" text-anchor="middle" dominant-baseline="central" font-family="${family}" font-weight="700" font-size="${size * (mark.length > 1 ? 0.22 : 0.28)}" letter-spacing="${size * 0.01}" fill="${ink}">${xml(mark)}</text>
<text x="${c}" y="${size * 0.86}" text-anchor="middle" font-family="${family}" font-size="${size * 0.075}" letter-spacing="${size * 0.02}" fill="${ink}" opacity=".9">${xml(word)}</text>
</svg>`;
}

/** A user's avatar: their initials on a colour of their own (a silhouette when the name is unknown). */
export function avatarSvg(options: { id: string; displayName?: string | null; size?: number }): string {
  const { id, size = 256 } = options;
  const colour = AVATARS[byte(id) % AVATARS.length] ?? "#457b9d";
  const name = options.displayName?.trim();
  const c = size / 2;
  const face = name
    ? `<text x="${c}" y="${c}" text-anchor="middle" dominant-baseline="central" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-weight="700" font-size="${size * 0.4}" fill="#fff">${xml(initials(name))}</text>`
    : `<circle cx="${c}" cy="${size * 0.4}" r="${size * 0.18}" fill="#fff" opacity=".85"/><path d="M${size * 0.18} ${size} Q${c} ${size * 0.5} ${size * 0.82} ${size} Z" fill="#fff" opacity=".85"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" data-initials="${name ? xml(initials(name)) : ""}">
<rect width="${size}" height="${size}" fill="${colour}"/>
${face}
</svg>`;
}
