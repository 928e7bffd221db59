/**
 * What an adopted item is based on: the inherited platform and version ("基于 … v1"), the fields
 * this platform changed, and — when the platform above has published since — a banner that
 * opens the upgrade view.
 */
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../api/catalog';
import { upgradeApi, type UpgradePlanView } from '../../api/upgrade';
import { UpgradeDrawer } from './UpgradeDrawer';

/** A platform's title by id, read once from its public page; the id until then. */
function usePlatformTitle(id: string): string {
  const [title, setTitle] = useState(id);
  useEffect(() => {
    catalogApi.platform(id).then((found) => setTitle(found.title), () => setTitle(id));
  }, [id]);
  return title;
}

export interface AdoptionPanelProps {
  itemId: string;
  /** The inherited platform and version the working copy is based on. */
  base: { platform: string; version: number };
  /** Whether the platform has a version of its own (only then is there anything to upgrade). */
  hasOwnVersion: boolean;
  /** Top-level fields the working copy changed from its base. */
  overridden: string[];
  /** Changes whenever the stored versions do: the plan is asked for again. */
  versionsKey: unknown;
  isDirty: boolean;
  onUpgraded(): Promise<void>;
}

export function AdoptionPanel(props: AdoptionPanelProps) {
  const { t } = useTranslation('items');
  const platformTitle = usePlatformTitle(props.base.platform);
  const [plan, setPlan] = useState<UpgradePlanView>();
  const [isOpen, setOpen] = useState(false);
  const { itemId, hasOwnVersion, versionsKey } = props;

  useEffect(() => {
    let isCurrent = true;
    setPlan(undefined);
    if (hasOwnVersion) void upgradeApi.plan(itemId).then((found) => isCurrent && setPlan(found), () => undefined);
    return () => {
      isCurrent = false;
    };
  }, [itemId, hasOwnVersion, versionsKey]);

  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Alert
        type="info"
        showIcon
        data-testid="adopted"
        title={<span data-testid="adopted-base">{t('basedOn', { platform: platformTitle, version: props.base.version })}</span>}
        description={
          <div data-testid="local-changes">
            <Typography.Text type="secondary">{props.overridden.length === 0 ? t('noLocalChanges') : t('localChanges')}</Typography.Text>
            {props.overridden.map((field) => (
              <Tag key={field} color="gold">
                {t(`f_${field}`, { defaultValue: field })}
              </Tag>
            ))}
          </div>
        }
      />
      {plan && !plan.upToDate && (
        <Alert
          type="warning"
          showIcon
          data-testid="upstream-published"
          title={t('upstreamPublished', { version: plan.to.version })}
          description={t('upstreamPublishedBody', { platform: platformTitle, from: plan.from.version })}
          action={
            <Button type="primary" onClick={() => setOpen(true)} data-testid="open-upgrade">
              {t('openUpgrade')}
            </Button>
          }
        />
      )}
      {plan && !plan.upToDate && (
        <UpgradeDrawer id={itemId} plan={plan} platformTitle={platformTitle} isOpen={isOpen} isDirty={props.isDirty} onClose={() => setOpen(false)} onUpgraded={props.onUpgraded} />
      )}
    </Space>
  );
}
