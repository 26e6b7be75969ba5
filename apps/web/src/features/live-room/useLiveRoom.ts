import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { auth } from '../../app/auth';
import { storedLang } from '../../app/i18n';

export interface LiveEvent {
  sessionId: string;
  seq: number;
  type: string;
  actor: { id: string } | null;
  payload: Record<string, unknown>;
  at: string;
}
export interface Participant {
  userId: string;
  teacherId: string | null;
  name: string;
}
export type LiveStatus = 'connecting' | 'live' | 'offline';
export interface LiveAnswer {
  ok: boolean;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  field?: string;
}

/** Events kept on the page: a long session's chat does not grow the page without end. */
const KEEP = 500;

/**
 * The one module for a session's live stream (STYLE: replay-from-seq in one place). It joins the room over
 * socket.io with the last sequence number it has, so after a dropped connection it gets exactly what it missed,
 * from any instance; events are merged by seq (each shown once, in order). It follows the browser's own
 * network state (offline → says so at once; online → reconnects and replays), and an ended sign-in goes back
 * to the sign-in page.
 */
export function useLiveRoom(sessionId: string, enabled: boolean) {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const lastSeq = useRef(0);
  const socketRef = useRef<Socket | null>(null);

  const merge = useCallback((incoming: LiveEvent[]) => {
    const fresh = incoming.filter((e) => e.seq > lastSeq.current).sort((a, b) => a.seq - b.seq);
    if (!fresh.length) return;
    lastSeq.current = fresh.at(-1)!.seq;
    setEvents((prev) => [...prev, ...fresh].slice(-KEEP));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    // lang: refusals and acks in the UI's language
    const socket = io('/live', { auth: (cb) => cb({ token: auth.token(), lang: storedLang() }), transports: ['websocket'], reconnectionDelayMax: 3000 });
    socketRef.current = socket;
    const join = async () => {
      const r = await socket.timeout(10_000).emitWithAck('session:join', { sessionId, afterSeq: lastSeq.current }).catch(() => null);
      if (!r?.ok) return;
      merge(r.events as LiveEvent[]);
      setParticipants(r.participants as Participant[]);
      setStatus('live');
    };
    socket.on('ready', () => void join());
    socket.on('session:event', (e: LiveEvent) => merge([e]));
    socket.on('session:presence', (p: { participants: Participant[] }) => setParticipants(p.participants));
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      setStatus('offline');
      if (err.data?.code === 'UNAUTHENTICATED') auth.signOut('ended');
    });
    socket.on('auth:ended', () => auth.signOut('ended'));
    const offline = () => {
      setStatus('offline');
      socket.disconnect();
    };
    const online = () => {
      setStatus('connecting');
      socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket.close();
      socketRef.current = null;
    };
  }, [sessionId, enabled, merge]);

  /** Sends an event and answers with the server's ack ({ ok } or { ok: false, code, message, retryAfterSeconds }). */
  const send = useCallback(async (event: 'session:chat' | 'session:note' | 'session:hand', body: Record<string, unknown>): Promise<LiveAnswer> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, code: 'NETWORK' };
    return socket.timeout(10_000).emitWithAck(event, { sessionId, ...body }).catch(() => ({ ok: false, code: 'NETWORK' }));
  }, [sessionId]);

  return { events, participants, status, send };
}
