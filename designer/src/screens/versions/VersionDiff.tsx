/** The diff of two picked versions, asked of the server (GET …/diff), titled with what is compared. */
import { Alert, Empty, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { DefinitionVersion, Kind } from '../../api/definitions';
import { historyApi, type DefinitionDiff } from '../../api/history';
import { DiffTable } from './DiffTable';
import { refOf } from './versionChoice';

export function VersionDiff({
  kind,
  id,
  from,
  to,
  describe,
}: {
  kind: Kind;
  id: string;
  from: DefinitionVersion | undefined;
  to: DefinitionVersion | undefined;
  /** Whose version it is, in words. */
  describe: (v: DefinitionVersion) => string;
}) {
  const { t } = useTranslation();
  const { t: tv } = useTranslation('versions');
  const [diff, setDiff] = useState<DefinitionDiff | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setDiff(undefined);
    setError(undefined);
    if (!from || !to) return;
    let isCurrent = true;
    historyApi.diff(kind, id, refOf(from), refOf(to)).then(
      (found) => isCurrent && setDiff(found),
      (failure: ApiError) => isCurrent && setError(failure.message),
    );
    return () => {
      isCurrent = false;
    };
  }, [kind, id, from, to]);

  if (!from || !to) return <Empty description={tv('nothingToCompare')} />;
  if (error) return <Alert type="error" showIcon title={tv('diffFailed', { detail: error })} />;
  if (!diff) return <Spin />;
  const label = (v: DefinitionVersion) =>
    v.status === 'draft' ? tv('draftLabel', { version: v.version }) : tv('versionLabel', { version: v.version, status: t(`status_${v.status}`), owner: describe(v) });
  // Every version differs from another in its number; the title already says which two these are.
  const changes = diff.changes.filter((change) => change.path !== '/version');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="version-diff" data-count={changes.length}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {tv('diffTitle', { from: label(from), to: label(to), count: changes.length })}
      </Typography.Title>
      {changes.length === 0 ? <Empty description={tv('noChanges')} /> : <DiffTable kind={kind} changes={changes} />}
    </Space>
  );
}
