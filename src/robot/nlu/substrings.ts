/**
 * Every occurrence of a fixed set of strings in a text, in one pass (Aho-Corasick over UTF-16
 * code units). The classifier scans each message once for about 1,300 cues and negators; the
 * general-purpose matcher it used before segmented the text into graphemes with Intl.Segmenter
 * and yielded one object per match through a generator, which was half the classifier's time.
 * The scan texts here are normalised (Han, a-z, digits, apostrophes, clause marks and spaces), so
 * code units are as good as graphemes. Matches are written to reusable typed arrays: read them
 * before the next scan.
 */
export class Substrings {
  /** Per node: code unit → next node. */
  readonly #next: Map<number, number>[] = [new Map()];
  readonly #fail: Int32Array;
  /** Per node: the pattern ending here (-1: none) and the nearest node on the fail chain that ends one (-1: none). */
  readonly #ends: Int32Array;
  readonly #outLink: Int32Array;
  readonly #lengths: Int32Array;
  #starts = new Int32Array(64);
  #hitEnds = new Int32Array(64);
  #patterns = new Int32Array(64);

  /** Patterns must be distinct and non-empty; a match reports the pattern's index. */
  constructor(patterns: readonly string[]) {
    const ends: number[] = [-1];
    patterns.forEach((p, i) => {
      if (!p) throw new TypeError('empty pattern');
      let node = 0;
      for (let k = 0; k < p.length; k++) {
        const c = p.charCodeAt(k);
        let to = this.#next[node]!.get(c);
        if (to === undefined) {
          to = this.#next.length;
          this.#next.push(new Map());
          ends.push(-1);
          this.#next[node]!.set(c, to);
        }
        node = to;
      }
      if (ends[node] !== -1) throw new TypeError(`duplicate pattern ${JSON.stringify(p)}`);
      ends[node] = i;
    });
    this.#ends = Int32Array.from(ends);
    this.#lengths = Int32Array.from(patterns, (p) => p.length);
    this.#fail = new Int32Array(ends.length);
    this.#outLink = new Int32Array(ends.length).fill(-1);
    this.#link();
  }

  /** Breadth first: a node's fail link is the longest proper suffix of its string that is a prefix of some pattern. */
  #link(): void {
    const queue: number[] = [];
    for (const to of this.#next[0]!.values()) queue.push(to);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, to] of this.#next[node]!) {
        let f = this.#fail[node]!;
        while (f !== 0 && !this.#next[f]!.has(c)) f = this.#fail[f]!;
        const target = this.#next[f]!.get(c);
        const fail = target !== undefined && target !== to ? target : 0;
        this.#fail[to] = fail;
        this.#outLink[to] = this.#ends[fail] !== -1 ? fail : this.#outLink[fail]!;
        queue.push(to);
      }
    }
  }

  /** Scans `text`; returns the number of matches, read with `start(i)`, `end(i)` and `pattern(i)`. */
  scan(text: string): number {
    let n = 0;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.#next[node]!.get(c);
      while (to === undefined && node !== 0) {
        node = this.#fail[node]!;
        to = this.#next[node]!.get(c);
      }
      node = to ?? 0;
      for (let o = this.#ends[node] !== -1 ? node : this.#outLink[node]!; o !== -1; o = this.#outLink[o]!) {
        if (n === this.#starts.length) this.#grow();
        const p = this.#ends[o]!;
        this.#patterns[n] = p;
        this.#hitEnds[n] = i + 1;
        this.#starts[n] = i + 1 - this.#lengths[p]!;
        n++;
      }
    }
    return n;
  }

  start(i: number): number {
    return this.#starts[i]!;
  }
  end(i: number): number {
    return this.#hitEnds[i]!;
  }
  pattern(i: number): number {
    return this.#patterns[i]!;
  }

  #grow(): void {
    const size = this.#starts.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.#starts = grow(this.#starts);
    this.#hitEnds = grow(this.#hitEnds);
    this.#patterns = grow(this.#patterns);
  }
}
