/**
 * The preview column: the sample item to render with, and the rendered template — HTML
 * sanitized with DOMPurify inside a sandboxed frame (its styles stay in the frame, no script
 * runs), text in <pre>. With problems the last good output stays, badged "有错误".
 */
import { Alert, Empty, Flex, Select, Spin, Tag, Tooltip, Typography } from 'antd';
import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, type DefinitionSummary } from '../../api/definitions';
import type { PreviewState } from './usePreview';

export function TemplatePreview({
  format,
  preview,
  items,
  itemId,
  onItem,
}: {
  format: string;
  preview: PreviewState;
  items: DefinitionSummary[];
  itemId: string | undefined;
  onItem: (itemId: string) => void;
}) {
  const { t, i18n } = useTranslation('templates');
  const { output, problems, error, isPending } = preview;
  const html = useMemo(() => (output && format === 'html' ? DOMPurify.sanitize(output.body, { WHOLE_DOCUMENT: true }) : ''), [output, format]);
  const options = items.map((item) => ({ value: item.id, label: `${textOf(item.title, i18n.language)}（${item.id}）` }));
  return (
    <Flex vertical gap={8} data-testid="template-preview" data-has-errors={problems.length > 0}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t('preview')}</Typography.Text>
        <Flex gap={8} align="center">
          {isPending && <Spin size="small" />}
          {problems.length > 0 && (
            <Tooltip title={t('previewStale')}>
              <Tag color="red" data-testid="preview-has-errors">
                {t('previewHasErrors')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
      </Flex>
      <label htmlFor="template-sample-item">{t('sampleItem')}</label>
      <Select
        id="template-sample-item"
        showSearch={{ optionFilterProp: 'label' }}
        value={itemId}
        options={options}
        onChange={onItem}
        loading={items.length === 0}
        data-testid="sample-item"
      />
      {error && <Alert type="error" showIcon title={t('previewFailed', { detail: error })} />}
      {output?.subject && <Typography.Text data-testid="preview-subject">{t('previewSubject', { subject: output.subject })}</Typography.Text>}
      {!output ? (
        <Empty description={t('previewEmpty')} />
      ) : format === 'html' ? (
        <iframe
          title={t('preview')}
          sandbox=""
          srcDoc={html}
          data-testid="preview-frame"
          style={{ width: '100%', height: 560, border: '1px solid #d9d9d9', borderRadius: 4, background: '#fff' }}
        />
      ) : (
        <pre data-testid="preview-text" style={{ whiteSpace: 'pre-wrap', margin: 0, padding: 12, border: '1px solid #d9d9d9', borderRadius: 4, background: '#fafafa', minHeight: 120 }}>
          {output.body}
        </pre>
      )}
    </Flex>
  );
}
