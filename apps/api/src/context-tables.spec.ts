import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * STYLE habit 13, checked on the sources: a context's SQL names only its own tables, and it calls no entity
 * manager method on another context's entities; what it needs from another context it asks through that context's
 * index (organisation's Directory and scope-rules fragments, research's ResearchSessions and SessionPlanLinks,
 * activity's Exchanges, identity's Accounts). The fragments of organisation/src/access/scope-rules.ts read organisation's tables inside
 * other contexts' SQL by design: they are organisation's exported queries, so they are not in the other files' text.
 */
const LIBS = join(process.cwd(), 'libs');
const CHECKED = ['lesson-prep', 'research', 'activity', 'mentoring', 'imports', 'notifications', 'balance'];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );

/** Tables without an entity, by owner. */
const EXTRA_TABLES: Record<string, string[]> = { activity: ['rotation_quota'], research: ['session_presence'] };

function owned(lib: string) {
  const tables = new Set(EXTRA_TABLES[lib] ?? []);
  const entities = new Set<string>();
  for (const file of sources(join(LIBS, lib, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)\s*export class (\w+)/g)) {
      tables.add(m[1]);
      entities.add(m[2]);
    }
  }
  return { tables, entities };
}


describe('contexts own their tables', () => {
  const libs = readdirSync(LIBS).filter((l) => l !== 'core');
  const owners = Object.fromEntries(libs.map((l) => [l, owned(l)]));

  it.each(CHECKED)('%s names only its own tables in SQL and calls the entity manager only with its own entities', (lib) => {
    const foreignTables = new Map(libs.filter((l) => l !== lib).flatMap((l) => [...owners[l].tables].map((t) => [t, l] as const)));
    const foreignEntities = new Map(libs.filter((l) => l !== lib).flatMap((l) => [...owners[l].entities].map((e) => [e, l] as const)));
    const found: string[] = [];
    for (const file of sources(join(LIBS, lib, 'src'))) {
      const rel = file.slice(LIBS.length + 1);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([a-z_]+)\b/g))
        if (foreignTables.has(m[1])) found.push(`${rel}: table ${m[1]} (${foreignTables.get(m[1])})`);
      for (const m of text.matchAll(/\bem\.\w+\(\s*(\w+)\b/g))
        if (foreignEntities.has(m[1])) found.push(`${rel}: entity ${m[1]} (${foreignEntities.get(m[1])})`);
    }
    expect(found).toEqual([]);
  });

  it('finds the tables it checks (the patterns still match the code)', () => {
    expect([...owners['lesson-prep'].tables]).toEqual(expect.arrayContaining(['lesson_plan', 'lesson_prep_team']));
    expect([...owners.organisation.tables]).toEqual(expect.arrayContaining(['teacher', 'school_group', 'group_membership', 'school', 'region']));
    expect([...owners.organisation.entities]).toEqual(expect.arrayContaining(['Teacher', 'SchoolGroup']));
    // the entity pattern matches a write of the kind it forbids (mentoring's capacity goes through organisation's Directory)
    expect([...readFileSync(join(LIBS, 'organisation/src/directory.ts'), 'utf8').matchAll(/\bem\.\w+\(\s*(\w+)\b/g)].map((m) => m[1])).toContain('SchoolGroup');
  });
});
