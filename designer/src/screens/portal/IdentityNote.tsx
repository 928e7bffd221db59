/**
 * What the identity policy says under a field as the applicant types (engine formFindings, the
 * same checks the server runs on submit): a warning, or a soft reject with the checkbox that
 * confirms the value (sent as `confirmations`). Keyboard: the checkbox is a native input.
 */
import { Alert, Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormFinding } from '../../../../engine/forms/form-findings.js';

export function IdentityNote(props: { finding: FormFinding; isConfirmed: boolean; onConfirm(isConfirmed: boolean): void }) {
  const { t } = useTranslation('portal');
  const { finding } = props;
  const testId = `identity-note-${finding.path}`;
  if (finding.level === 'warning') return <Alert type="warning" showIcon title={finding.message} data-testid={testId} style={{ marginBottom: 16 }} />;
  return (
    <Alert
      type={props.isConfirmed ? 'info' : 'error'}
      showIcon
      title={finding.message}
      data-testid={testId}
      style={{ marginBottom: 16 }}
      description={
        <Checkbox checked={props.isConfirmed} onChange={(event) => props.onConfirm(event.target.checked)} data-testid={`confirm-${finding.path}`}>
          {t('confirmIdentity')}
        </Checkbox>
      }
    />
  );
}
