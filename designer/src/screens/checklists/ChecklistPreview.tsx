/** The materials as the service guide prints them (the 申请材料 table of the service-guide template). */
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../engine/kinds/checklist';
import { materialFormLabels } from '../../../../engine/labels';

export function ChecklistPreview({ materials }: { materials: Material[] }) {
  const { t } = useTranslation('checklists');
  const necessity = (m: Material) => {
    const base = m.required === true ? t('necessary') : m.condition || (m.required === false ? t('unnecessary') : t('conditional'));
    return m.isDeferrable ? `${base}${t('deferrableSuffix')}` : base;
  };
  return (
    <Table
      data-testid="checklist-preview"
      size="small"
      bordered
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={materials}
      columns={[
        { title: t('colSeq'), width: 60, render: (_, __, i) => i + 1 },
        { title: t('colName'), render: (_, m) => `${m.name}${m.sample ? t('sampleOf', { sample: m.sample }) : ''}` },
        { title: t('colForm'), width: 120, render: (_, m) => materialFormLabels[m.form] },
        { title: t('colCount'), width: 70, dataIndex: 'count' },
        { title: t('colNote'), render: (_, m) => `${m.note ? `${m.note}；` : ''}${t('fileRule', { types: m.fileTypes.join('/'), size: m.maxSizeMB })}` },
        { title: t('colRequired'), width: 200, render: (_, m) => necessity(m) },
      ]}
    />
  );
}
