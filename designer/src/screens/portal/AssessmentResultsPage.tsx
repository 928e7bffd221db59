/**
 * 年度评估结果 (/assessments, public): the ratings of a year once the province published them
 * (GET /api/network/assessments/:year). `?year=` picks the year; last year by default.
 */
import { Alert, Card, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type PublicResults } from '../../api/assessments';
import { RatingTag } from '../assessments/tags';
import { useYearParam, YearSelect } from '../assessments/YearSelect';
import { formatDateTime } from '../../components/time';

export function AssessmentResultsPage() {
  const { t } = useTranslation('portal');
  const [year, setYear] = useYearParam();
  const [results, setResults] = useState<PublicResults>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setResults(undefined);
    setError(undefined);
    assessmentsApi.results(year).then(setResults, (e: Error) => setError(e.message));
  }, [year]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('assessmentResults', { year })}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('assessmentResultsIntro')}</Typography.Paragraph>
        <div style={{ marginBottom: 16 }}>
          <YearSelect testId="results-year" year={year} onChange={setYear} />
        </div>
        {error && <Alert type="error" showIcon role="alert" title={t('loadFailed', { detail: error })} />}
        {!results && !error && <Spin />}
        {results && !results.isPublished && <Alert type="info" showIcon title={t('assessmentNotPublished', { year })} data-testid="results-not-published" />}
        {results?.isPublished && (
          <>
            <Typography.Paragraph type="secondary">{t('assessmentPublishedAt', { at: formatDateTime(results.publishedAt) })}</Typography.Paragraph>
            <Table
              data-testid="results-table"
              rowKey="platformId"
              size="small"
              pagination={false}
              dataSource={results.ratings}
              locale={{ emptyText: t('assessmentNoRatings') }}
              columns={[
                { title: t('platform', { ns: 'assessments' }), dataIndex: 'title' },
                { title: t('level', { ns: 'network' }), render: (_, r) => t(`level_${r.level}`, { ns: 'network', defaultValue: r.level }) },
                { title: t('rating', { ns: 'assessments' }), render: (_, r) => <RatingTag rating={r.rating} /> },
              ]}
            />
          </>
        )}
      </Card>
    </Space>
  );
}
