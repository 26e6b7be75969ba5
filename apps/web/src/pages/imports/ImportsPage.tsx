import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Result, Segmented, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { day } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { useMe } from '../../app/me';
import { KINDS_BY_ROLE } from './kinds';
import { downloadTemplate, ImportRefused, importProgress, uploadImport, type ImportResult, type ServerProgress } from './upload';


type Step = { at: 'choose' } | { at: 'uploading'; percent: number; dryRun: boolean; server?: ServerProgress | null } | { at: 'checked'; result: ImportResult } | { at: 'done'; result: ImportResult };

/** 数据导入: template, upload, a dry run that lists every row's problem, then the import itself. */
export default function ImportsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { active } = useMe();
  const kinds = KINDS_BY_ROLE[active?.role ?? ''] ?? [];
  const [kind, setKind] = useState(kinds[0]);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ at: 'choose' });
  // the server's messages are "中文 / English"
  const said = (text: string) => (text.includes(' / ') ? text.split(' / ')[lang === 'en' ? 1 : 0] : text);
  const refused = (err: unknown) => {
    setStep({ at: 'choose' });
    const e = err as ImportRefused;
    message.error(e.status === 0 ? t('error.NETWORK') : e.status === 403 ? t('error.FORBIDDEN') : said(e.message));
  };
  const run = async (f: File, dryRun: boolean) => {
    setStep({ at: 'uploading', percent: 0, dryRun });
    // once the file is up, the server says where it is (checking, writing row N of M) until it answers
    const id = crypto.randomUUID();
    let uploaded = false;
    const poll = setInterval(() => {
      if (!uploaded) return;
      void importProgress(id).then((server) => setStep((s) => (s.at === 'uploading' && server ? { ...s, server } : s)));
    }, 700);
    try {
      const result = await uploadImport(kind, f, dryRun, (percent) => {
        uploaded = percent >= 100;
        setStep((s) => ({ at: 'uploading', percent, dryRun, server: s.at === 'uploading' ? s.server : null }));
      }, id);
      setStep(dryRun || result.errors.length ? { at: 'checked', result } : { at: 'done', result });
    } catch (err) {
      refused(err);
    } finally {
      clearInterval(poll);
    }
  };
  const reset = () => {
    setFile(null);
    setStep({ at: 'choose' });
  };
  if (!kinds.length || !kind) return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('error.FORBIDDEN')} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 880 }}>
        {t('imports.intro')}
      </Typography.Paragraph>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{t('imports.kind')}</Typography.Text>
            <Segmented
              aria-label={t('imports.kind')}
              value={kind}
              disabled={step.at === 'uploading'}
              onChange={(v) => {
                setKind(String(v));
                reset();
              }}
              options={kinds.map((k) => ({ value: k, label: t(`imports.kind.${k}` as MessageKey) }))}
            />
            <Button onClick={() => downloadTemplate(kind).catch(refused)}>{t('imports.template')}</Button>
          </Space>
          {step.at === 'choose' ? (
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                void run(f, true);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.drop')}</p>
              <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            </Upload.Dragger>
          ) : null}
          {step.at === 'uploading' ? (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
              <Progress percent={step.percent < 100 || !step.server?.total ? step.percent : Math.round((100 * step.server.done) / step.server.total)} status="active" />
              <Spin>
                <Typography.Text>
                  {step.percent < 100
                    ? t('imports.uploading', { percent: step.percent })
                    : step.server?.phase === 'writing' && step.server.total
                      ? t(step.dryRun ? 'imports.checkingRows' : 'imports.writingRows', { done: step.server.done, total: step.server.total })
                      : t(step.dryRun ? 'imports.checking' : 'imports.writing', { name: file?.name ?? '' })}
                </Typography.Text>
              </Spin>
            </Space>
          ) : null}
          {step.at === 'checked' ? <Checked result={step.result} onConfirm={() => file && run(file, false)} onAgain={reset} /> : null}
          {step.at === 'done' ? (
            <Result
              status="success"
              title={t('imports.done', { created: step.result.created, updated: step.result.updated, unchanged: step.result.unchanged })}
              extra={<Button onClick={reset}>{t('imports.again')}</Button>}
            />
          ) : null}
          {step.at === 'done' && step.result.invitations?.length ? <Invitations list={step.result.invitations} /> : null}
        </Space>
      </Card>
    </Space>
  );
}

function Checked({ result, onConfirm, onAgain }: { result: ImportResult; onConfirm(): void; onAgain(): void }) {
  const { t, lang } = useI18n();
  if (!result.errors.length) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon message={t('imports.ok', { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged })} />
        <Space>
          <Button type="primary" onClick={onConfirm}>
            {t('imports.confirm')}
          </Button>
          <Button onClick={onAgain}>{t('imports.again')}</Button>
        </Space>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="error" showIcon message={t('imports.failed', { n: result.errors.length })} action={<Button onClick={onAgain}>{t('imports.again')}</Button>} />
      <Table
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        size="small"
        dataSource={result.errors}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('imports.row'), dataIndex: 'row', width: 70 },
          { title: t('imports.column'), dataIndex: 'column', width: 120, render: (v) => v ?? '—' },
          { title: t('imports.value'), dataIndex: 'value', width: 200, render: (v) => v ?? '—' },
          { title: t('imports.problem'), key: 'message', render: (_: unknown, e) => (lang === 'en' ? e.messageEn : e.message) },
        ]}
      />
    </Space>
  );
}

/** The logins a teachers import invited: each one-time code, shown once, for the admin to hand over. */
function Invitations({ list }: { list: NonNullable<ImportResult['invitations']> }) {
  const { t, lang } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('imports.invitations', { n: list.length })} description={t('imports.invitationsHint')} />
      <Table
        rowKey="row"
        size="small"
        pagination={false}
        data-testid="import-invitations"
        dataSource={list}
        columns={[
          { title: t('imports.invitee'), dataIndex: 'name' },
          { title: t('imports.account'), dataIndex: 'account' },
          { title: t('imports.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code copyable>{c}</Typography.Text> },
          { title: t('imports.link'), dataIndex: 'link', render: (l: string) => <Typography.Text copyable={{ text: `${location.origin}${l}` }}>{l.length > 40 ? `${l.slice(0, 40)}…` : l}</Typography.Text> },
          { title: t('imports.mailed'), dataIndex: 'mailed', render: (m: boolean) => (m ? t('imports.yes') : '—') },
          { title: t('imports.expires'), dataIndex: 'expiresAt', render: (e: string) => day(e.slice(0, 10), lang) },
        ]}
      />
    </Space>
  );
}
