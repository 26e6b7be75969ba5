import { Alert, App, Badge, Button, Card, Col, Input, List, Row, Space, Tag, Typography } from 'antd';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { useLiveRoom, type LiveAnswer, type LiveEvent, type LiveStatus, type Participant } from './useLiveRoom';

const MAX_TEXT = 2000;
type T = (k: MessageKey, v?: Record<string, string | number>) => string;
const CHANGES = new Set(['SESSION_ENDED', 'SESSION_CANCELLED', 'AGENDA_ADVANCED', 'CHECKED_IN']);

/** One line of the room's feed, said for people. */
function line(e: LiveEvent, t: T): { who?: string; text: string; kind: string } {
  const name = String(e.payload.name ?? '');
  switch (e.type) {
    case 'CHAT_MESSAGE':
      return { who: name, text: String(e.payload.text ?? ''), kind: 'chat' };
    case 'NOTE_POSTED':
      return { who: name, text: String(e.payload.text ?? ''), kind: 'note' };
    case 'PARTICIPANT_JOINED':
      return { text: t('session.joined', { name }), kind: 'system' };
    case 'PARTICIPANT_LEFT':
      return { text: t('session.left', { name }), kind: 'system' };
    case 'HAND_RAISED':
      return { text: t('session.raised', { name }), kind: 'hand' };
    case 'HAND_LOWERED':
      return { text: t('session.lowered', { name }), kind: 'system' };
    case 'CHECKED_IN':
      return { text: t('session.checkedInEvent', { name }), kind: 'system' };
    case 'AGENDA_ADVANCED':
      return { text: t('session.agendaEvent', { title: String(e.payload.title ?? '') }), kind: 'agenda' };
    case 'SESSION_STARTED':
      return { text: t('session.started'), kind: 'agenda' };
    case 'SESSION_ENDED':
      return { text: t('session.ended'), kind: 'agenda' };
    case 'SESSION_CANCELLED':
      return { text: t('session.cancelledEvent'), kind: 'agenda' };
    default:
      return { text: e.type, kind: 'system' };
  }
}

/** One row of the feed. Memoised: a new event renders its own row only, not the 499 that were already there. */
const FeedRow = memo(function FeedRow({ e, t }: { e: LiveEvent; t: T }) {
  const l = line(e, t);
  return (
    <List.Item data-seq={e.seq} data-type={e.type}>
      <Typography.Text type={l.kind === 'system' ? 'secondary' : undefined}>
        {l.who ? <strong>{l.who}：</strong> : null}
        {l.kind === 'note' ? <Tag color="purple">{t('session.note')}</Tag> : null}
        {l.kind === 'hand' ? '✋ ' : null}
        {l.text}
      </Typography.Text>
    </List.Item>
  );
});

const rowKey = (e: LiveEvent) => e.seq;

/** The feed, following its newest event. */
const Feed = memo(function Feed({ events, t }: { events: LiveEvent[]; t: T }) {
  const renderItem = useCallback((e: LiveEvent) => <FeedRow e={e} t={t} />, [t]);
  const feedBox = useRef<HTMLDivElement>(null);
  const lastSeq = events.at(-1)?.seq;
  // follow the newest event, in the same frame as its row (a passive effect would scroll in a second frame, after the
  // row was painted at the old position: two frames per event instead of one)
  useLayoutEffect(() => {
    const box = feedBox.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [lastSeq]);
  return (
    <div ref={feedBox} style={{ height: 360, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}>
      <List
        data-testid="live-feed"
        size="small"
        // keyed by seq: when the bounded list drops its oldest event, React removes one row and adds one
        // instead of rewriting all 500 in place
        rowKey={rowKey}
        dataSource={events}
        locale={{ emptyText: t('session.empty') }}
        renderItem={renderItem}
      />
    </div>
  );
});

type Submit = (kind: 'session:chat' | 'session:note', text: string, clear: () => void) => Promise<void>;

/** The chat and note inputs; what was typed stays until the server took it. */
const Composer = memo(function Composer({ t, live, submit }: { t: T; live: boolean; submit: Submit }) {
  const [chat, setChat] = useState('');
  const [note, setNote] = useState('');
  return (
    <>
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input aria-label={t('session.chat')} placeholder={t('session.chat')} value={chat} onChange={(e) => setChat(e.target.value)} onPressEnter={() => void submit('session:chat', chat, () => setChat(''))} disabled={!live} />
        <Button type="primary" onClick={() => void submit('session:chat', chat, () => setChat(''))} disabled={!live}>
          {t('session.send')}
        </Button>
      </Space.Compact>
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input aria-label={t('session.note')} placeholder={t('session.note')} value={note} onChange={(e) => setNote(e.target.value)} onPressEnter={() => void submit('session:note', note, () => setNote(''))} disabled={!live} />
        <Button onClick={() => void submit('session:note', note, () => setNote(''))} disabled={!live}>
          {t('session.sendNote')}
        </Button>
      </Space.Compact>
    </>
  );
});

/** Who is in the room, and the raised hand. */
const Side = memo(function Side(props: { t: T; live: boolean; participants: Participant[]; raise: (raised: boolean) => Promise<boolean> }) {
  const { t, live, participants, raise } = props;
  const { message } = App.useApp();
  const [hand, setHand] = useState(false);
  return (
    <>
      <Typography.Title level={5}>
        {t('session.participants')} ({participants.length})
      </Typography.Title>
      <List size="small" dataSource={participants} renderItem={(p) => <List.Item>{p.name}</List.Item>} data-testid="participants" />
      <Button
        style={{ marginTop: 8 }}
        disabled={!live}
        onClick={async () => {
          if (await raise(!hand)) {
            setHand(!hand);
            message.success(t(hand ? 'session.lowerHand' : 'session.hand'));
          }
        }}
      >
        {t(hand ? 'session.lowerHand' : 'session.hand')}
      </Button>
    </>
  );
});

const statusBadge = (status: LiveStatus) => (status === 'live' ? 'success' : status === 'offline' ? 'error' : 'processing');

/**
 * The live room of a LIVE session: who is in the room, the feed (chat, notes, hands, agenda, check-ins) as it
 * happens on any instance, and the connection state; refusals (rate limits, permissions, oversized text) are
 * said in the user's language next to the input, and what was typed is kept. Each new event renders the feed's
 * new row and the room's frame; the inputs and the participants keep their render (memoised, stable callbacks).
 */
export function LiveRoom({ sessionId, onChange }: { sessionId: string; onChange?: (e: LiveEvent) => void }) {
  const { t } = useI18n();
  const { events, participants, status, send } = useLiveRoom(sessionId, true);
  const [problem, setProblem] = useState<string | null>(null);
  const said = useCallback(
    (r: LiveAnswer) => {
      if (r.ok) return true;
      const key = (r.code === 'BAD_USER_INPUT' && r.field === 'text' ? 'session.textTooLong' : `error.${r.code ?? 'INTERNAL_SERVER_ERROR'}`) as MessageKey;
      setProblem(t(key, { seconds: r.retryAfterSeconds ?? 1 }));
      return false;
    },
    [t],
  );
  const submit = useCallback<Submit>(
    async (kind, text, clear) => {
      if (!text.trim()) return;
      if (text.length > MAX_TEXT) return setProblem(t('session.textTooLong'));
      setProblem(null);
      if (said(await send(kind, { text }))) clear();
    },
    [send, said, t],
  );
  const raise = useCallback(async (raised: boolean) => said(await send('session:hand', { raised })), [send, said]);
  const last = events.at(-1);
  // the session's own facts (agenda item, status, check-ins) change with these: let the page re-read them
  useEffect(() => {
    if (last && onChange && CHANGES.has(last.type)) onChange(last);
  }, [last?.seq]); // eslint-disable-line react-hooks/exhaustive-deps
  const live = status === 'live';
  return (
    <Card
      title={t('session.room')}
      extra={
        <span data-testid="live-status" data-status={status}>
          <Badge status={statusBadge(status)} text={t(live ? 'session.live' : status === 'offline' ? 'session.offline' : 'session.connecting')} />
        </span>
      }
    >
      {status === 'offline' ? <Alert type="warning" showIcon title={t('session.offline')} style={{ marginBottom: 12 }} role="status" /> : null}
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Feed events={events} t={t} />
          {problem ? <Alert type="error" showIcon title={problem} role="alert" closable={{ onClose: () => setProblem(null) }} style={{ marginTop: 8 }} /> : null}
          <Composer t={t} live={live} submit={submit} />
        </Col>
        <Col xs={24} md={8}>
          <Side t={t} live={live} participants={participants} raise={raise} />
        </Col>
      </Row>
    </Card>
  );
}
