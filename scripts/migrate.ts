import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runMigrations, schemaDrift } from '#app/core';
import { withDataSource } from './with-data-source';

/**
 * npm run migration:run | migration:revert | migration:generate -- Name
 * Against DATABASE_URL when set, otherwise against the embedded PostgreSQL in DATA_DIR (default .data/).
 */
const [command, name] = process.argv.slice(2);
if (!['run', 'revert', 'generate'].includes(command)) {
  console.error('usage: migrate.js run | revert | generate <Name>');
  process.exit(1);
}
if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
  console.error('generate needs a PascalCase name: npm run migration:generate -- AddSomething');
  process.exit(1);
}

withDataSource(async (ds) => {
  if (command === 'run') {
    const done = await runMigrations(ds, console.log);
    console.log(done.length ? `${done.length} migration(s) applied` : 'Schema is up to date');
  } else if (command === 'revert') {
    await ds.undoLastMigration({ transaction: 'each' });
    console.log('Reverted the last migration');
  } else {
    await runMigrations(ds, console.log);
    const sql = await schemaDrift(ds);
    if (!sql.up.length) {
      console.log('Entities and schema agree: nothing to generate');
    } else {
      const ts = Date.now();
      const cls = `${name}${ts}`;
      const q = (s: string) => '`' + s.replace(/[`\\$]/g, (c) => '\\' + c) + '`';
      const up = sql.up.map((x) => `    await q.query(${q(x)});`).join('\n');
      const down = [...sql.down].reverse().map((x) => `    await q.query(${q(x)});`).join('\n');
      const file = `${ts}-${name}.ts`;
      const dir = path.join(process.cwd(), 'prisma-free-migrations');
      writeFileSync(
        path.join(dir, file),
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      const index = path.join(dir, 'index.ts');
      let src = readFileSync(index, 'utf8');
      src = `import { ${cls} } from './${file.replace(/\.ts$/, '')}';\n` + src;
      src = src.replace(/\];\s*$/, `, ${cls}];\n`);
      writeFileSync(index, src);
      console.log(`Wrote prisma-free-migrations/${file} (${sql.up.length} statements) and listed it in index.ts: review it before committing`);
    }
  }
});
