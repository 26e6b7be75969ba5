/**
 * A min-cost flow network solved by successive shortest paths: each `augment()` sends one more unit from the source
 * to the sink along the cheapest path with capacity left (Bellman–Ford, so costs may be negative), which keeps the
 * flow of each value the cheapest of that value. Convex costs are given as unit arcs of rising cost (the cheaper
 * units are then always used first). Used for mentoring (the best pairs) and for balancing rotations (the moves
 * that lower a coefficient most). Deterministic: ties go to the arcs added first.
 */
export class MinCostFlow {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly initial: number[] = [];
  private readonly head: number[][];

  constructor(readonly nodes: number) {
    this.head = Array.from({ length: nodes }, () => []);
  }

  /** An arc u → v of capacity `cap` and cost per unit `cost`; returns its id (for `flow`). */
  addArc(u: number, v: number, cap: number, cost: number): number {
    const id = this.to.length;
    this.head[u].push(id);
    this.to.push(v), this.cap.push(cap), this.cost.push(cost), this.initial.push(cap);
    this.head[v].push(id + 1);
    this.to.push(u), this.cap.push(0), this.cost.push(-cost), this.initial.push(0);
    return id;
  }

  /** The units the arc carries. */
  flow(id: number): number {
    return this.initial[id] - this.cap[id];
  }

  /** The cheapest path from `s` to `t` with capacity left: its cost and arcs, or null when there is none. */
  cheapestPath(s: number, t: number): { cost: number; arcs: number[] } | null {
    const n = this.nodes;
    const dist = new Array<number>(n).fill(Infinity);
    const via = new Array<number>(n).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        for (const id of this.head[u]) {
          if (this.cap[id] > 0 && dist[u] + this.cost[id] < dist[this.to[id]] - 1e-9) {
            dist[this.to[id]] = dist[u] + this.cost[id];
            via[this.to[id]] = id;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[t] === Infinity) return null;
    const arcs: number[] = [];
    for (let v = t; v !== s; v = this.to[via[v] ^ 1]) arcs.push(via[v]);
    return { cost: dist[t], arcs: arcs.reverse() };
  }

  /** Sends one unit along the path's arcs. */
  push(arcs: readonly number[]): void {
    for (const id of arcs) {
      this.cap[id] -= 1;
      this.cap[id ^ 1] += 1;
    }
  }

  /** Sends units from `s` to `t` while the next unit's path costs less than `below` (default 0: while it lowers the total). */
  augmentWhile(s: number, t: number, below = 0): number {
    let total = 0;
    for (;;) {
      const path = this.cheapestPath(s, t);
      if (!path || path.cost >= below) return total;
      this.push(path.arcs);
      total += path.cost;
    }
  }
}
