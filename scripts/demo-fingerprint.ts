import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemo } from '../apps/api/src/demo/seed-demo';
import { withApp } from './with-app';

/**
 * node dist/scripts/demo-fingerprint.js: seeds the demo into a fresh embedded database (a temporary folder) and
 * prints, per table, the row count and an md5 over its rows ordered by primary key, so a refactor of the demo can
 * show it loads the same rows; and an md5 of the keys alone (what test/demo.e2e-spec.ts checks). Left out: password hashes (salted). Timestamps taken from the wall clock while the
 * seed ran are shown as NOW (the demo's own instants are fixed); the script says how many it found, per column.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'demo-fingerprint-'));
process.env.DATA_DIR = dir;
process.env.EMBEDDED_PG_PORT ??= String(55000 + Math.floor(Math.random() * 4000));
delete process.env.DATABASE_URL;
const EXCLUDED = new Set(['app_user.password_hash']);

withApp(async (app) => {
  const ds = app.get(DataSource);
  const [{ before }] = await ds.query(`SELECT clock_timestamp() AS before`);
  const started = Date.now();
  await seedDemo(app);
  const ms = Date.now() - started;
  const [{ after }] = await ds.query(`SELECT clock_timestamp() AS after`);
  const tables: { table: string }[] = await ds.query(
    `SELECT table_name AS table FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
  );
  const wallClock: string[] = [];
  for (const { table } of tables) {
    const columns: { name: string; type: string }[] = await ds.query(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const key: { name: string }[] = await ds.query(
      `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
      [table],
    );
    const order = (key.length ? key : columns).map((c) => `"${c.name}"`).join(', ');
    const kept = columns.filter((c) => !EXCLUDED.has(`${table}.${c.name}`));
    for (const c of kept.filter((c) => c.type.startsWith('timestamp'))) {
      const [{ n }] = await ds.query(`SELECT count(*)::int n FROM "${table}" WHERE "${c.name}" BETWEEN $1 AND $2`, [before, after]);
      if (n > 0) wallClock.push(`${table}.${c.name}: ${n}`);
    }
    const expr = kept
      .map((c) => (c.type.startsWith('timestamp') ? `CASE WHEN "${c.name}" BETWEEN $1 AND $2 THEN 'NOW' ELSE "${c.name}"::text END` : `"${c.name}"::text`))
      .map((e) => `coalesce(${e}, '∅')`)
      .join(` || '|' || `);
    const [{ n, md5 }] = await ds.query(`SELECT count(*)::int n, coalesce(md5(string_agg(${expr}, E'\\n' ORDER BY ${order})), '-') md5 FROM "${table}" WHERE $1::timestamptz <= $2::timestamptz`, [before, after]);
    const keyExpr = (key.length ? key : columns).map((c) => `"${c.name}"::text`).join(` || '|' || `);
    const [{ keys }] = await ds.query(`SELECT coalesce(md5(string_agg(${keyExpr}, ',' ORDER BY ${order})), '-') keys FROM "${table}"`);
    console.log(`${table.padEnd(32)} ${String(n).padStart(7)} ${md5} keys ${keys}`);
  }
  console.log(`wall-clock timestamps (shown as NOW): ${wallClock.join(', ') || 'none'}`);
  console.error(`seedDemo took ${ms} ms`);
});
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
