/** The assessment year from `?year=` (last year by default: summaries are written in January) and its picker. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

const YEARS_SHOWN = 6;

export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear - 1;
  return [year, (next) => setParams({ year: String(next) })];
}

export function YearSelect({ year, onChange, id, testId }: { year: number; onChange: (year: number) => void; id?: string; testId: string }) {
  const { t } = useTranslation('assessments');
  const thisYear = new Date().getFullYear();
  return (
    <Select
      id={id}
      aria-label={t('year')}
      data-testid={testId}
      style={{ width: 140 }}
      value={year}
      onChange={onChange}
      options={Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i).map((y) => ({ value: y, label: t('yearOption', { year: y }) }))}
    />
  );
}
