import { io, type Socket } from 'socket.io-client';
import { DEMO_PASSWORD } from '../apps/api/src/demo/seed-demo';
import { serverAddress } from './server-address';

/**
 * npm run demo:live — against a running server (npm start; API_URL, else PORT and HOST as the server reads them):
 * the demo group manager schedules and starts a joint research session, two demo teachers join over
 * socket.io, check in, chat, raise a hand; the manager advances the agenda and ends it. Every live event
 * is printed as the manager's client receives it.
 */
const API = serverAddress();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  return body.data;
}

const login = async (who: string) =>
  (await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { displayName } } }`, { e: `${who}@demo.school-groups.cn`, p: DEMO_PASSWORD })).login;

async function connect(token: string): Promise<Socket> {
  const socket = io(`${API}/live`, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function main() {
  try {
    await fetch(`${API}/health`);
  } catch {
    console.error(`No server at ${API}: start it first with "npm start" (the address comes from API_URL, else PORT and HOST, as for the server).`);
    process.exit(1);
  }
  const manager = await login('manager');
  const me = await gql(`{ me { roles { role scopeId } } }`, {}, manager.token);
  const groupId = me.me.roles.find((r: any) => r.role === 'GROUP_MANAGER').scopeId;
  const { schoolGroup } = await gql(`query($id: ID!) { schoolGroup(id: $id) { name leadSchool { id name } members { school { id } } } }`, { id: groupId }, manager.token);
  const now = Date.now();
  const { scheduleResearchSession: session } = await gql(
    `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id title } }`,
    {
      i: {
        groupId,
        hostSchoolId: schoolGroup.leadSchool.id,
        title: '四年级数学“分数的意义”集体备课',
        topic: '同课异构 · 说课、观课、评课',
        type: 'COLLECTIVE_PREP',
        mode: 'HYBRID',
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 2 * 3600_000).toISOString(),
        invitedSchoolIds: schoolGroup.members.map((m: any) => m.school.id),
        agenda: [{ title: '主备人说课', durationMinutes: 15 }, { title: '课堂观摩', durationMinutes: 40 }, { title: '评课议课', durationMinutes: 30 }],
      },
    },
    manager.token,
  );
  console.log(`${schoolGroup.name}: scheduled "${session.title}" (${session.id})\n`);

  const print = (e: any) => {
    const who = e.payload?.name ? `${e.payload.name}: ` : '';
    const what = e.payload?.text ?? e.payload?.title ?? e.payload?.minutes ?? '';
    console.log(`#${String(e.seq).padStart(2)} ${e.at.slice(11, 19)} ${e.type.padEnd(18)} ${who}${what}`);
  };
  const watcher = await connect(manager.token);
  watcher.on('session:event', print);
  watcher.on('session:presence', (p: any) => console.log(`    in the room: ${p.participants.map((x: any) => x.name).join('、')}`));
  const joined = await watcher.emitWithAck('session:join', { sessionId: session.id, afterSeq: 0 });
  joined.events.forEach(print);
  await gql(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: session.id }, manager.token);
  await sleep(300);

  const famous = await login('teacher');
  const novice = await login('teacher2');
  const a = await connect(famous.token);
  const b = await connect(novice.token);
  await a.emitWithAck('session:join', { sessionId: session.id, afterSeq: 0 });
  await b.emitWithAck('session:join', { sessionId: session.id, afterSeq: 0 });
  await sleep(200);
  for (const t of [famous, novice]) await gql(`mutation($id: ID!) { checkInResearchSession(sessionId: $id) { checkedInAt } }`, { id: session.id }, t.token);
  await a.emitWithAck('session:chat', { sessionId: session.id, text: '各位老师好，我先说课：本课从“平均分”引出分数单位。' });
  await sleep(150);
  await b.emitWithAck('session:hand', { sessionId: session.id, raised: true });
  await b.emitWithAck('session:chat', { sessionId: session.id, text: '请问乡村小班怎么组织小组操作？' });
  await sleep(150);
  await gql(`mutation($id: ID!) { advanceSessionAgenda(id: $id) { agendaIndex } }`, { id: session.id }, manager.token);
  await a.emitWithAck('session:note', { sessionId: session.id, text: '建议：学具袋提前分好，两人一组。' });
  await sleep(150);
  b.close();
  await sleep(300);
  await gql(`mutation($id: ID!, $m: String) { endResearchSession(id: $id, minutes: $m) { status } }`, { id: session.id, m: '形成共识：以操作活动理解分数单位。' }, manager.token);
  await sleep(500);
  a.close();
  watcher.close();
  console.log(`\nReplay it any time: query { researchSession(id: "${session.id}") { events { seq type payload at } } }`);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
