import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { signDownloadLink, signToken, todayInChina } from '#app/core';
import { rebuildRollups } from '#app/reporting';
import { codeOf, TEST_JWT_SECRET, TestApp } from './support/test-app';

/** RFC 4180, as the server writes it: the BOM dropped, sections (tables) split at blank lines. */
function csvTables(text: string): string[][][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && body[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  const tables: string[][][] = [[]];
  for (const r of rows) {
    if (r.length === 1 && r[0] === '') tables.push([]);
    else tables.at(-1)!.push(r);
  }
  return tables;
}

async function workbookOf(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  return wb;
}
const cellsOf = (ws: ExcelJS.Worksheet) =>
  Array.from({ length: ws.rowCount }, (_, r) => Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(r + 1).getCell(c + 1)));
/** A cell as the CSV writes it: ratios with four decimals, user text that could be a formula quoted with '. */
const asCsv = (c: ExcelJS.Cell) =>
  c.value === null || c.value === undefined ? '' : c.numFmt === '0.0%' ? (c.value as number).toFixed(4) : typeof c.value === 'string' && /^[=+\-@]/.test(c.value) ? `'${c.value}` : String(c.value);

describe('report downloads: CSV and Excel, and signed links a browser can follow', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const users: Record<string, { id: string; token: string }> = {};
  const today = todayInChina();
  const year = today.slice(0, 4);
  const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const link = async (path: string, token: string) => {
    const r = await t.gql(`mutation($p: String!) { createDownloadLink(path: $p) { url expiresAt } }`, { p: path }, token);
    return r.data?.createDownloadLink ?? r.errors![0];
  };
  const FORMULAS = ['=HYPERLINK("http://evil.example","点我")', '-2+3', '@SUM(1)', '+1'];

  beforeAll(async () => {
    t = await TestApp.start();
    const city = await t.region({ name: '随州市', level: 'CITY', code: '421300' });
    const a = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id, code: '421321' });
    const b = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id, code: '421381' });
    const lead = await t.school(a.id, { name: '随县炎帝学校', students: 1500 });
    const member = await t.school(a.id, { name: '随县三河小学', students: 87 });
    for (const name of FORMULAS) await t.school(a.id, { name, students: 10 });
    await t.school(b.id, { name: '广水市实验小学', students: 1200 });
    const group = await t.group(a.id, lead.id, { name: '随县炎帝学校教联体', foundedOn: '2023-03-01' });
    await t.member(group.id, member.id, '2023-03-15');
    await t.db.transaction((em) => rebuildRollups(em)); // rows were written directly
    await t.sql(`INSERT INTO coverage_target (region_id, year, ratio) VALUES ($1, $2, 0.7)`, [a.id, Number(year)]);
    Object.assign(ids, { city: city.id, a: a.id, b: b.id, group: group.id });
    users.admin = await t.user('PLATFORM_ADMIN');
    users.city = await t.user('REGION_ADMIN', city.id);
    users.a = await t.user('REGION_ADMIN', a.id);
    users.b = await t.user('REGION_ADMIN', b.id);
    users.manager = await t.user('GROUP_MANAGER', group.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const reports = () => [
    { path: `/reports/groups/${ids.group}/activity`, query: `from=${year}-01-01&to=${year}-12-31`, token: users.manager.token, sheets: ['各校统计', '月度统计', '活动类型', '交流轮岗'] },
    { path: `/reports/regions/${ids.a}/coverage`, query: `asOf=${today}`, token: users.a.token, sheets: ['覆盖情况', '未纳入学校'] },
    { path: `/reports/regions/${ids.a}/activity`, query: `from=${year}-01-01&to=${today}`, token: users.city.token, sheets: ['区域活动', '交流轮岗'] },
    { path: `/reports/regions/${ids.a}/trend`, query: 'months=6', token: users.a.token, sheets: ['覆盖率趋势'] },
    { path: `/reports/regions/${ids.city}/breakdown`, query: `from=${year}-01-01&to=${today}`, token: users.city.token, sheets: ['下级区域'] },
    { path: `/reports/regions/${ids.city}/groups`, query: `from=${year}-01-01&to=${today}`, token: users.city.token, sheets: ['各共同体'] },
  ];

  it('serves every report as CSV and as Excel with the same tables: one sheet each, bold frozen headers, numbers as numbers, ratios as 0.0%', async () => {
    for (const r of reports()) {
      const csv = await get(`${r.path}.csv?${r.query}`, r.token);
      const xlsx = await get(`${r.path}.xlsx?${r.query}`, r.token);
      expect([r.path, csv.status, xlsx.status]).toEqual([r.path, 200, 200]);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z-]+[0-9-]+\.xlsx"$/);
      expect(xlsx.headers.get('cache-control')).toBe('private, no-store');
      const tables = csvTables(await csv.text());
      const wb = await workbookOf(xlsx);
      expect(wb.worksheets.map((w) => w.name)).toEqual(r.sheets);
      expect(tables).toHaveLength(r.sheets.length);
      wb.worksheets.forEach((ws, i) => {
        const cells = cellsOf(ws);
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(cells[0].every((c) => c.font?.bold === true && typeof c.value === 'string' && /^[\u4e00-\u9fff]/.test(c.value))).toBe(true);
        for (const [n, c] of cells[0].entries()) {
          const width = ws.getColumn(n + 1).width!;
          expect(width).toBeGreaterThanOrEqual(Math.min(60, (c.value as string).length));
          expect(width).toBeLessThanOrEqual(60);
        }
        for (const c of cells.slice(1).flat()) {
          if (typeof c.value === 'number') expect(['#,##0', '0.0%']).toContain(c.numFmt);
          if (c.value !== null && c.value !== undefined) expect(['number', 'string']).toContain(typeof c.value);
        }
        // the CSV section and the sheet are the same table
        expect([ws.name, cells.map((row) => row.map(asCsv))]).toEqual([ws.name, tables[i]]);
      });
    }
  });

  it('writes the figures of the queries: counts as numbers, the coverage ratio, target and gap as percentages', async () => {
    const c = (
      await t.ok(`query($r: ID!) { regionCoverage(regionId: $r) { compulsorySchools coveredSchools ratio gap } }`, { r: ids.a }, users.a.token)
    ).regionCoverage;
    const wb = await workbookOf(await get(`/reports/regions/${ids.a}/coverage.xlsx`, users.a.token));
    const rows = new Map(cellsOf(wb.getWorksheet('覆盖情况')!).map(([label, value]) => [label.value as string, value]));
    expect(rows.get('义务教育学校 Compulsory schools')!.value).toBe(c.compulsorySchools);
    expect(rows.get('纳入教联体学校 Covered schools')).toMatchObject({ value: 2, numFmt: '#,##0' });
    expect(rows.get('覆盖率 Coverage ratio')).toMatchObject({ value: c.ratio, numFmt: '0.0%' });
    expect(rows.get(`年度目标 Target (${year})`)).toMatchObject({ value: 0.7, numFmt: '0.0%' });
    expect(rows.get('差距 Gap')!.value).toBeCloseTo(c.gap);
    expect(rows.get('统计日期 As of')!.value).toBe(today);
    // user text is a string cell, never a formula
    const names = cellsOf(wb.getWorksheet('未纳入学校')!).slice(1).map(([n]) => n);
    for (const f of FORMULAS) {
      const cell = names.find((n) => n.value === f)!;
      expect([f, cell.type, cell.formula]).toEqual([f, ExcelJS.ValueType.String, undefined]);
    }
    const csv = await (await get(`/reports/regions/${ids.a}/coverage.csv`, users.a.token)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csv).toContain('覆盖率 Coverage ratio,0.');

    const trend = (await t.ok(`query($r: ID!) { regionCoverageTrend(regionId: $r) { points { month coveredSchools ratio target { ratio } } } }`, { r: ids.a }, users.a.token)).regionCoverageTrend.points;
    const sheet = cellsOf((await workbookOf(await get(`/reports/regions/${ids.a}/trend.xlsx`, users.a.token))).worksheets[0]);
    expect(sheet).toHaveLength(25); // the header and 24 months by default
    expect(sheet.slice(1).map((r) => [r[0].value, r[3].value, r[4].value, r[8].value ?? null])).toEqual(trend.map((p: any) => [p.month, p.coveredSchools, p.ratio, p.target?.ratio ?? null]));
    expect(sheet[0].map((c) => c.value)).toContain('覆盖率 Coverage ratio');

    const breakdown = (await t.ok(`query($r: ID!, $f: Date!, $t: Date!) { regionBreakdown(regionId: $r, from: $f, to: $t) { rows { region { name } ratio coveredSchools compulsorySchools } } }`, { r: ids.city, f: `${year}-01-01`, t: today }, users.city.token)).regionBreakdown.rows;
    const rows2 = cellsOf((await workbookOf(await get(`/reports/regions/${ids.city}/breakdown.xlsx?from=${year}-01-01&to=${today}`, users.city.token))).worksheets[0]).slice(1);
    expect(rows2.map((r) => [r[0].value, r[2].value, r[3].value, r[4].value])).toEqual(breakdown.map((b: any) => [b.region.name, b.compulsorySchools, b.coveredSchools, b.ratio]));
    expect(rows2.map((r) => r[0].value)).toEqual(['随县', '广水市']);
  });

  it('answers mistakes and strangers in the GraphQL error shape, never 500', async () => {
    const expectError = async (res: Response, status: number, extensions: Record<string, unknown>) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as any).errors[0].extensions).toEqual(extensions);
    };
    await expectError(await get(`/reports/regions/${ids.a}/trend.xlsx?months=61`, users.a.token), 400, { code: 'BAD_USER_INPUT', field: 'months' });
    await expectError(await get(`/reports/regions/${ids.a}/trend.csv?months=abc`, users.a.token), 400, { code: 'BAD_USER_INPUT', field: 'months' });
    await expectError(await get(`/reports/regions/${ids.city}/breakdown.xlsx?from=${year}-01-01`, users.city.token), 400, { code: 'BAD_USER_INPUT', field: 'to' });
    await expectError(await get(`/reports/regions/${ids.a}/coverage.xlsx?asOf=2026-02-30`, users.a.token), 400, { code: 'BAD_USER_INPUT', field: 'asOf' });
    await expectError(await get(`/reports/regions/nope/trend.xlsx`, users.a.token), 400, { code: 'BAD_USER_INPUT', field: 'regionId' });
    await expectError(await get(`/reports/regions/${ids.a}/coverage.pdf`, users.a.token), 404, { code: 'NOT_FOUND' });
    await expectError(await get(`/reports/regions/${ids.a}/coverage.xlsx`, users.b.token), 403, { code: 'FORBIDDEN' });
    await expectError(await get(`/reports/regions/${ids.city}/breakdown.xlsx?from=${year}-01-01&to=${today}`, users.a.token), 403, { code: 'FORBIDDEN' });
    await expectError(await get(`/reports/groups/${ids.group}/activity.xlsx?from=${year}-01-01&to=${today}`, users.b.token), 403, { code: 'FORBIDDEN' });
    expect((await get(`/reports/regions/${ids.a}/trend.xlsx`)).status).toBe(401);
  });

  it('makes a link for exactly one report path and query, which works without a header, for that user, for five minutes', async () => {
    const path = `/reports/regions/${ids.a}/coverage.xlsx?asOf=${today}`;
    const made = await link(path, users.a.token);
    expect(made.url.startsWith(`${path}&dl=`)).toBe(true);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(290_000);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const signature = new URL(made.url, t.url).searchParams.get('dl')!;

    const res = await get(made.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).not.toContain(signature);
    const wb = await workbookOf(res);
    const all = wb.worksheets.flatMap((ws) => cellsOf(ws).flat().map((c) => String(c.value ?? '')));
    expect(all).toContain('义务教育学校 Compulsory schools');
    expect(all.some((v) => v.includes(signature) || v.includes('dl='))).toBe(false);
    const viaToken = cellsOf((await workbookOf(await get(path, users.a.token))).worksheets[0]).map((r) => r.map((c) => c.value));
    expect(cellsOf(wb.worksheets[0]).map((r) => r.map((c) => c.value))).toEqual(viaToken);

    // a CSV link: the same, and the signature is nowhere in the file
    const csvPath = `/reports/regions/${ids.a}/trend.csv?months=3&asOf=${today}`;
    const csvLink = await link(csvPath, users.a.token);
    const csv = await get(csvLink.url);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toBe(await (await get(csvPath, users.a.token)).text());
    expect(text).not.toContain(new URL(csvLink.url, t.url).searchParams.get('dl')!);
    expect(csvTables(text)[0]).toHaveLength(4);
    // a path without a query gets one
    expect((await link(`/reports/regions/${ids.a}/trend.xlsx`, users.a.token)).url).toMatch(/\/trend\.xlsx\?dl=[\w-]+\.[\w-]+$/);

    // any other path, query or format with that signature: UNAUTHENTICATED
    const other = (p: string) => get(`${p}${p.includes('?') ? '&' : '?'}dl=${signature}`);
    for (const p of [
      `/reports/regions/${ids.a}/coverage.csv?asOf=${today}`,
      `/reports/regions/${ids.b}/coverage.xlsx?asOf=${today}`,
      `/reports/regions/${ids.a}/coverage.xlsx?asOf=2026-01-01`,
      `/reports/regions/${ids.a}/coverage.xlsx`,
      `/reports/regions/${ids.a}/coverage.xlsx?asOf=${today}&asOf=${today}`,
      `/reports/regions/${ids.a}/trend.xlsx?asOf=${today}`,
    ]) {
      const r = await other(p);
      expect([p, r.status]).toEqual([p, 401]);
      expect(((await r.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await get(`${path}&months=3&dl=${signature}`)).status).toBe(401);
    expect((await get(`${made.url}&dl=${signature}`)).status).toBe(401); // two signatures
  });

  it('refuses expired, tampered and foreign links, and links outside /reports; a link is not a token nor a token a link', async () => {
    const path = `/reports/regions/${ids.a}/trend.xlsx?months=2`;
    const sign = (o: { now?: number } = {}, secret = TEST_JWT_SECRET, user = users.a.id) => signDownloadLink(secret, user, 0, path, o).url;
    expect((await get(sign({ now: Date.now() - 240_000 }))).status).toBe(200); // four minutes old: still good
    expect((await get(sign({ now: Date.now() - 301_000 }))).status).toBe(401); // five minutes and a second: expired
    expect((await get(sign({}, 'another-secret-xxxxxxxxxxxxxxxx'))).status).toBe(401);
    expect((await get(sign({}, TEST_JWT_SECRET, '00000000-0000-4000-8000-000000000000'))).status).toBe(401); // no such user

    const good = sign();
    const [payload, mac] = new URL(good, t.url).searchParams.get('dl')!.split('.');
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const withDl = (dl: string) => `${path}&dl=${dl}`;
    // another user's id in the payload, the signature kept
    const other = Buffer.from(payload, 'base64url');
    Buffer.from(users.city.id.replace(/-/g, ''), 'hex').copy(other);
    for (const dl of [`${flip(payload, 3)}.${mac}`, `${payload}.${flip(mac, 5)}`, `${other.toString('base64url')}.${mac}`, `${payload}.${mac}.x`, payload, '', 'x.y']) {
      const r = await get(withDl(dl));
      expect([dl, r.status]).toEqual([dl, 401]);
    }
    // a later expiry written into the payload breaks the signature
    const later = Buffer.from(payload, 'base64url');
    later.writeUInt32BE(later.readUInt32BE(16) + 3600, 16);
    expect((await get(withDl(`${later.toString('base64url')}.${mac}`))).status).toBe(401);

    // a bearer token is not a link, a link is not a bearer token
    expect((await get(withDl(users.a.token))).status).toBe(401);
    expect((await get(path, new URL(good, t.url).searchParams.get('dl')!)).status).toBe(401);
    expect(codeOf(await t.gql(`{ me { id } }`, {}, new URL(good, t.url).searchParams.get('dl')!))).toBe('UNAUTHENTICATED');
    // nor is a link accepted anywhere but a report path
    const gql = await fetch(`${t.url}/graphql?dl=${new URL(good, t.url).searchParams.get('dl')}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(codeOf({ status: gql.status, ...((await gql.json()) as any) })).toBe('UNAUTHENTICATED');
    // with an Authorization header the header decides (here: a user outside the region's scope)
    expect((await fetch(`${t.url}${good}`, { headers: { authorization: `Bearer ${users.b.token}` } })).status).toBe(403);
    expect((await fetch(`${t.url}${good}`, { headers: { authorization: `Bearer ${signToken('wrong-secret-xxxxxxxxxxxxxxxxxxxx', users.a.id, 60)}` } })).status).toBe(401);
  });

  it("opens with the user's roles as they are now: another region's report is refused; a role change, a logout or a deleted account ends the link", async () => {
    // a link for a report outside the user's scope is made (any signed-in user may ask) but does not open
    const foreign = await link(`/reports/regions/${ids.b}/coverage.csv`, users.a.token);
    expect((await get(foreign.url)).status).toBe(403);
    const teacher = await t.user('TEACHER', null, { teacherId: (await t.teacher((await t.school(ids.a)).id)).id });
    expect((await get((await link(`/reports/regions/${ids.a}/coverage.csv`, teacher.token)).url)).status).toBe(403);

    const county = await t.user('REGION_ADMIN', ids.a);
    const made = await link(`/reports/regions/${ids.a}/breakdown.xlsx?from=${year}-01-01&to=${today}`, county.token);
    expect((await get(made.url)).status).toBe(200);
    const [grant] = await t.sql(`SELECT id FROM role_grant WHERE user_id = $1`, [county.id]);
    expect(await t.ok(`mutation($g: ID!) { revokeRole(grantId: $g) }`, { g: grant.id }, users.city.token)).toEqual({ revokeRole: true });
    // a role change ends the user's tokens, and their links with them
    const after = await get(made.url);
    expect(after.status).toBe(401);
    expect(((await after.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // so does a logout
    const other = await t.user('REGION_ADMIN', ids.a);
    const kept = await link(`/reports/regions/${ids.a}/coverage.csv`, other.token);
    expect((await get(kept.url)).status).toBe(200);
    await t.ok(`mutation { logout }`, {}, other.token);
    expect((await get(kept.url)).status).toBe(401);
    // and a deleted account's link is no longer a sign-in at all
    const third = await t.user('REGION_ADMIN', ids.a);
    const gone = await link(`/reports/regions/${ids.a}/coverage.csv`, third.token);
    await t.sql(`DELETE FROM role_grant WHERE user_id = $1`, [third.id]);
    await t.sql(`DELETE FROM app_user WHERE id = $1`, [third.id]);
    expect((await get(gone.url)).status).toBe(401);
  });

  it('makes links only for report paths with their own parameters, for signed-in users', async () => {
    const a = ids.a;
    for (const p of [
      '/graphql',
      `http://evil.example/reports/regions/${a}/coverage.csv`,
      `//evil.example/reports/regions/${a}/coverage.csv`,
      `/reports/regions/${a}/coverage.pdf`,
      `/reports/regions/not-an-id/coverage.csv`,
      `/reports/regions/${a}/coverage.csv?foo=1`,
      `/reports/regions/${a}/coverage.csv?asOf=${today}&asOf=${today}`,
      `/reports/regions/${a}/coverage.csv?dl=abc`,
      `/reports/regions/${a}/../../graphql`,
      `/reports/regions/${a}/coverage.csv#top`,
      `/reports/regions/${a}/trend.csv?from=${today}`,
      `/reports/regions/${a}/unknown.csv`,
      '',
    ]) {
      const e = await link(p, users.a.token);
      expect([p, e.extensions]).toEqual([p, { code: 'BAD_USER_INPUT', field: 'path' }]);
    }
    expect((await link(`/reports/groups/${ids.group}/activity.csv?from=${year}-01-01&to=${today}`, users.manager.token)).url).toContain('&dl=');
    expect(codeOf(await t.gql(`mutation { createDownloadLink(path: "/reports/regions/${a}/coverage.csv") { url } }`))).toBe('UNAUTHENTICATED');
  });
});
