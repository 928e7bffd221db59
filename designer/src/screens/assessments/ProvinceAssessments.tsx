/**
 * The province's year (年度评估): every platform below it with its summary state, rating and
 * rectification; 评定, 关闭整改, 摘牌 per row and 发布结果 for the year. Refusals keep the server's
 * message (摘牌 before the deadline is refused by the API, and says so).
 */
import { App, Alert, Button, Descriptions, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type AssessedPlatform, type YearOverview } from '../../api/assessments';
import { FailureAlert } from '../../components/FailureAlert';
import { TextActionModal, type TextAction } from '../../components/TextActionModal';
import { useSubmission } from '../../components/useSubmission';
import { formatDateTime } from '../../components/time';
import { RatingModal } from './RatingModal';
import { RatingTag, RectificationView, SummaryStateTag } from './tags';

export function ProvinceAssessments({ year }: { year: number }) {
  const { t } = useTranslation('assessments');
  const { message } = App.useApp();
  const [overview, setOverview] = useState<YearOverview>();
  const [error, setError] = useState<unknown>();
  const [rating, setRating] = useState<AssessedPlatform>();
  const [action, setAction] = useState<TextAction>();
  const publishing = useSubmission();

  const load = useCallback(() => {
    assessmentsApi.year(year).then(setOverview, setError);
  }, [year]);
  useEffect(load, [load]);

  async function publish() {
    if (!(await publishing.submit(() => assessmentsApi.publish(year)))) return;
    void message.success(t('publishedOk', { year }));
    load();
  }
  const close = (p: AssessedPlatform) =>
    setAction({
      title: t('closeTitle', { title: p.title }), hint: t('closeHint'), label: t('closeNote'), pointer: '/note', okText: t('close'), testId: 'close',
      run: (note) => assessmentsApi.close(year, p.platformId, note),
    });
  const delist = (p: AssessedPlatform) =>
    setAction({
      title: t('delistTitle', { title: p.title }), hint: t('delistHint'), label: t('delistReason'), pointer: '/reason', okText: t('delist'), isDanger: true, testId: 'delist',
      run: (reason) => assessmentsApi.delist(year, p.platformId, reason),
    });

  if (!overview) return error ? <Alert type="error" showIcon role="alert" title={t('loadFailed', { detail: (error as Error).message })} /> : <Spin />;
  const now = new Date().toISOString();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('dueAt')}>{formatDateTime(overview.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('publish')}>
          <span data-testid="publication">{overview.publishedAt ? t('published', { at: formatDateTime(overview.publishedAt) }) : t('notPublished')}</span>
        </Descriptions.Item>
        <Descriptions.Item>
          <Popconfirm title={t('publishConfirm', { year })} onConfirm={() => void publish()} okText={t('publish')}>
            <Button type="primary" disabled={overview.publishedAt !== null} loading={publishing.isBusy} data-testid="publish">
              {t('publish')}
            </Button>
          </Popconfirm>
        </Descriptions.Item>
      </Descriptions>
      <FailureAlert error={publishing.error} />
      <Table<AssessedPlatform>
        data-testid="assessment-table"
        rowKey="platformId"
        size="small"
        pagination={false}
        scroll={{ x: 1000 }}
        dataSource={overview.platforms}
        columns={[
          { title: t('platform'), render: (_, p) => <Space orientation="vertical" size={0}>{p.title}<Tag>{t(`level_${p.level}`, { ns: 'network', defaultValue: p.level })}</Tag></Space> },
          { title: t('summaryState'), render: (_, p) => <SummaryStateTag assessment={p.assessment} /> },
          {
            title: t('summary'),
            width: '28%',
            render: (_, p) => (p.assessment ? <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{p.assessment.summary}</Typography.Paragraph> : '—'),
          },
          {
            title: t('rating'),
            render: (_, p) => (
              <Space orientation="vertical" size={2}>
                <RatingTag rating={p.assessment?.rating ?? null} />
                {p.assessment?.comment && <Typography.Text type="secondary">{p.assessment.comment}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('rectification'), render: (_, p) => (p.assessment?.rectification ? <RectificationView rectification={p.assessment.rectification} now={now} /> : '—') },
          { title: t('actions'), width: 200, render: (_, p) => <RowActions platform={p} onRate={setRating} onClose={close} onDelist={delist} /> },
        ]}
      />
      <RatingModal year={year} platform={rating} onCancel={() => setRating(undefined)} onDone={() => { setRating(undefined); load(); }} />
      <TextActionModal action={action} onCancel={() => setAction(undefined)} onDone={() => { setAction(undefined); load(); }} />
    </Space>
  );
}

interface RowActionsProps {
  platform: AssessedPlatform;
  onRate(p: AssessedPlatform): void;
  onClose(p: AssessedPlatform): void;
  onDelist(p: AssessedPlatform): void;
}

function RowActions({ platform, onRate, onClose, onDelist }: RowActionsProps) {
  const { t } = useTranslation('assessments');
  const assessment = platform.assessment;
  const status = assessment?.rectification?.status;
  return (
    <Space wrap>
      {assessment && assessment.rating === null && (
        <Button size="small" type="primary" onClick={() => onRate(platform)} data-testid="rate">
          {t('rate')}
        </Button>
      )}
      {(status === 'open' || status === 'reported') && (
        <>
          <Button size="small" onClick={() => onClose(platform)} data-testid="close-rectification">
            {t('close')}
          </Button>
          <Button size="small" danger onClick={() => onDelist(platform)} data-testid="delist">
            {t('delist')}
          </Button>
        </>
      )}
    </Space>
  );
}
