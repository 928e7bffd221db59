/**
 * The upgrade of a localized item, field by field: what the platform above changed (the
 * versions screen's readable diff), which of those are locked and simply taken, what this
 * platform changed and whether it is kept, and each conflict's resolution in plain words. One
 * button saves the merged item as the platform's draft; publishing stays the editor's button.
 */
import { App, Alert, Button, Card, Descriptions, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { upgradeApi, type FieldChange, type UpgradeConflict, type UpgradePlanView } from '../../api/upgrade';
import { DiffTable } from '../versions/DiffTable';
import { ValueView } from '../versions/ValueView';

function UpstreamChange({ change, isOverridden }: { change: FieldChange; isOverridden: boolean }) {
  const { t } = useTranslation('items');
  const [tag, colour] = change.locked ? ['upgradeLockedTaken', 'red'] : isOverridden ? ['upgradeUnlockedKept', 'gold'] : ['upgradeUnlockedTaken', 'blue'];
  return (
    <Card size="small" data-testid={`upgrade-upstream-${change.field}`} data-locked={change.locked ? 'true' : undefined}
      title={<Space>{t(`f_${change.field}`, { defaultValue: change.field })}<Tag color={colour}>{t(tag)}</Tag></Space>}>
      <DiffTable kind="ServiceItem" changes={change.changes} testId={`upgrade-diff-${change.field}`} />
    </Card>
  );
}

function ConflictCard({ conflict }: { conflict: UpgradeConflict }) {
  const { t } = useTranslation('items');
  return (
    <Card size="small" data-testid={`upgrade-conflict-${conflict.field}`} data-resolution={conflict.resolution}
      title={<Space>{t(`f_${conflict.field}`, { defaultValue: conflict.field })}<Tag color={conflict.resolution === 'keepLocal' ? 'gold' : 'red'}>{conflict.resolution === 'keepLocal' ? t('upgradeOverrideKept') : t('upgradeLockedTaken')}</Tag></Space>}>
      <Typography.Paragraph>{t(`conflict_${conflict.resolution}_${conflict.reason}`)}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered
        items={[
          { key: 'local', label: t('conflictLocal'), children: <ValueView value={conflict.local} /> },
          { key: 'upstream', label: t('conflictUpstream'), children: <ValueView value={conflict.upstream} /> },
        ]}
      />
    </Card>
  );
}

export function UpgradeDrawer(props: { id: string; plan: UpgradePlanView; platformTitle: string; isOpen: boolean; isDirty: boolean; onClose(): void; onUpgraded(): Promise<void> }) {
  const { plan, platformTitle } = props;
  const { t } = useTranslation('items');
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  const overridden = new Set(plan.overrides.map((o) => o.field));
  const conflictOf = (field: string) => plan.conflicts.find((c) => c.field === field);

  const upgrade = async () => {
    setBusy(true);
    try {
      await upgradeApi.upgrade(props.id, plan.to.version);
      message.success(t('upgraded', { version: plan.to.version }));
      await props.onUpgraded();
      props.onClose();
    } catch (error) {
      message.error(t('upgradeFailed', { detail: (error as ApiError).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={props.isOpen} onClose={props.onClose} size="large" title={t('upgradeTitle', { platform: platformTitle, version: plan.to.version })}
      extra={
        <Button type="primary" loading={isBusy} disabled={props.isDirty} onClick={() => void upgrade()} data-testid="upgrade-to-draft">
          {t('upgradeToDraft')}
        </Button>
      }>
      <div data-testid="upgrade-view">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {props.isDirty && <Alert type="warning" showIcon title={t('upgradeDirty')} />}
        <section>
          <Typography.Title level={5}>{t('upgradeUpstream', { from: plan.from.version, to: plan.to.version })}</Typography.Title>
          {plan.upstream.length === 0 ? <Empty description={t('upgradeNoUpstream')} /> : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {plan.upstream.map((change) => <UpstreamChange key={change.field} change={change} isOverridden={overridden.has(change.field)} />)}
            </Space>
          )}
        </section>
        <section>
          <Typography.Title level={5}>{t('upgradeConflicts', { count: plan.conflicts.length })}</Typography.Title>
          {plan.conflicts.length === 0 ? <Typography.Text type="secondary">{t('upgradeNoConflicts')}</Typography.Text> : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {plan.conflicts.map((conflict) => <ConflictCard key={conflict.field} conflict={conflict} />)}
            </Space>
          )}
        </section>
        <section data-testid="upgrade-overrides">
          <Typography.Title level={5}>{t('upgradeOverrides')}</Typography.Title>
          {plan.overrides.length === 0 ? <Typography.Text type="secondary">{t('upgradeNoOverrides')}</Typography.Text> : (
            <Space wrap>
              {plan.overrides.map((o) => {
                const conflict = conflictOf(o.field);
                const isKept = conflict === undefined || conflict.resolution === 'keepLocal';
                return (
                  <Tag key={o.field} color={isKept ? 'gold' : 'red'} data-testid={`upgrade-override-${o.field}`}>
                    {t(`f_${o.field}`, { defaultValue: o.field })}：{isKept ? t('upgradeOverrideKept') : t('upgradeLockedTaken')}
                  </Tag>
                );
              })}
            </Space>
          )}
        </section>
      </Space>
      </div>
    </Drawer>
  );
}
