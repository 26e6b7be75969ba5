import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve('.');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const libOf = (file: string) => {
  const [top, name] = relative(ROOT, file).split(sep);
  return top === 'libs' ? name : null;
};

/** Imports between libs go through their index as #app/<context> (package.json "imports"), never by relative path. */
describe('imports between libs', () => {
  it('name another context only as #app/<context>', () => {
    const crossing: string[] = [];
    for (const base of ['libs', 'apps/api', 'test', 'bench'])
      for (const file of sources(join(ROOT, base))) {
        const from = libOf(file);
        for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
          const target = resolve(dirname(file), m[1]);
          const to = libOf(target);
          if (to && to !== from) crossing.push(`${relative(ROOT, file)} → ${m[1]}`);
        }
      }
    expect(crossing).toEqual([]);
  });

  it('resolve #app/<context> to each context’s index', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.imports['#app/*']).toEqual({ types: './libs/*/src/index.ts', default: './dist/libs/*/src/index.js' });
    for (const lib of readdirSync(join(ROOT, 'libs'))) expect(readdirSync(join(ROOT, 'libs', lib, 'src'))).toContain('index.ts');
  });
});
