/**
 * A masked ID number or phone with a 查看 button: it asks why (the server wants at least 2
 * characters and records the reason in the audit trail), then shows the full value in place.
 * Keyboard: Tab to the button, Enter opens the dialog with the reason focused, Tab to confirm.
 */
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskApi } from '../../api/desk';
import { TextActionModal, type TextAction } from '../../components/TextActionModal';

export function RevealValue({ caseId, path, masked, label }: { caseId: string; path: string; masked: string; label: string }) {
  const { t } = useTranslation('desk');
  const [value, setValue] = useState<string | null>(null);
  const [action, setAction] = useState<TextAction | undefined>();
  const testId = `reveal-${path.split('/').slice(2).join('-')}`;

  const ask = () =>
    setAction({
      title: t('revealTitle'),
      hint: t('revealHint'),
      label: t('revealReason'),
      pointer: '/reason',
      okText: t('revealConfirm'),
      testId,
      run: async (reason) => setValue((await deskApi.reveal(caseId, { path, reason })).value),
    });

  if (value !== null) return <span data-testid={`${testId}-value`}>{value}</span>;
  return (
    <Space size="small">
      <span>{masked}</span>
      <Button size="small" type="link" onClick={ask} aria-label={t('revealLabel', { field: label })} data-testid={testId}>
        {t('reveal')}
      </Button>
      <TextActionModal action={action} onDone={() => setAction(undefined)} onCancel={() => setAction(undefined)} />
    </Space>
  );
}
