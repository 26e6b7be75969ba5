import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { day } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { ancestorsOf, groupRights } from '../../app/scope';
import { Loading } from '../../features/common/Loading';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import { GroupActivity } from './GroupActivity';
import { GroupMembers } from './GroupMembers';
import { GroupRotationCard } from './GroupRotationCard';
import { GroupSettings } from './GroupSettings';

const GROUP = graphql(`
  query GroupPage($id: ID!) {
    schoolGroup(id: $id) {
      id
      name
      kind
      mode
      level
      status
      foundedOn
      dissolvedOn
      crossRegion
      profiles { validFrom mode level }
      regionId
      region { id name parent { id parent { id parent { id } } } }
      leadSchool { id name }
    }
  }
`);

/** `/groups/:id`: a group's facts, its member schools (and former ones), its activity in a period, its rotation quota. */
export default function GroupPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const label = useLabels();
  const { active } = useMe();
  const { data, loading, error, refetch } = useQuery(GROUP, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (error || !data?.schoolGroup) return <ProblemResult error={error} code={error ? undefined : 'NOT_FOUND'} onRetry={() => void refetch()} />;
  const g = data.schoolGroup;
  const rights = groupRights(active, g.id, ancestorsOf(g.region));
  // rename, mode, level and dissolution: the bureaus above the group (not its own managers)
  const settings = active?.role === 'PLATFORM_ADMIN' || (rights.manage && active?.role === 'REGION_ADMIN');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {g.name}
        </Typography.Title>
        <Space wrap>
          <Tag color="blue">{label('GroupKind', g.kind)}</Tag>
          {g.mode ? <Tag color="geekblue">{label('ConsortiumMode', g.mode)}</Tag> : null}
          {g.level ? <Tag color="gold">{label('GroupLevel', g.level)}</Tag> : null}
          {g.crossRegion ? <Tag color="purple">{t('group.crossRegion')}</Tag> : null}
          {g.status !== 'ACTIVE' ? <Tag color="red">{label('GroupStatus', g.status)}</Tag> : null}
        </Space>
      </div>
      {settings && g.status === 'ACTIVE' ? <GroupSettings group={g} onSaved={() => void refetch()} /> : null}
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('group.lead')}>
            <Link to={`/schools/${g.leadSchool.id}`}>{g.leadSchool.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('school.region')}>
            <Link to={`/regions/${g.region.id}`}>{g.region.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('group.founded')}>{day(g.foundedOn, lang)}</Descriptions.Item>
          {g.dissolvedOn ? <Descriptions.Item label={t('group.dissolvedOn')}>{day(g.dissolvedOn, lang)}</Descriptions.Item> : null}
          {g.profiles.length > 1 ? (
            <Descriptions.Item label={t('group.history')} span={3}>
              <Space orientation="vertical" size={2}>
                {g.profiles.map((p) => (
                  <span key={p.validFrom} data-testid="group-profile">
                    {t('group.since', { day: day(p.validFrom, lang) })}{[p.mode ? label('ConsortiumMode', p.mode) : null, p.level ? label('GroupLevel', p.level) : t('group.noLevel')].filter(Boolean).join(' · ')}
                  </span>
                ))}
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <GroupMembers groupId={g.id} regionId={g.regionId} canManage={rights.manage && g.status === 'ACTIVE'} />
      {rights.activity ? <GroupActivity groupId={g.id} /> : null}
      {rights.manage && g.status === 'ACTIVE' ? <GroupRotationCard groupId={g.id} /> : null}
    </Space>
  );
}
