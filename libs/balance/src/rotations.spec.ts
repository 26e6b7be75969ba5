import { describe, expect, it } from '@jest/globals';
import { Prng } from '../../../apps/api/src/demo/plans/kit';
import { bestTransfers, coefficientOf, greedyTransfers, squaresAt, squaresOf, type FlowSchool } from './rotations';

/** The least D with at most `m` moves, by trying every sequence of moves (small instances only). */
function bruteForce(schools: readonly FlowSchool[], allowed: (i: number, j: number) => boolean, m: number): number[] {
  const best = new Array<number>(m + 1).fill(Infinity);
  const walk = (counts: number[], left: number[], depth: number) => {
    const d = squaresOf(schools.map((s, i) => ({ ...s, count: counts[i] })));
    for (let k = depth; k <= m; k++) best[k] = Math.min(best[k], d);
    if (depth === m) return;
    for (let i = 0; i < schools.length; i++)
      for (let j = 0; j < schools.length; j++) {
        if (i === j || left[i] <= 0 || counts[i] <= 0 || !allowed(i, j)) continue;
        const c = [...counts];
        const l = [...left];
        c[i]--, c[j]++, l[i]--;
        walk(c, l, depth + 1);
      }
  };
  walk(schools.map((s) => s.count), schools.map((s) => s.removable), 0);
  return best;
}

describe('bestTransfers (convex min-cost flow)', () => {
  it('finds the least Σ (100c)²/P for every number of moves, as trying every sequence does', () => {
    const rng = new Prng(20261207);
    for (let round = 0; round < 60; round++) {
      const n = rng.int(3, 5);
      const schools: FlowSchool[] = Array.from({ length: n }, () => {
        const count = rng.int(0, 4);
        return { students: rng.int(40, 400), count, removable: rng.int(0, count) };
      });
      const arcs = new Set<string>();
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng.chance(0.6)) arcs.add(`${i} ${j}`);
      const allowed = (i: number, j: number) => arcs.has(`${i} ${j}`);
      const m = rng.int(1, 3);
      const brute = bruteForce(schools, allowed, m);
      const found = bestTransfers(schools, allowed, m);
      // d[k] is the least D with exactly k moves while moving still helps; with at most m moves: the last one reached
      for (let k = 0; k <= m; k++) expect(found.d[Math.min(k, found.d.length - 1)]).toBeCloseTo(brute[k], 6);
      // the moves are real: applying them gives the D it reports, within the givers' limits and the allowed arcs
      const counts = schools.map((s) => s.count);
      const given = schools.map(() => 0);
      for (const [i, j] of found.moves) {
        expect(allowed(i, j)).toBe(true);
        counts[i]--, counts[j]++, given[i]++;
      }
      given.forEach((g, i) => expect(g).toBeLessThanOrEqual(schools[i].removable));
      expect(squaresOf(schools.map((s, i) => ({ ...s, count: counts[i] })))).toBeCloseTo(found.d.at(-1)!, 6);
      expect(found.moves).toHaveLength(found.d.length - 1);
    }
  });

  it('beats the greedy choice where the best first move blocks a better pair of moves', () => {
    // 甲 and 丁 can each give one teacher; 乙 (110 students) and 丙 (100) have none. 甲 may go to 乙 or 丙, 丁 only to 乙.
    // Greedy sends 甲 to 乙 (the best single move), then 丁 to 乙 as well; the optimum sends 甲 to 丙 and 丁 to 乙.
    const schools: FlowSchool[] = [
      { students: 100, count: 3, removable: 1 }, // 甲
      { students: 110, count: 0, removable: 0 }, // 乙
      { students: 100, count: 0, removable: 0 }, // 丙
      { students: 100, count: 3, removable: 1 }, // 丁
    ];
    const arcs = new Set(['0 1', '0 2', '3 1']);
    const allowed = (i: number, j: number) => arcs.has(`${i} ${j}`);
    const greedy = greedyTransfers(schools, allowed, 2);
    const best = bestTransfers(schools, allowed, 2);
    expect(greedy.moves).toEqual([
      [0, 1],
      [3, 1],
    ]);
    expect(best.moves.map(([i, j]) => `${i}→${j}`).sort()).toEqual(['0→2', '3→1']);
    const d0 = squaresOf(schools);
    // by hand: giving one of 3 costs (200² − 300²)/100 = −500; the first into 乙 10000/110, into 丙 100, the second into 乙 30000/110
    expect(greedy.d[2] - d0).toBeCloseTo(-500 + 10000 / 110 - 500 + 30000 / 110, 9);
    expect(best.d[2] - d0).toBeCloseTo(-500 + 100 - 500 + 10000 / 110, 9);
    expect(coefficientOf(best.d[2], schools)!).toBeLessThan(coefficientOf(greedy.d[2], schools)!);
  });

  it('stops at the fewest moves that reach the goal, and when no move lowers D', () => {
    const schools: FlowSchool[] = [
      { students: 100, count: 6, removable: 5 },
      { students: 100, count: 0, removable: 0 },
      { students: 100, count: 0, removable: 0 },
    ];
    const all = () => true;
    const free = bestTransfers(schools, all, 10);
    expect(free.moves).toHaveLength(4); // 2, 2, 2: the counts are equal, another move would raise D
    expect(coefficientOf(free.d.at(-1)!, schools)).toBeCloseTo(0, 9);
    // counts 6, 0, 0: X̄ = 2, S² = (16 + 4 + 4) / 3 = 8, CV = √8 / 2 = 1.41; at most 0.5 needs D ≤ P X̄² (1 + 0.5²)
    const goal = squaresAt(0.5, schools);
    const enough = bestTransfers(schools, all, 10, goal);
    expect(enough.d.at(-1)!).toBeLessThanOrEqual(goal + 1e-9);
    expect(enough.d.at(-2)!).toBeGreaterThan(goal);
    expect(coefficientOf(enough.d.at(-1)!, schools)!).toBeLessThanOrEqual(0.5);
    expect(enough.moves.length).toBeLessThan(free.moves.length);
  });
});
