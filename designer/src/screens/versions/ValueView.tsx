/** A value of a definition as a person reads it: text as text, anything else as compact JSON. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ValueView({ value }: { value: unknown }) {
  const { t } = useTranslation('versions');
  if (value === undefined) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <div style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: typeof value === 'string' ? undefined : 'ui-monospace, monospace', fontSize: 12 }}>
      {text}
    </div>
  );
}

