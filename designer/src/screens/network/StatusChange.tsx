/**
 * 状态变更: the legal next statuses of a platform as buttons (the engine's own lifecycle); each
 * opens a confirmation asking for the required reason. The server stays the authority: its
 * refusal is shown in the dialog.
 */
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRegistryStatus, nextStatuses } from '../../../../engine/network/lifecycle.js';
import { registryApi, type RegistryPlatform } from '../../api/registry';
import { TextActionModal, type TextAction } from '../../components/TextActionModal';

export function StatusChange({ platform, onChanged }: { platform: RegistryPlatform; onChanged: (next: RegistryPlatform) => void }) {
  const { t } = useTranslation('network');
  const [action, setAction] = useState<TextAction>();
  const next = isRegistryStatus(platform.status) ? nextStatuses[platform.status] : [];
  const status = (s: string) => t(`status_${s}`, { defaultValue: s });

  const open = (to: string) =>
    setAction({
      title: t('changeStatusTitle', { from: status(platform.status), to: status(to) }),
      hint: t('changeStatusHint', { title: platform.title }),
      label: t('reason'),
      pointer: '/reason',
      okText: t('confirmChange'),
      isDanger: to === 'delisted',
      testId: 'status',
      run: async (reason) => onChanged(await registryApi.changeStatus(platform.id, { to, reason })),
    });

  return (
    <>
      <Space wrap data-testid="status-next">
        <Typography.Text type="secondary">{t('nextStatus')}</Typography.Text>
        {next.map((to) => (
          <Button key={to} danger={to === 'delisted'} onClick={() => open(to)} data-testid={`status-to-${to}`}>
            {t('changeTo', { status: status(to) })}
          </Button>
        ))}
      </Space>
      <TextActionModal action={action} onDone={() => setAction(undefined)} onCancel={() => setAction(undefined)} />
    </>
  );
}
