/**
 * 年度评估 (/studio/assessments): the province admin sees every platform's summary of the chosen
 * year and rates it; a platform admin submits its own summary and reports rectification. The
 * year comes from `?year=` and defaults to last year (summaries are written in January).
 */
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session';
import { OwnAssessment } from './OwnAssessment';
import { ProvinceAssessments } from './ProvinceAssessments';
import { useYearParam, YearSelect } from './YearSelect';

export function AssessmentsScreen() {
  const { t } = useTranslation('assessments');
  const { me } = useSession();
  const [year, setYear] = useYearParam();
  const isProvince = me?.roles.includes('province-admin') ?? false;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3}>{t('title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{isProvince ? t('introProvince') : t('introPlatform')}</Typography.Paragraph>
      </div>
      <Space>
        <label htmlFor="assessment-year">{t('year')}</label>
        <YearSelect id="assessment-year" testId="assessment-year" year={year} onChange={setYear} />
      </Space>
      {isProvince ? <ProvinceAssessments key={year} year={year} /> : <OwnAssessment key={year} year={year} />}
    </Space>
  );
}
