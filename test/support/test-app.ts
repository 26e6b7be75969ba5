import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, signToken, type AppConfig } from '#app/core';
import { createApp } from '../../apps/api/src/server';

export const TEST_JWT_SECRET = 'test-secret-' + 'x'.repeat(20);

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

/** A real server on a fresh database cloned from the migrated template, listening on a random port. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly databaseUrl: string,
    readonly dbName: string,
    readonly config: AppConfig,
    private readonly ownsDatabase: boolean,
  ) {}

  /** Another API instance on the same database (for multi-instance tests). */
  startSibling(env: Record<string, string> = {}): Promise<TestApp> {
    return TestApp.start(env, this.dbName);
  }

  static async start(env: Record<string, string> = {}, existingDb?: string): Promise<TestApp> {
    const adminUrl = process.env.TEST_PG_ADMIN_URL!;
    const template = process.env.TEST_PG_TEMPLATE!;
    if (!adminUrl || !template) throw new Error('Run tests through jest (globalSetup prepares the database)');
    const dbName = existingDb ?? `sgt_${template.split('_').pop()}_${randomBytes(4).toString('hex')}`;
    if (!existingDb) {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${template}`);
      await admin.end();
    }
    const u = new URL(adminUrl);
    u.pathname = '/' + dbName;
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: u.toString(), PORT: '0', ...env });
    const app = await createApp({ config, databaseUrl: u.toString(), logger: process.env.TEST_LOGS ? ['log', 'warn', 'error'] : false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address();
    return new TestApp(app, `http://127.0.0.1:${port}`, u.toString(), dbName, config, !existingDb);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  async stop() {
    this.app.getHttpServer().closeAllConnections?.();
    await this.app.close();
    if (!this.ownsDatabase) return;
    const admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL! });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.dbName} WITH (FORCE)`);
    await admin.end();
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string | null, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      // English, as an English-speaking API client asks (the API answers zh-CN without the header): tests assert English messages
      headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    return { status: res.status, ...body };
  }

  /** Like gql, but fails the test on any error and returns data. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
    const r = await this.gql<T>(query, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  async sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.db.query(text, params);
  }

  token(userId: string): string {
    return signToken(TEST_JWT_SECRET, userId, 3600);
  }

  // ---------- factories: rows written directly, so each test states only what it is about ----------

  async region(o: { name?: string; level?: string; parentId?: string | null; code?: string } = {}) {
    const id = randomUUID();
    let path = [id];
    if (o.parentId) {
      const [p] = await this.sql(`SELECT path FROM region WHERE id = $1`, [o.parentId]);
      path = [...p.path, id];
    }
    const level = o.level ?? (o.parentId ? 'COUNTY' : 'PROVINCE');
    await this.sql(`INSERT INTO region (id, name, level, parent_id, code, path) VALUES ($1,$2,$3,$4,$5,$6)`, [
      id,
      o.name ?? `区域-${id.slice(0, 6)}`,
      level,
      o.parentId ?? null,
      o.code ?? null,
      path,
    ]);
    return { id, path };
  }

  async school(regionId: string, o: { name?: string; stage?: string; locale?: string; students?: number } = {}) {
    const id = randomUUID();
    await this.sql(
      `INSERT INTO school (id, name, region_id, stage, locale, student_count, teacher_count) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [id, o.name ?? `学校-${id.slice(0, 6)}`, regionId, o.stage ?? 'PRIMARY', o.locale ?? 'URBAN', o.students ?? 500, 40],
    );
    return { id };
  }

  async group(regionId: string, leadSchoolId: string, o: { kind?: string; mode?: string | null; name?: string; foundedOn?: string } = {}) {
    const id = randomUUID();
    const kind = o.kind ?? 'CONSORTIUM';
    const foundedOn = o.foundedOn ?? '2023-09-01';
    await this.sql(
      `INSERT INTO school_group (id, name, kind, mode, region_id, lead_school_id, founded_on) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [id, o.name ?? `共同体-${id.slice(0, 6)}`, kind, kind === 'CONSORTIUM' ? (o.mode === undefined ? 'FUSED' : o.mode) : null, regionId, leadSchoolId, foundedOn],
    );
    await this.sql(`INSERT INTO school_group_profile (group_id, valid_from, mode, level) SELECT id, founded_on, mode, level FROM school_group WHERE id = $1`, [id]);
    await this.sql(`INSERT INTO group_membership (group_id, school_id, group_kind, role, joined_on) VALUES ($1,$2,$3,'LEAD',$4)`, [
      id,
      leadSchoolId,
      kind,
      foundedOn,
    ]);
    return { id };
  }

  async member(groupId: string, schoolId: string, joinedOn = '2024-01-01') {
    await this.sql(
      `INSERT INTO group_membership (group_id, school_id, group_kind, role, pairing, joined_on)
       SELECT id, $2, kind, 'MEMBER', 'STRONG_WEAK', $3 FROM school_group WHERE id = $1`,
      [groupId, schoolId, joinedOn],
    );
  }

  async teacher(schoolId: string, o: { name?: string; subjects?: string[]; email?: string } = {}) {
    const id = randomUUID();
    await this.sql(
      `INSERT INTO teacher (id, name, school_id, subjects, stage, years_of_experience, email, phone) VALUES ($1,$2,$3,$4,'PRIMARY',5,$5,'13800000000')`,
      [id, o.name ?? `教师-${id.slice(0, 4)}`, schoolId, o.subjects ?? ['数学'], o.email ?? `${id.slice(0, 8)}@example.cn`],
    );
    await this.sql(`INSERT INTO teacher_assignment (teacher_id, school_id, from_date) VALUES ($1,$2,'2020-09-01')`, [id, schoolId]);
    return { id };
  }

  /** A user holding one role (or none) and a bearer token for it. Passwords are not hashed here: tokens are signed directly. */
  async user(role?: string, scopeId?: string | null, o: { teacherId?: string; email?: string } = {}) {
    const id = randomUUID();
    await this.sql(`INSERT INTO app_user (id, email, password_hash, display_name, teacher_id) VALUES ($1,$2,'!',$3,$4)`, [
      id,
      o.email ?? `u-${id.slice(0, 8)}@example.cn`,
      `用户-${id.slice(0, 4)}`,
      o.teacherId ?? null,
    ]);
    if (role) await this.sql(`INSERT INTO role_grant (user_id, role, scope_id) VALUES ($1,$2,$3)`, [id, role, scopeId ?? null]);
    return { id, token: this.token(id) };
  }
}

/** The error code of the first GraphQL error, or 'OK'. */
export const codeOf = (r: GqlResult) => (r.errors?.length ? r.errors[0].extensions?.code : 'OK');
