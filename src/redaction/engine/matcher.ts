/**
 * Aho–Corasick automaton over integer symbols (see normalise.ts), built once per dictionary and
 * shared by every text. One pass over the text finds every occurrence of every pattern, whatever
 * the dictionary size: the cost is proportional to the text length plus the number of matches.
 *
 * Layout: patterns are given as strings whose UTF-16 code units are the symbols. They are sorted,
 * so the trie can be built without a hash table (each pattern shares its longest common prefix with
 * the previous one). Edges are stored CSR-style (per node, a run of (symbol, target) sorted by
 * symbol); the root also has a dense table. Failure links are computed breadth first; `outLink`
 * chains a node to the next node on its failure path that ends a pattern.
 */

/** Nodes with at least this many children get a dense transition row … */
const DENSE_MIN_CHILDREN = 12;
/** … as long as all dense rows together stay under this many entries (4 bytes each). */
const DENSE_BUDGET = 256 * 1024;

export class AhoCorasick {
  /** Number of trie nodes (root included). */
  readonly nodeCount: number;
  /** For each node, the index of the pattern ending exactly there, or -1. */
  readonly nodePattern: Int32Array;
  /** For each node, the nearest proper suffix node (via failure links) that ends a pattern, or -1. */
  readonly outLink: Int32Array;
  /** Pattern lengths in symbols, by pattern index. */
  readonly patternLength: Int32Array;

  private readonly rootNext: Int32Array;
  /** For nodes with many children: index of their dense row in `denseNext`, else -1. */
  private readonly denseRow: Int32Array;
  private readonly denseNext: Int32Array;
  private readonly alphabetSize: number;
  private readonly edgeStart: Int32Array;
  private readonly edgeSym: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly fail: Int32Array;

  /**
   * @param patterns distinct, non-empty symbol strings (code units = symbols, all < alphabetSize, none 0)
   * @param alphabetSize number of symbols (symbol 0 is reserved: it never occurs in a pattern)
   */
  constructor(patterns: readonly string[], alphabetSize: number) {
    const order = patterns.map((_, idx) => idx).sort((x, y) => (patterns[x] < patterns[y] ? -1 : patterns[x] > patterns[y] ? 1 : 0));
    let total = 1;
    for (const p of patterns) {
      if (p.length === 0) throw new RangeError('empty pattern');
      total += p.length;
    }
    // Trie construction from the sorted patterns.
    const parentOf = new Int32Array(total);
    const symOf = new Int32Array(total);
    const nodePattern = new Int32Array(total).fill(-1);
    const depth = new Int32Array(total);
    const path: number[] = [0];
    let nodes = 1;
    let prev = '';
    for (const idx of order) {
      const p = patterns[idx];
      if (p === prev && nodes > 1) throw new RangeError('duplicate pattern');
      let lcp = 0;
      const max = Math.min(p.length, prev.length);
      while (lcp < max && p.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
      let node = path[lcp];
      for (let d = lcp; d < p.length; d++) {
        const sym = p.charCodeAt(d);
        if (sym <= 0 || sym >= alphabetSize) throw new RangeError(`symbol ${sym} outside the alphabet`);
        const child = nodes++;
        parentOf[child] = node;
        symOf[child] = sym;
        depth[child] = d + 1;
        path[d + 1] = child;
        node = child;
      }
      nodePattern[node] = idx;
      prev = p;
    }
    this.nodeCount = nodes;
    this.nodePattern = nodePattern.slice(0, nodes);
    this.patternLength = Int32Array.from(patterns, (p) => p.length);

    // CSR edges. Children were created in increasing symbol order per parent (sorted input) and a
    // stable counting sort by parent keeps that order.
    const edgeStart = new Int32Array(nodes + 1);
    for (let v = 1; v < nodes; v++) edgeStart[parentOf[v] + 1]++;
    for (let u = 0; u < nodes; u++) edgeStart[u + 1] += edgeStart[u];
    const fillAt = edgeStart.slice(0, nodes);
    const edgeSym = new Int32Array(Math.max(nodes - 1, 0));
    const edgeTo = new Int32Array(Math.max(nodes - 1, 0));
    for (let v = 1; v < nodes; v++) {
      const at = fillAt[parentOf[v]]++;
      edgeSym[at] = symOf[v];
      edgeTo[at] = v;
    }
    this.edgeStart = edgeStart;
    this.edgeSym = edgeSym;
    this.edgeTo = edgeTo;
    const rootNext = new Int32Array(alphabetSize);
    for (let e = edgeStart[0]; e < edgeStart[1]; e++) rootNext[edgeSym[e]] = edgeTo[e];
    this.rootNext = rootNext;
    // Dense rows (O(1) transitions) for the few nodes with many children, within a memory budget.
    this.alphabetSize = alphabetSize;
    const denseRow = new Int32Array(nodes).fill(-1);
    const busy: number[] = [];
    for (let u = 1; u < nodes; u++) if (edgeStart[u + 1] - edgeStart[u] >= DENSE_MIN_CHILDREN) busy.push(u);
    busy.sort((x, y) => edgeStart[y + 1] - edgeStart[y] - (edgeStart[x + 1] - edgeStart[x]) || x - y);
    const rows = Math.min(busy.length, Math.floor(DENSE_BUDGET / alphabetSize));
    const denseNext = new Int32Array(rows * alphabetSize).fill(-1);
    for (let r = 0; r < rows; r++) {
      const u = busy[r];
      denseRow[u] = r;
      for (let e = edgeStart[u]; e < edgeStart[u + 1]; e++) denseNext[r * alphabetSize + edgeSym[e]] = edgeTo[e];
    }
    this.denseRow = denseRow;
    this.denseNext = denseNext;

    // Failure links, breadth first.
    const fail = new Int32Array(nodes);
    const outLink = new Int32Array(nodes).fill(-1);
    const queue = new Int32Array(nodes);
    let head = 0;
    let tail = 0;
    for (let e = edgeStart[0]; e < edgeStart[1]; e++) queue[tail++] = edgeTo[e];
    while (head < tail) {
      const u = queue[head++];
      for (let e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
        const v = edgeTo[e];
        const sym = edgeSym[e];
        let f = fail[u];
        let target: number;
        for (;;) {
          target = f === 0 ? rootNext[sym] || -1 : this.child(f, sym);
          if (target !== -1 || f === 0) break;
          f = fail[f];
        }
        fail[v] = target === -1 ? 0 : target;
        outLink[v] = nodePattern[fail[v]] >= 0 ? fail[v] : outLink[fail[v]];
        queue[tail++] = v;
      }
    }
    this.fail = fail;
    this.outLink = outLink;
  }

  /** The child of `node` on `sym`, or -1. */
  child(node: number, sym: number): number {
    const row = this.denseRow[node];
    if (row >= 0) return this.denseNext[row * this.alphabetSize + sym];
    let lo = this.edgeStart[node];
    let hi = this.edgeStart[node + 1];
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (this.edgeSym[lo] === sym) return this.edgeTo[lo];
      return -1;
    }
    hi--;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.edgeSym[mid];
      if (s === sym) return this.edgeTo[mid];
      if (s < sym) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The state after reading `sym` in `state` (symbol 0 always returns to the root). */
  step(state: number, sym: number): number {
    if (sym === 0) return 0;
    let s = state;
    while (s !== 0) {
      const t = this.child(s, sym);
      if (t !== -1) return t;
      s = this.fail[s];
    }
    return this.rootNext[sym];
  }

  /** Every (pattern index, end position) in a symbol array; for tests and small inputs. */
  findAll(symbols: ArrayLike<number>): Array<{ pattern: number; end: number }> {
    const out: Array<{ pattern: number; end: number }> = [];
    let state = 0;
    for (let i = 0; i < symbols.length; i++) {
      state = this.step(state, symbols[i]);
      let node = this.nodePattern[state] >= 0 ? state : this.outLink[state];
      while (node > 0) {
        out.push({ pattern: this.nodePattern[node], end: i + 1 });
        node = this.outLink[node];
      }
    }
    return out;
  }
}
