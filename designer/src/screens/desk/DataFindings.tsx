/**
 * Above the form data at the desk: what the applicant confirmed against a soft reject (a USCC
 * failing its check: staff review it against the licence) and the identity policy's warnings.
 */
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/time';
import type { CaseView } from '../../api/desk';

export function DataFindings({ view }: { view: Pick<CaseView, 'reviewFlags' | 'warnings'> }) {
  const { t } = useTranslation('desk');
  if (view.reviewFlags.length === 0 && view.warnings.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {view.reviewFlags.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('reviewFlags')}
          data-testid="review-flags"
          description={view.reviewFlags.map((flag) => (
            <div key={flag.path}>
              {flag.message}（{t('reviewFlagBy', { by: flag.confirmedBy, at: formatDateTime(flag.at) })}）
            </div>
          ))}
        />
      )}
      {view.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('dataWarnings')}
          data-testid="data-warnings"
          description={view.warnings.map((w) => <div key={`${w.path} ${w.code}`}>{w.message}</div>)}
        />
      )}
    </Space>
  );
}
