import { MinCostFlow } from '#app/core';

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
  const net = new MinCostFlow(T + 1);
  for (let m = 0; m < mentors; m++) if (capacity[m] > 0) net.addArc(S, 1 + m, capacity[m], 0);
  const pairArc = new Map<number, Edge>();
  for (const e of edges) {
    if (e.score <= 0) continue;
    pairArc.set(net.addArc(1 + e.mentor, 1 + mentors + e.apprentice, 1, -e.score), e);
  }
  for (let a = 0; a < apprentices; a++) net.addArc(1 + mentors + a, T, 1, 0);
  net.augmentWhile(S, T); // stop before a path that would lower the total
  return [...pairArc.entries()].filter(([id]) => net.flow(id) === 1).map(([, e]) => e);
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
