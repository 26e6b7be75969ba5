import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { signToken, startEmbeddedPostgres } from '#app/core';
import { spawnServer } from './load';

/**
 * npm run bench:import: a county's 10,000 teachers (BENCH_IMPORT_TEACHERS) in one .xlsx over 100 schools, imported by
 * the county bureau through POST /imports/teachers: a dry run, the import, and the same file again (nothing changes).
 * Prints each one's wall time and rows per second (the server a process of its own, on embedded PostgreSQL).
 */
const TEACHERS = Number(process.env.BENCH_IMPORT_TEACHERS ?? 10_000);
const SCHOOLS = 100;
const SECRET = 'bench-import-secret-at-least-32-bytes-long';
const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '音乐', '美术', '体育'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-import-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir, log: () => undefined });
  await (await spawnServer(pg.url, { JWT_SECRET: SECRET })).stop(); // applies the migrations
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  const county = randomUUID();
  const admin = randomUUID();
  await db.query(`INSERT INTO region (id, name, level, path) VALUES ($1, '压测县', 'COUNTY', ARRAY[$1]::uuid[])`, [county]);
  for (let i = 0; i < SCHOOLS; i++) {
    await db.query(`INSERT INTO school (id, name, region_id, stage, locale, student_count, teacher_count) VALUES ($1, $2, $3, 'PRIMARY', 'RURAL', 400, 100)`, [randomUUID(), `压测县第${i + 1}小学`, county]);
  }
  await db.query(`INSERT INTO app_user (id, email, password_hash, display_name) VALUES ($1, 'bench-bureau@example.cn', '!', '压测县教育局')`, [admin]);
  await db.query(`INSERT INTO role_grant (user_id, role, scope_id) VALUES ($1, 'REGION_ADMIN', $2)`, [admin, county]);
  await db.end();

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教师');
  ws.addRow(['姓名', '学校', '教职工号', '任教学科', '学段', '职称', '教龄', '荣誉']);
  for (let i = 0; i < TEACHERS; i++) {
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length];
    ws.addRow([name, `压测县第${(i % SCHOOLS) + 1}小学`, `B${String(i).padStart(6, '0')}`, SUBJECTS[i % SUBJECTS.length], '小学', ['一级教师', '二级教师', '高级教师'][i % 3], String(i % 35), i % 10 === 0 ? '骨干教师' : null]);
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const server = await spawnServer(pg.url, { JWT_SECRET: SECRET });
  try {
    const token = signToken(SECRET, admin, 3600);
    console.log(`Import of ${TEACHERS.toLocaleString('en')} teachers (${(file.length / 1024).toFixed(0)} KB .xlsx, ${SCHOOLS} schools); ${os.cpus().length} cores, Node ${process.version}\n`);
    console.log('| run | wall s | rows/s | created | updated | unchanged | errors |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [label, dry] of [['dry run', true], ['import', false], ['same file again', false]] as const) {
      const form = new FormData();
      form.append('file', new Blob([file]), '教师.xlsx');
      const t0 = performance.now();
      const res = await fetch(`${server.url}/imports/teachers?dryRun=${dry}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as any;
      const s = (performance.now() - t0) / 1000;
      if (res.status !== 200 || body.errors?.length) throw new Error(`${label}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
      console.log(`| ${label} | ${s.toFixed(1)} | ${Math.round(TEACHERS / s).toLocaleString('en')} | ${body.created} | ${body.updated} | ${body.unchanged} | ${body.errors.length} |`);
    }
  } finally {
    await server.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
