import { createHash } from 'node:crypto';

/** Deterministic building blocks of the demo plans: stable ids, a seeded PRNG, the featured names. */

export const DOMAIN = 'demo.school-groups.cn';

// Featured records the demo accounts point at.
export const MAIN_COUNTY = '随县';
export const FEATURED_CONSORTIUM = '随县炎帝学校教联体';
export const FEATURED_LEAD_SCHOOL = '随县炎帝学校';
export const FEATURED_RURAL_SCHOOL = '随县厉山镇三河小学';
export const FAMOUS_TEACHER_NAME = '周文华';
export const NEW_TEACHER_NAME = '陈雨萱';
// ---------------------------------------------------------------------------------------------
// Deterministic helpers

/** A UUID (version 5 layout) from the SHA-1 of a stable key: the same key gives the same id on every run. */
export function demoId(key: string): string {
  const b = createHash('sha1').update(`school-groups-demo:${key}`).digest();
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: a small seeded PRNG, so the generated data is the same on every run. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
}

export const shortName = (schoolName: string) => schoolName.replace(/^(随县|曾都区|广水市)/, '');
