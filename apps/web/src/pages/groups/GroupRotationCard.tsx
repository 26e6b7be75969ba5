import { useQuery } from '@apollo/client/react';
import { Card, Col, Row, Statistic } from 'antd';
import { useState } from 'react';
import { percent } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ProblemResult } from '../../features/common/ProblemResult';
import { graphql } from '../../gql';

const ROTATION = graphql(`
  query GroupRotation($id: ID!, $year: Int!) {
    groupRotation(groupId: $id, year: $year) {
      rotationRatio
      rotationGap
      backboneShare
      teachersToRotate
      quota { minRotationRatio minBackboneRatio }
    }
  }
`);

/** 交流轮岗: the year's rotation ratio against the quota (managers only). */
export function GroupRotationCard({ groupId }: { groupId: string }) {
  const { t, lang } = useI18n();
  const [year] = useState(() => new Date().getFullYear());
  const { data, error } = useQuery(ROTATION, { variables: { id: groupId, year } });
  const r = data?.groupRotation;
  return (
    <Card title={`${t('group.rotation')} · ${year}`} loading={!r && !error}>
      {error ? <ProblemResult error={error} /> : r ? (
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('group.rotationRatio')} value={percent(r.rotationRatio, lang)} suffix={<small> / {percent(r.quota.minRotationRatio, lang)}</small>} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('group.rotationGap')} value={percent(r.rotationGap, lang)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('group.backboneShare')} value={percent(r.backboneShare, lang)} suffix={<small> / {percent(r.quota.minBackboneRatio, lang)}</small>} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('group.toRotate')} value={r.teachersToRotate} />
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
