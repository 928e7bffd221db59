/**
 * The checklist's materials, each with its requirements (required or when, original or copy,
 * copies, file types, size) and its own upload: progress while sending, the files uploaded
 * (removable), and type/size problems shown at the material.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, List, Progress, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../engine/kinds/checklist.js';
import { materialFormLabels } from '../../../../engine/labels.js';
import type { MaterialUploads } from './useMaterialUploads';

export interface MaterialRow {
  material: Material;
  isRequired: boolean;
  /** Why it must be supplied again (a deficient verdict), when supplementing. */
  reason?: string | null;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function MaterialUpload({ row, uploads, isDisabled }: { row: MaterialRow; uploads: MaterialUploads; isDisabled: boolean }) {
  const { t } = useTranslation('portal');
  const input = useRef<HTMLInputElement>(null);
  const { material } = row;
  const key = material.key;
  const files = uploads.files[key] ?? [];
  const pending = uploads.pending[key] ?? [];
  const errors = uploads.errors[key] ?? [];
  const inputId = `upload-${key}`;
  return (
    <List.Item data-testid={`material-${key}`} style={{ display: 'block' }}>
      <Space orientation="vertical" style={{ width: '100%' }} size={4}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{material.name}</Typography.Text>
            {row.isRequired ? <Tag color="red">{t('required')}</Tag> : <Tag>{material.condition ? t('requiredWhen', { condition: material.condition }) : t('optional')}</Tag>}
            <Tag>{materialFormLabels[material.form]}</Tag>
            <Typography.Text type="secondary">{t('copies', { count: material.count })}</Typography.Text>
          </Space>
          <span>
            <input
              ref={input}
              id={inputId}
              type="file"
              multiple
              hidden
              accept={material.fileTypes.map((type) => `.${type}`).join(',')}
              aria-label={t('uploadFor', { name: material.name })}
              data-testid={inputId}
              onChange={(event) => {
                const chosen = [...(event.target.files ?? [])];
                event.target.value = '';
                if (chosen.length > 0) void uploads.add(material, chosen);
              }}
            />
            <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} disabled={isDisabled} aria-controls={inputId}>
              {t('upload')}
            </Button>
          </span>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('fileRules', { types: material.fileTypes.join('、'), size: material.maxSizeMB })}
          {material.note ? ` · ${material.note}` : ''}
        </Typography.Text>
        {row.reason && <Alert type="warning" showIcon title={t('deficientReason', { reason: row.reason })} />}
        {files.map((file) => (
          <Space key={file.fileId} data-testid={`uploaded-${key}`}>
            <PaperClipOutlined />
            <Typography.Text>{file.name}</Typography.Text>
            <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('removeFile', { name: file.name })}
              onClick={() => uploads.remove(key, file.fileId)}
              disabled={isDisabled}
            />
          </Space>
        ))}
        {pending.map((upload) => (
          <div key={upload.id} data-testid={`uploading-${key}`}>
            <Typography.Text type="secondary">{upload.name}</Typography.Text>
            <Progress percent={upload.percent} size="small" />
          </div>
        ))}
        {errors.map((error) => (
          <Alert key={error} type="error" showIcon title={error} data-testid={`material-error-${key}`} />
        ))}
      </Space>
    </List.Item>
  );
}

export function MaterialUploadList({ rows, uploads, isDisabled = false }: { rows: MaterialRow[]; uploads: MaterialUploads; isDisabled?: boolean }) {
  return <List bordered dataSource={rows} rowKey={(row) => row.material.key} renderItem={(row) => <MaterialUpload row={row} uploads={uploads} isDisabled={isDisabled} />} />;
}
