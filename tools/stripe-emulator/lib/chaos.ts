// Chaos mode: the unreliability a real network and a real Stripe show now and then
// (duplicate and out-of-order webhooks, 500s, requests that never answer), on demand.
import type { TChaosSettings } from "../control/schemas";

/** mulberry32: tiny, seedable, good enough to make a chaos run reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ApiChaos = "error" | "timeout" | null;

export class Chaos {
  settings: TChaosSettings | null = null;
  private random: () => number = Math.random;

  enable(settings: TChaosSettings): void {
    this.settings = settings;
    this.random = settings.seed === undefined ? Math.random : seededRandom(settings.seed);
  }

  disable(): void {
    this.settings = null;
    this.random = Math.random;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** What to do to the next API call. */
  forApiCall(): ApiChaos {
    if (!this.settings) return null;
    const draw = this.random();
    const { errorRate, timeoutRate } = this.settings.api;
    if (draw < errorRate) return "error";
    if (draw < errorRate + timeoutRate) return "timeout";
    return null;
  }

  /** Delays (ms) for each copy of a webhook delivery; one immediate copy when chaos is off. */
  deliveryDelays(): number[] {
    if (!this.settings) return [0];
    const { maxCopies, maxDelayMs } = this.settings.webhooks;
    return Array.from({ length: this.int(1, maxCopies) }, () => this.int(0, maxDelayMs));
  }
}
