// Aho–Corasick over words: every occurrence of every phrase of a fixed list in one left-to-right pass over a text's
// words, however many phrases there are and however they overlap. Built once per list (at module load). Pure.
import { work } from './work.ts';

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Indexes of the phrases that end here, including those reached through failure links. */
  out: number[];
}

export class TokenAutomaton {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  /** Length in words of each phrase, by index. */
  readonly lengths: number[];

  constructor(phrases: readonly (readonly string[])[]) {
    this.lengths = phrases.map((p) => p.length);
    phrases.forEach((words, index) => {
      if (words.length === 0) return;
      let at = 0;
      for (const w of words) {
        let to = this.nodes[at]!.next.get(w);
        if (to === undefined) {
          to = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [] });
          this.nodes[at]!.next.set(w, to);
        }
        at = to;
      }
      this.nodes[at]!.out.push(index);
    });
    // Breadth first: a node's failure link is the longest proper suffix of its path that is also a path.
    const queue: number[] = [...this.nodes[0]!.next.values()];
    for (let q = 0; q < queue.length; q++) {
      const node = this.nodes[queue[q]!]!;
      for (const [w, child] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(w)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(w);
        const c = this.nodes[child]!;
        c.fail = target !== undefined && target !== child ? target : 0;
        c.out.push(...this.nodes[c.fail]!.out);
        queue.push(child);
      }
    }
  }

  /** Calls `found(start, phrase)` for every occurrence, `start` being the index of its first word in `words`. */
  scan(words: readonly string[], found: (start: number, phrase: number) => void): void {
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // Each failure step undoes one of the earlier forward steps, so the loop is linear in the text overall.
      while (at !== 0 && !this.nodes[at]!.next.has(w)) {
        at = this.nodes[at]!.fail;
        work.steps++;
      }
      at = this.nodes[at]!.next.get(w) ?? 0;
      work.steps++;
      for (const p of this.nodes[at]!.out) {
        work.steps++;
        found(i - this.lengths[p]! + 1, p);
      }
    }
  }
}
