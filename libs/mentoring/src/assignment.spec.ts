import { describe, expect, it } from '@jest/globals';
import { greedyAssignment, optimalAssignment, type Edge } from './assignment';

const total = (es: Edge[]) => es.reduce((a, e) => a + e.score, 0);

describe('optimal mentor assignment', () => {
  it('beats greedy where the best single pair blocks a better whole', () => {
    // 周老师 (mentor 0) suits both apprentices best; 吴老师 (mentor 1) can only take apprentice 0.
    const edges: Edge[] = [
      { mentor: 0, apprentice: 0, score: 100 },
      { mentor: 0, apprentice: 1, score: 90 },
      { mentor: 1, apprentice: 0, score: 80 },
    ];
    const greedy = greedyAssignment(2, [1, 1], edges);
    const best = optimalAssignment(2, 2, [1, 1], edges);
    expect(total(greedy)).toBe(100); // 周→0, and nobody left for 1
    expect(total(best)).toBe(170); // 周→1, 吴→0
    expect(best.map((e) => [e.mentor, e.apprentice]).sort()).toEqual([[0, 1], [1, 0]]);
  });

  it('respects capacities and never pairs an apprentice twice', () => {
    const edges: Edge[] = [];
    for (let m = 0; m < 3; m++) for (let a = 0; a < 7; a++) edges.push({ mentor: m, apprentice: a, score: 10 + ((m * 7 + a * 3) % 11) });
    const best = optimalAssignment(3, 7, [2, 1, 3], edges);
    for (let m = 0; m < 3; m++) expect(best.filter((e) => e.mentor === m).length).toBeLessThanOrEqual([2, 1, 3][m]);
    expect(new Set(best.map((e) => e.apprentice)).size).toBe(best.length);
    expect(best).toHaveLength(6);
    // brute force over all assignments confirms optimality
    let bruteBest = 0;
    const rec = (a: number, used: number[], sum: number) => {
      if (a === 7) return void (bruteBest = Math.max(bruteBest, sum));
      rec(a + 1, used, sum);
      for (let m = 0; m < 3; m++) {
        if (used[m] < [2, 1, 3][m]) {
          used[m]++;
          rec(a + 1, used, sum + edges.find((e) => e.mentor === m && e.apprentice === a)!.score);
          used[m]--;
        }
      }
    };
    rec(0, [0, 0, 0], 0);
    expect(total(best)).toBe(bruteBest);
  });

  it('leaves out pairs that score nothing and mentors without room', () => {
    expect(optimalAssignment(2, 1, [0, 1], [{ mentor: 0, apprentice: 0, score: 50 }, { mentor: 1, apprentice: 0, score: 0 }])).toEqual([]);
  });
});
