/** 导出 Excel: downloads the inbox's cases or the platform's evaluations as a workbook (api/exports.ts). */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXPORT_ROW_LIMIT, exportsApi, type ExportKind } from '../../api/exports';

export function ExportButton({ kind, filter = {} }: { kind: ExportKind; filter?: Record<string, string | undefined> }) {
  const { t, i18n } = useTranslation('desk');
  const limit = EXPORT_ROW_LIMIT.toLocaleString('en-US');
  return (
    <Tooltip title={t(kind === 'cases' ? 'exportCasesHint' : 'exportEvaluationsHint', { limit })}>
      <Button icon={<DownloadOutlined />} href={exportsApi.url(kind, filter, i18n.language)} download data-testid={`export-${kind}`}>
        {t('exportExcel')}
      </Button>
    </Tooltip>
  );
}
