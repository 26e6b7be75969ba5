// npm start's build step: builds only what changed since the last build, so a restart does not wait for tsc and Vite.
// The server (tsc) is rebuilt when a server source, a tsconfig or the lock file changed, or dist lacks its entry point;
// the web app (Vite) when a web source or the lock file changed, or dist/web lacks its page. What was built is
// remembered in dist/.build-inputs.json as a hash of the inputs' contents (not their times: a checkout or a copy
// changes times, not contents). Plain JavaScript: it runs before anything is compiled. `--all` (npm run build)
// builds both whatever changed, and remembers them too.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// --root DIR: another tree (the tests' copy); --dry-run: say what would be built, build nothing
const root = path.resolve(arg('--root') ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..'));
const dryRun = process.argv.includes('--dry-run');
const STAMP = path.join(root, 'dist', '.build-inputs.json');

/** Every file under `dir` (relative to the root) that `keep` accepts, sorted. */
function files(dir, keep) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, d), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(rel);
      } else if (keep(rel)) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

function hashOf(list) {
  const h = createHash('sha256');
  for (const f of list) {
    h.update(f);
    h.update('\0');
    h.update(existsSync(path.join(root, f)) ? readFileSync(path.join(root, f)) : '');
    h.update('\0');
  }
  return h.digest('hex');
}

const ts = (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.e2e-spec.ts');
const server = hashOf([
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  ...['apps', 'libs', 'scripts', 'bench', 'prisma-free-migrations'].flatMap((d) => files(d, (f) => ts(f) && !f.startsWith(path.join('apps', 'web')))),
]);
const web = hashOf(['package-lock.json', ...files(path.join('apps', 'web'), () => true)]);

const all = process.argv.includes('--all');
let stamp = {};
try {
  if (!all) stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
} catch {
  /* first build */
}
let due = 0;
const run = (what, cmd, args) => {
  due++;
  if (dryRun) return console.log(`would build: ${what}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`${what} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
const save = () => {
  if (dryRun) return;
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, JSON.stringify(stamp));
};

if (stamp.server !== server || !existsSync(path.join(root, 'dist', 'apps', 'api', 'src', 'main.js'))) {
  delete stamp.server;
  save(); // a failed build must not look done
  run('server', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  stamp.server = server;
  save();
}
if (stamp.web !== web || !existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
  delete stamp.web;
  save();
  run('web app', 'npm', ['run', '--silent', 'build:web']);
  stamp.web = web;
  save();
}
if (dryRun && !due) console.log('would build: nothing');
