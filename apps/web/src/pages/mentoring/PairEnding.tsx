import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ApiProblem } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { graphql } from '../../gql';
import type { Pair } from './pairs';

const COMPLETE = graphql(`
  mutation CompleteMentoringPair($pairId: ID!, $evaluation: String!) {
    completeMentoringPair(pairId: $pairId, evaluation: $evaluation) { id status endedOn evaluation }
  }
`);

const DISSOLVE = graphql(`
  mutation DissolveMentoringPair($pairId: ID!, $reason: String!) {
    dissolveMentoringPair(pairId: $pairId, reason: $reason) { id status endedOn dissolveReason }
  }
`);

/**
 * How a viewer may end a pair, as the server's rules say (libs/mentoring, the server checks again): an ACTIVE pair
 * is completed by its mentor or a manager of the group; a PROPOSED or ACTIVE one is dissolved by either side or a
 * manager (the side that answers a proposal declines it instead).
 */
export function pairEndings(p: Pair, viewer: { manager: boolean; teacherId?: string }) {
  const side = viewer.teacherId === p.mentor.id ? 'MENTOR' : viewer.teacherId === p.apprentice.id ? 'APPRENTICE' : null;
  const answers = p.status === 'PROPOSED' && (p.proposedBy === 'MENTOR' ? side === 'APPRENTICE' : side === 'MENTOR');
  return {
    complete: p.status === 'ACTIVE' && (viewer.manager || side === 'MENTOR'),
    dissolve: (p.status === 'ACTIVE' || (p.status === 'PROPOSED' && !answers)) && (viewer.manager || !!side),
  };
}

/**
 * A refused acceptance because the mentor is at the group's capacity (CONFLICT with `capacity` and `active`), said
 * with the numbers; null for any other failure.
 */
export function capacityProblem(p: ApiProblem, pair: Pair, teacherId: string, t: ReturnType<typeof useI18n>['t']): string | null {
  const { capacity, active } = p.details ?? {};
  if (p.code !== 'CONFLICT' || typeof capacity !== 'number' || typeof active !== 'number') return null;
  return pair.mentor.id === teacherId ? t('mentoring.atCapacityMine', { capacity, active }) : t('mentoring.atCapacity', { mentor: pair.mentor.name, capacity, active });
}

/** 出师 (with the final evaluation) and 解除结对 (with a reason), each shown only when `pairEndings` allows it. */
export function PairEnding({ pair, manager, teacherId, onDone, size }: { pair: Pair; manager: boolean; teacherId?: string; onDone(): unknown; size?: 'small' }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'complete' | 'dissolve'>('complete'); // kept while the dialog closes
  const ask = (k: typeof kind) => (setKind(k), setOpen(true));
  const [complete] = useMutation(COMPLETE);
  const [dissolve] = useMutation(DISSOLVE);
  const may = pairEndings(pair, { manager, teacherId });
  const names = { mentor: pair.mentor.name, apprentice: pair.apprentice.name };
  if (!may.complete && !may.dissolve) return null;
  return (
    <>
      {may.complete ? <Button size={size} onClick={() => ask('complete')}>{t('mentoring.complete')}</Button> : null}
      {may.dissolve ? <Button size={size} danger onClick={() => ask('dissolve')}>{t('mentoring.dissolve')}</Button> : null}
      <FormModal<{ text: string }>
        open={open}
        title={t(kind === 'complete' ? 'mentoring.completeTitle' : 'mentoring.dissolveTitle', names)}
        okText={t(kind === 'complete' ? 'mentoring.complete' : 'mentoring.dissolve')}
        success={t(kind === 'complete' ? 'mentoring.completed' : 'mentoring.dissolved')}
        onClose={() => setOpen(false)}
        onSubmit={async ({ text }) => {
          if (kind === 'complete') await complete({ variables: { pairId: pair.id, evaluation: text.trim() } });
          else await dissolve({ variables: { pairId: pair.id, reason: text.trim() } });
          await onDone();
        }}
      >
        <Typography.Paragraph type="secondary">{t(kind === 'complete' ? 'mentoring.completeHint' : 'mentoring.dissolveHint')}</Typography.Paragraph>
        <Form.Item
          name="text"
          label={t(kind === 'complete' ? 'mentoring.finalEvaluation' : 'mentoring.dissolveReason')}
          rules={[{ required: true, whitespace: true, message: t(kind === 'complete' ? 'mentoring.evaluationRequired' : 'mentoring.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={kind === 'complete' ? 5000 : 1000} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
