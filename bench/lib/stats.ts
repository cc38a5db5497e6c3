/**
 * Latency recording for the benchmark: an HDR histogram in microseconds (3 significant digits,
 * so p99 is exact to 0.1 %) with the pure-JS build, because the wasm build allocates outside the
 * JS heap and must be destroyed by hand.
 */
import * as hdr from 'hdr-histogram-js';

export interface Summary {
  count: number;
  p50_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
}

export class Latency {
  readonly #h = hdr.build({ useWebAssembly: false, lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });

  /** Records a duration in milliseconds (negative values, from clock jitter, count as 0). */
  record(ms: number): void {
    this.#h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.#h.totalCount;
  }

  merge(other: Latency): void {
    this.#h.add(other.#h);
  }

  /** Milliseconds at percentile p (0..100); null when nothing was recorded. */
  at(p: number): number | null {
    return this.#h.totalCount === 0 ? null : round3(this.#h.getValueAtPercentile(p) / 1000);
  }

  summary(): Summary {
    if (this.#h.totalCount === 0) return { count: 0, p50_ms: null, p99_ms: null, max_ms: null };
    return { count: this.#h.totalCount, p50_ms: this.at(50), p99_ms: this.at(99), max_ms: round3(this.#h.maxValue / 1000) };
  }
}

export const round3 = (x: number) => Math.round(x * 1000) / 1000;
export const round1 = (x: number) => Math.round(x * 10) / 10;
