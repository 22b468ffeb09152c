/**
 * The seed's randomness: a small, fast PRNG (sfc32), one independent stream per (seed, name), so
 * that adding a draw to one part of the world does not shift another.
 */

/** splitmix32: spreads a 32-bit input over the whole state space. */
export function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [state, (z ^ (z >>> 16)) >>> 0];
}

export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex16 = (n: number) => HEX_BYTES[n >>> 8]! + HEX_BYTES[n & 0xff]!;

/** A small, fast PRNG (sfc32, 128-bit state), one independent stream per (seed, name). */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, stream: string) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    let state = low ^ Math.imul(high, 0x27d4eb2f) ^ hash32(stream);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(state);
      state = next;
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    for (let i = 0; i < 16; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` distinct indices of [0, n), ascending (selection sampling, Knuth's algorithm S). */
  indices(n: number, count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n && out.length < count; i++) {
      if (this.float() * (n - i) < count - out.length) out.push(i);
    }
    return out;
  }

  /** `count` distinct items, in their original order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.indices(items.length, Math.min(count, items.length)).map((i) => items[i] as T);
  }

  /** A random UUID (version 4 layout) drawn from this stream. */
  uuid(): string {
    const w0 = this.u32();
    const w1 = (this.u32() & 0xffff0fff) | 0x00004000; // version 4
    const w2 = ((this.u32() & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
    const w3 = this.u32();
    return (
      hex16(w0 >>> 16) +
      hex16(w0 & 0xffff) +
      "-" +
      hex16(w1 >>> 16) +
      "-" +
      hex16(w1 & 0xffff) +
      "-" +
      hex16(w2 >>> 16) +
      "-" +
      hex16(w2 & 0xffff) +
      hex16(w3 >>> 16) +
      hex16(w3 & 0xffff)
    );
  }

  /** Lower-case base-36 text of the given length. */
  token(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++)
      out += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(this.float() * 36)];
    return out;
  }
}
