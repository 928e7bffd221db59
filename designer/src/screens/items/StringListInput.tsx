/**
 * A list of sentences (设定依据, 受理条件, 不予受理情形): one input per line, add and remove.
 * Lines are separate inputs rather than one text area so a line break never splits or merges
 * entries by accident, and each line has its own label for screen readers and tests.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export function StringListInput({
  id,
  label,
  value,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  value: readonly string[];
  onChange(next: string[]): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('items');
  const replace = (index: number, line: string) => onChange(value.map((v, i) => (i === index ? line : v)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} id={id}>
      {value.map((line, index) => (
        <Space.Compact key={index} style={{ width: '100%' }}>
          <Input
            value={line}
            disabled={disabled}
            aria-label={t('lineLabel', { field: label, n: index + 1 })}
            onChange={(e) => replace(index, e.target.value)}
          />
          {!disabled && (
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('removeLine', { n: index + 1 })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            />
          )}
        </Space.Compact>
      ))}
      {!disabled && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, ''])} data-testid={`${id}-add`}>
          {t('addLine')}
        </Button>
      )}
    </Space>
  );
}
