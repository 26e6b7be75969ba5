/**
 * Maximum-weight assignment with capacities: each apprentice gets at most one mentor, each mentor at most
 * `capacity[m]` apprentices, and the total score is as large as possible (pairs with score ≤ 0 are never
 * made). Solved exactly as a min-cost flow (source → mentor → apprentice → sink, cost = −score) by
 * successive shortest paths (Bellman–Ford, since costs are negative), stopping as soon as another pair
 * would no longer raise the total. Deterministic: ties go to the lower indices.
 */
export interface Edge {
  mentor: number;
  apprentice: number;
  score: number;
}

export function optimalAssignment(mentors: number, apprentices: number, capacity: number[], edges: Edge[]): Edge[] {
  const S = 0;
  const T = 1 + mentors + apprentices;
  const n = T + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const head: number[][] = Array.from({ length: n }, () => []);
  const add = (u: number, v: number, c: number, w: number) => {
    head[u].push(to.length);
    to.push(v), cap.push(c), cost.push(w);
    head[v].push(to.length);
    to.push(u), cap.push(0), cost.push(-w);
  };
  for (let m = 0; m < mentors; m++) if (capacity[m] > 0) add(S, 1 + m, capacity[m], 0);
  const pairEdge = new Map<number, Edge>();
  for (const e of edges) {
    if (e.score <= 0) continue;
    pairEdge.set(to.length, e);
    add(1 + e.mentor, 1 + mentors + e.apprentice, 1, -e.score);
  }
  for (let a = 0; a < apprentices; a++) add(1 + mentors + a, T, 1, 0);

  for (;;) {
    const dist = new Array<number>(n).fill(Infinity);
    const via = new Array<number>(n).fill(-1);
    dist[S] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        for (const id of head[u]) {
          if (cap[id] > 0 && dist[u] + cost[id] < dist[to[id]] - 1e-9) {
            dist[to[id]] = dist[u] + cost[id];
            via[to[id]] = id;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[T] >= 0) break; // no path, or one that would lower the total
    for (let v = T; v !== S; v = to[via[v] ^ 1]) {
      cap[via[v]] -= 1;
      cap[via[v] ^ 1] += 1;
    }
  }
  return [...pairEdge.entries()].filter(([id]) => cap[id] === 0).map(([, e]) => e);
}

/** The greedy alternative (best remaining pair first), kept to show in tests why it is not used. */
export function greedyAssignment(mentors: number, capacity: number[], edges: Edge[]): Edge[] {
  const left = [...capacity];
  const taken = new Set<number>();
  const out: Edge[] = [];
  for (const e of [...edges].filter((x) => x.score > 0).sort((a, b) => b.score - a.score)) {
    if (left[e.mentor] > 0 && !taken.has(e.apprentice)) {
      left[e.mentor]--;
      taken.add(e.apprentice);
      out.push(e);
    }
  }
  void mentors;
  return out;
}
