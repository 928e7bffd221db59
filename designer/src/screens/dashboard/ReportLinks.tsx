/**
 * The reports of what the dashboard shows (server/routes/reports.ts): 服务评价报告 for the period
 * and 年度总结 for the year the period ends in, of the platform in scope, as printable HTML or
 * PDF, each opened in a new tab (the server renders and checks access; the page only links).
 */
import { FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { annualReportUrl, evaluationReportUrl, type StatisticsFilter } from './statistics-api';

export function ReportLinks({ filter }: { filter: StatisticsFilter }) {
  const { t } = useTranslation('dashboard');
  const year = Number(filter.to.slice(0, 4));
  const link = (href: string, label: string, isPdf: boolean, testId: string) => (
    <Button href={href} target="_blank" rel="noopener noreferrer" icon={isPdf ? <FilePdfOutlined /> : <FileTextOutlined />} title={t('opensInNewTab')} data-testid={testId}>
      {label}
    </Button>
  );
  return (
    <Space wrap aria-label={t('reports')} data-testid="dashboard-reports">
      {link(evaluationReportUrl(filter, 'html'), t('evaluationReport'), false, 'report-evaluation')}
      {link(evaluationReportUrl(filter, 'pdf'), t('evaluationReportPdf'), true, 'report-evaluation-pdf')}
      {link(annualReportUrl(year, filter.platformId, 'html'), t('annualReport', { year }), false, 'report-annual')}
      {link(annualReportUrl(year, filter.platformId, 'pdf'), t('annualReportPdf', { year }), true, 'report-annual-pdf')}
    </Space>
  );
}
