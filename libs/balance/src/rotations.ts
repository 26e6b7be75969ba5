import { MinCostFlow } from '#app/core';

/**
 * The teacher moves that lower one teacher-based coefficient (QUALIFIED, BACKBONE or PE_ARTS of a stage) most.
 *
 * With the students fixed, moves do not change the county mean X̄ (the teachers stay in the county), so
 *   Σ Pᵢ (Xᵢ − X̄)² = Σ (100 cᵢ)² / Pᵢ − P X̄²        (Xᵢ = 100 cᵢ / Pᵢ, cᵢ the school's count)
 * and the coefficient falls exactly when D = Σ (100 cᵢ)² / Pᵢ does: a sum of one convex function per school. A move
 * takes one counted teacher from a school to another: one unit of flow source → school i (giving) → school j
 * (taking) → sink, where the k-th unit given by i costs Dᵢ(cᵢ − k) − Dᵢ(cᵢ − k + 1) and the k-th taken by j costs
 * Dⱼ(cⱼ + k) − Dⱼ(cⱼ + k − 1); both rise with k (convexity), so unit arcs model them exactly. Successive shortest paths
 * then give, for every number of moves m, the m moves of least D (a later path may reroute an earlier move: what a
 * greedy choice of the best single move cannot do). It stops at the goal, at maxMoves, or when no move lowers D.
 */
export interface FlowSchool {
  students: number;
  /** counted teachers now */
  count: number;
  /** how many of them may leave (the school keeps a teacher of each subject it has) */
  removable: number;
}

export interface Transfers {
  /** [from, to] by index, one per move */
  moves: [number, number][];
  /** D = Σ (100 cᵢ)² / Pᵢ before any move, and after each number of moves */
  d: number[];
}

/** D = Σ (100 cᵢ)² / Pᵢ of the counts. */
export const squaresOf = (schools: readonly { students: number; count: number }[]) => schools.reduce((s, x) => s + (100 * x.count) ** 2 / x.students, 0);

/** The coefficient from D (X̄ and P fixed): √((D − P X̄²) / P) / X̄, null when X̄ is 0. */
export function coefficientOf(d: number, schools: readonly { students: number; count: number }[]): number | null {
  const P = schools.reduce((s, x) => s + x.students, 0);
  const mean = (100 * schools.reduce((s, x) => s + x.count, 0)) / P;
  return mean > 0 ? Math.sqrt(Math.max(0, d - P * mean * mean) / P) / mean : null;
}

/** The D at which the coefficient is exactly `threshold`: P X̄² (1 + threshold²). */
export function squaresAt(threshold: number, schools: readonly { students: number; count: number }[]): number {
  const P = schools.reduce((s, x) => s + x.students, 0);
  const mean = (100 * schools.reduce((s, x) => s + x.count, 0)) / P;
  return P * mean * mean * (1 + threshold * threshold);
}

export function bestTransfers(schools: readonly FlowSchool[], allowed: (from: number, to: number) => boolean, maxMoves: number, goal = -Infinity): Transfers {
  const n = schools.length;
  const S = 0;
  const T = 2 * n + 1;
  const net = new MinCostFlow(T + 1);
  const d = (i: number, c: number) => (100 * c) ** 2 / schools[i].students;
  for (let i = 0; i < n; i++) for (let k = 1; k <= Math.min(schools[i].removable, schools[i].count, maxMoves); k++) net.addArc(S, 1 + i, 1, d(i, schools[i].count - k) - d(i, schools[i].count - k + 1));
  const pair = new Map<number, [number, number]>();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && schools[i].removable > 0 && allowed(i, j)) pair.set(net.addArc(1 + i, 1 + n + j, maxMoves, 0), [i, j]);
  for (let j = 0; j < n; j++) for (let k = 1; k <= maxMoves; k++) net.addArc(1 + n + j, T, 1, d(j, schools[j].count + k) - d(j, schools[j].count + k - 1));
  const steps = [squaresOf(schools)];
  while (steps.length <= maxMoves && steps.at(-1)! > goal) {
    const path = net.cheapestPath(S, T);
    if (!path || path.cost >= -1e-9) break;
    net.push(path.arcs);
    steps.push(steps.at(-1)! + path.cost);
  }
  const moves: [number, number][] = [];
  for (const [id, [i, j]] of pair) for (let u = 0; u < net.flow(id); u++) moves.push([i, j]);
  return { moves, d: steps };
}

/** The greedy alternative (the single move that lowers D most, again and again), kept to show in tests why it is not used. */
export function greedyTransfers(schools: readonly FlowSchool[], allowed: (from: number, to: number) => boolean, maxMoves: number): Transfers {
  const state = schools.map((s) => ({ ...s }));
  const steps = [squaresOf(state)];
  const moves: [number, number][] = [];
  for (let m = 0; m < maxMoves; m++) {
    let best: [number, number, number] | null = null;
    for (let i = 0; i < state.length; i++)
      for (let j = 0; j < state.length; j++) {
        if (i === j || state[i].removable <= 0 || state[i].count <= 0 || !allowed(i, j)) continue;
        const delta = ((100 * (state[i].count - 1)) ** 2 - (100 * state[i].count) ** 2) / state[i].students + ((100 * (state[j].count + 1)) ** 2 - (100 * state[j].count) ** 2) / state[j].students;
        if (delta < -1e-9 && (!best || delta < best[2] - 1e-12)) best = [i, j, delta];
      }
    if (!best) break;
    const [i, j, delta] = best;
    state[i].count--, state[i].removable--, state[j].count++;
    moves.push([i, j]);
    steps.push(steps.at(-1)! + delta);
  }
  return { moves, d: steps };
}
