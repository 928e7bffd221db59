/** 转办: hand the case to another staff member of the platform, at the version on screen. */
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../api/desk';

export function ReassignControl({ staff, assigneeId, isBusy, onAssign }: { staff: StaffMember[]; assigneeId: string | null; isBusy: boolean; onAssign: (userId: string) => Promise<boolean> }) {
  const { t } = useTranslation('desk');
  const [chosen, setChosen] = useState<string>();
  const others = staff.filter((s) => s.id !== assigneeId);
  return (
    <Space wrap>
      <label htmlFor="reassign-to">{t('reassignTo')}</label>
      <Select
        id="reassign-to"
        aria-label={t('reassignTo')}
        style={{ minWidth: 240 }}
        value={chosen}
        onChange={setChosen}
        placeholder={t('chooseStaff')}
        options={others.map((s) => ({ value: s.id, label: s.displayName }))}
        data-testid="reassign-select"
      />
      <Button
        disabled={!chosen || isBusy}
        onClick={async () => {
          if (chosen && (await onAssign(chosen))) setChosen(undefined);
        }}
        data-testid="reassign"
      >
        {t('reassign')}
      </Button>
    </Space>
  );
}
