import type { EntityManager } from 'typeorm';

/**
 * The coverage target in force for a region in a year, the one rule every report uses (regionCoverage, its trend,
 * the breakdown and their CSV/Excel tables): the region itself or, failing that, its nearest ancestor that has set a
 * target for that year or an earlier one; of that region's targets, the latest such year. A target so carries
 * forward to later years until the same region replaces it, and a region's own target wins over its ancestors'.
 *
 * SQL over `regions` (a uuid[] expression) × `years` (an int[] expression), one row per (region_id, asked_year)
 * that has a target: target_region, target_year, ratio.
 */
export function targetsInForce(regions: string, years: string): string {
  return `SELECT DISTINCT ON (r.id, y.year) r.id AS region_id, y.year AS asked_year, t.region_id AS target_region, t.year AS target_year, t.ratio
    FROM region r CROSS JOIN unnest(${years}) AS y(year)
    JOIN coverage_target t ON t.region_id = ANY(r.path) AND t.year <= y.year
   WHERE r.id = ANY(${regions})
   ORDER BY r.id, y.year, array_position(r.path, t.region_id) DESC, t.year DESC`;
}

/** Sets (or replaces) a region's target for a year, as of `at` (setCoverageTarget passes the request's instant). */
export async function writeCoverageTarget(em: EntityManager, regionId: string, year: number, ratio: number, setBy: string | null, at: Date): Promise<void> {
  await em.query(
    `INSERT INTO coverage_target (region_id, year, ratio, set_by, updated_at) VALUES ($1, $2, $3, $4, $5::timestamptz)
     ON CONFLICT (region_id, year) DO UPDATE SET ratio = EXCLUDED.ratio, set_by = EXCLUDED.set_by, updated_at = EXCLUDED.updated_at`,
    [regionId, year, ratio, setBy, at],
  );
}
