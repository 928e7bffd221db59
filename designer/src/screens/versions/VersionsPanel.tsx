/** The versions of one definition the platform can see, newest first. */
import { Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { definitionsApi, type DefinitionVersion, type Kind } from '../../api/definitions';

export function VersionsPanel({ kind, id }: { kind: Kind; id: string; onRolledBack?: () => void }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<DefinitionVersion[]>([]);
  useEffect(() => {
    void definitionsApi.versions(kind, id).then((found) => setVersions([...found].sort((a, b) => b.version - a.version)));
  }, [kind, id]);
  return (
    <Table
      rowKey={(v) => `${v.platformId}:${v.version}`}
      dataSource={versions}
      pagination={false}
      columns={[
        { title: t('version'), dataIndex: 'version', render: (v: number) => `v${v}` },
        { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`status_${s}`)}</Tag> },
        { title: t('source'), render: (_, v) => (v.isInherited ? `${t('inherited')} · ${v.platformId}` : t('own')) },
        { title: 'publishedAt', dataIndex: 'publishedAt' },
      ]}
    />
  );
}
