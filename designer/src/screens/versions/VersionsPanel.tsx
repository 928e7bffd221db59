/**
 * The history of one definition, shown in every editor's 历史版本 drawer: the versions the
 * platform can see (draft first, then newest first), two of them picked to compare (by default
 * the newest published one against the draft) with a readable diff, and roll back to a version
 * as the platform's new draft.
 */
import { App, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { definitionsApi, type DefinitionVersion, type Kind } from '../../api/definitions';
import { historyApi } from '../../api/history';
import type { ApiError } from '../../api/client';
import { defaultPair, inDisplayOrder, keyOf } from './versionChoice';
import { VersionDiff } from './VersionDiff';

export function VersionsPanel({ kind, id, onRolledBack }: { kind: Kind; id: string; onRolledBack?: () => void }) {
  const { t, i18n } = useTranslation();
  const { t: tv } = useTranslation('versions');
  const { modal, message } = App.useApp();
  const [versions, setVersions] = useState<DefinitionVersion[] | undefined>(undefined);
  const [fromKey, setFromKey] = useState<string | undefined>();
  const [toKey, setToKey] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    const found = inDisplayOrder(await definitionsApi.versions(kind, id));
    const pair = defaultPair(found);
    setVersions(found);
    setFromKey(pair.from);
    setToKey(pair.to);
  }, [kind, id]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const ownerOf = (v: DefinitionVersion) => (v.isInherited ? `${t('inherited')} · ${v.platformId}` : t('own'));

  function confirmRollback(v: DefinitionVersion) {
    modal.confirm({
      title: tv('rollback'),
      content: tv('rollbackConfirm', { version: v.version, owner: ownerOf(v) }),
      okText: tv('rollback'),
      cancelText: t('cancel'),
      okButtonProps: { 'data-testid': 'confirm-rollback' } as never,
      async onOk() {
        try {
          const result = await historyApi.rollback(kind, id, { version: v.version, owner: v.platformId });
          if (result.problems.length === 0) message.success(tv('rolledBack', { version: v.version }));
          else message.warning(tv('rolledBackWithProblems', { count: result.problems.length }));
          await refresh();
          onRolledBack?.();
        } catch (error) {
          message.error(tv('rollbackFailed', { detail: (error as ApiError).message }));
        }
      },
    });
  }

  const rows = versions ?? [];
  const from = rows.find((v) => keyOf(v) === fromKey);
  const to = rows.find((v) => keyOf(v) === toKey);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="versions">
      <Typography.Text type="secondary">{tv('compareHelp')}</Typography.Text>
      <Table
        rowKey={keyOf}
        loading={versions === undefined}
        dataSource={rows}
        pagination={false}
        size="small"
        onRow={(v) => ({ 'data-version': keyOf(v), 'data-status': v.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={s === 'published' ? 'green' : s === 'draft' ? 'gold' : undefined}>{t(`status_${s}`)}</Tag>,
          },
          { title: t('source'), render: (_, v) => (v.isInherited ? <Tag color="blue">{ownerOf(v)}</Tag> : <Tag>{ownerOf(v)}</Tag>) },
          { title: tv('publishedAt'), dataIndex: 'publishedAt', render: (at: string | null) => (at ? new Date(at).toLocaleString(i18n.language) : '—') },
          {
            title: tv('compareFrom'),
            align: 'center',
            render: (_, v) => (
              <Radio
                checked={fromKey === keyOf(v)}
                disabled={v.status === 'draft' || toKey === keyOf(v)}
                onChange={() => setFromKey(keyOf(v))}
                aria-label={`${tv('compareFrom')} v${v.version} ${v.platformId}`}
                data-testid={`compare-from-${keyOf(v)}`}
              />
            ),
          },
          {
            title: tv('compareTo'),
            align: 'center',
            render: (_, v) => (
              <Radio
                checked={toKey === keyOf(v)}
                disabled={fromKey === keyOf(v)}
                onChange={() => setToKey(keyOf(v))}
                aria-label={`${tv('compareTo')} v${v.version} ${v.platformId}`}
                data-testid={`compare-to-${keyOf(v)}`}
              />
            ),
          },
          {
            title: t('actions'),
            render: (_, v) =>
              v.status === 'draft' ? null : (
                <Button size="small" onClick={() => confirmRollback(v)} data-testid={`rollback-${keyOf(v)}`}>
                  {tv('rollback')}
                </Button>
              ),
          },
        ]}
      />
      {versions !== undefined && <VersionDiff kind={kind} id={id} from={from} to={to} describe={ownerOf} />}
    </Space>
  );
}
