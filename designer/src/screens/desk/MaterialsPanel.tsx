/**
 * The case's materials judged against the checklist: what is required, what was supplied (each
 * file previewable), and staff's verdict per material — 合格, 缺失 (nothing supplied: set by the
 * checklist, not chosen) or 不符合要求 with the reason the one-time notice will quote.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialView, Verdicts } from '../../api/desk';
import { FilePreviewDrawer, type PreviewFile } from './FilePreviewDrawer';

const statusColors: Record<string, string> = { provided: 'green', missing: 'red', deficient: 'orange', deferred: 'gold', notRequired: 'default' };

/** The verdicts a case's materials already carry: a deficient one with its reason. */
export function verdictsFrom(materials: MaterialView[]): Verdicts {
  return Object.fromEntries(materials.filter((m) => m.status === 'deficient' && m.files.length > 0).map((m) => [m.key, { status: 'deficient' as const, reason: m.reason ?? '' }]));
}

export function MaterialsPanel({
  materials,
  verdicts,
  canJudge,
  onChange,
}: {
  materials: MaterialView[];
  verdicts: Verdicts;
  canJudge: boolean;
  onChange: (verdicts: Verdicts) => void;
}) {
  const { t } = useTranslation('desk');
  const [preview, setPreview] = useState<PreviewFile | null>(null);
  const setVerdict = (key: string, verdict: Verdicts[string] | undefined) => {
    const next = { ...verdicts };
    if (verdict) next[key] = verdict;
    else delete next[key];
    onChange(next);
  };
  const judgeable = materials.filter((m) => m.files.length > 0);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canJudge && judgeable.length > 0 && (
        <Button size="small" onClick={() => onChange(Object.fromEntries(judgeable.map((m) => [m.key, { status: 'ok' as const }])))} data-testid="all-ok">
          {t('allOk')}
        </Button>
      )}
      <Table<MaterialView>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={materials}
        onRow={(m) => ({ 'data-testid': `material-${m.key}`, 'data-material-name': m.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('material'),
            render: (_, m) => (
              <Space orientation="vertical" size={2}>
                <Space size={4} wrap>
                  <Typography.Text>{m.name}</Typography.Text>
                  {m.isRequired && <Tag color="blue">{t('required')}</Tag>}
                </Space>
                {m.files.map((file) => (
                  <Button key={file.id} type="link" size="small" icon={<PaperClipOutlined />} style={{ padding: 0, height: 'auto' }} onClick={() => setPreview(file)} data-testid={`preview-${file.id}`}>
                    {file.name}
                  </Button>
                ))}
              </Space>
            ),
          },
          {
            title: t('materialStatus'),
            width: 110,
            render: (_, m) => (
              <Space orientation="vertical" size={0}>
                <Tag color={statusColors[m.status] ?? 'default'}>{t(`materialStatus_${m.status}`, { defaultValue: m.status })}</Tag>
                {m.status === 'deficient' && m.reason && !canJudge && <Typography.Text type="secondary">{m.reason}</Typography.Text>}
              </Space>
            ),
          },
          ...(canJudge
            ? [
                {
                  title: t('verdict'),
                  width: 280,
                  render: (_: unknown, m: MaterialView) => <VerdictInput material={m} verdict={verdicts[m.key]} onChange={(v) => setVerdict(m.key, v)} />,
                },
              ]
            : []),
        ]}
      />
      <FilePreviewDrawer file={preview} onClose={() => setPreview(null)} />
    </Space>
  );
}

function VerdictInput({ material, verdict, onChange }: { material: MaterialView; verdict: Verdicts[string] | undefined; onChange: (v: Verdicts[string] | undefined) => void }) {
  const { t } = useTranslation('desk');
  const hasFiles = material.files.length > 0;
  if (!hasFiles && !material.isRequired) return <Typography.Text type="secondary">—</Typography.Text>;
  const value = !hasFiles ? 'missing' : verdict?.status;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Radio.Group
        value={value}
        disabled={!hasFiles}
        optionType="button"
        buttonStyle="solid"
        size="small"
        aria-label={t('verdictFor', { name: material.name })}
        onChange={(event) => onChange(event.target.value === 'ok' ? { status: 'ok' } : { status: 'deficient', reason: verdict?.reason ?? '' })}
        options={[
          { value: 'ok', label: t('verdict_ok') },
          { value: 'missing', label: t('verdict_missing'), disabled: true },
          { value: 'deficient', label: t('verdict_deficient') },
        ]}
      />
      {hasFiles && verdict?.status === 'deficient' && (
        <Input
          size="small"
          aria-label={t('deficientReasonFor', { name: material.name })}
          placeholder={t('deficientReason')}
          value={verdict.reason ?? ''}
          onChange={(event) => onChange({ status: 'deficient', reason: event.target.value })}
        />
      )}
    </Space>
  );
}
