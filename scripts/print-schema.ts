import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printAppSchema, SCHEMA_FILE } from '../apps/api/src/schema-sdl';

printAppSchema().then(
  (sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE} (${sdl.split('\n').length} lines)`);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
