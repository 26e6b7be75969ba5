import { useQuery } from '@apollo/client/react';
import { Card, Col, Result, Row, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { homePath, useMe } from '../../app/me';
import { Loading } from '../../features/common/Loading';
import { graphql } from '../../gql';

const TOP_REGIONS = graphql(`
  query TopRegions {
    regions { id name level }
  }
`);

/** `/`: each role's own start page; a platform admin chooses a province. */
export default function HomePage() {
  const { t } = useI18n();
  const { me, active } = useMe();
  const platform = active?.role === 'PLATFORM_ADMIN';
  const { data, loading } = useQuery(TOP_REGIONS, { skip: !platform });
  const home = homePath(active, me);
  if (home && !platform) return <Navigate to={home} replace />;
  if (!platform) return <Result status="info" title={t('home.teacher', { name: me?.displayName ?? '' })} />;
  if (loading && !data) return <Loading />;
  return (
    <>
      <Typography.Title level={3}>{t('home.platform')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {data?.regions.map((r) => (
          <Col key={r.id} xs={24} sm={12} md={8}>
            <Link to={`/regions/${r.id}`}>
              <Card hoverable>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {r.name}
                </Typography.Title>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
