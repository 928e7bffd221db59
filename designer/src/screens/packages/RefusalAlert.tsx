/**
 * A refusal as the server gave it: the stable code, the whole message (which names the key, the
 * entry, the line and column…) and any problems at their JSON pointers. Never shortened.
 */
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ProblemList } from '../../components/ProblemList';

export function RefusalAlert({ error, testId = 'refusal' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation('packages');
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'error';
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={code}
      title={t('refused', { code })}
      description={
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: problems.length ? 8 : 0 }} data-testid={`${testId}-message`}>
            {(error as Error).message}
          </Typography.Paragraph>
          <ProblemList problems={problems} />
        </>
      }
    />
  );
}
