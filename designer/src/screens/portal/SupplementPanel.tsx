/**
 * Supplement a returned case (补正): the materials the one-time notice names — missing, or found
 * deficient with staff's reason — each with an upload; "提交补正材料" resubmits them at once.
 */
import { Alert, Button, Card, Space, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../engine/kinds/checklist.js';
import { catalogApi } from '../../api/catalog';
import type { CaseAction, CaseView } from '../../api/portal';
import { MaterialUploadList, type MaterialRow } from './MaterialUploads';
import { useMaterialUploads } from './useMaterialUploads';

const TO_SUPPLY = new Set(['missing', 'deficient', 'deferred']);

export function SupplementPanel({ kase, action, onSubmit }: { kase: CaseView; action: CaseAction; onSubmit(fileRefs: Record<string, string[]>): Promise<void> }) {
  const { t } = useTranslation('portal');
  const uploads = useMaterialUploads(kase.item.id);
  const [definitions, setDefinitions] = useState<Material[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    catalogApi.guide(kase.platformId, kase.item.id).then((guide) => setDefinitions(guide.materials as Material[]), (failure: Error) => setError(failure.message));
  }, [kase.platformId, kase.item.id]);

  const rows = useMemo<MaterialRow[]>(() => {
    const byKey = new Map((definitions ?? []).map((m) => [m.key, m]));
    return kase.materials
      .filter((m) => TO_SUPPLY.has(m.status) && byKey.has(m.key))
      .map((m) => ({ material: byKey.get(m.key)!, isRequired: m.isRequired, reason: m.reason }));
  }, [definitions, kase.materials]);
  const isComplete = rows.every((row) => !row.isRequired || (uploads.files[row.material.key]?.length ?? 0) > 0);

  async function resubmit() {
    setBusy(true);
    try {
      await onSubmit(uploads.fileRefs);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('supplementTitle')} data-testid="supplement">
      {error && <Alert type="error" showIcon title={error} />}
      {!definitions && !error && <Spin />}
      {definitions && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('supplementHint')} />
          <MaterialUploadList rows={rows} uploads={uploads} isDisabled={isBusy} />
          <Button type="primary" onClick={() => void resubmit()} loading={isBusy} disabled={uploads.isUploading || !isComplete} data-testid="resubmit">
            {action.title || t('resubmit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
