/**
 * The definition as JSON, to inspect or to paste: edits apply when the text parses, and a
 * parse error says where (line and column) instead of discarding what was typed.
 */
import { Alert, Button, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    if (!position) return { error: message };
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { error: `${message} (line ${line}, column ${column})` };
  }
}

export function JsonView({ value, onApply, rows = 24, testId = 'json-view' }: { value: unknown; onApply: (value: unknown) => void; rows?: number; testId?: string }) {
  const { t } = useTranslation();
  const pretty = JSON.stringify(value, null, 2);
  const [text, setText] = useState(pretty);
  useEffect(() => setText(pretty), [pretty]);
  const parsed = parseJson(text);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={rows}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
        data-testid={testId}
      />
      {parsed.error && <Alert type="error" showIcon title={parsed.error} />}
      <Button disabled={!!parsed.error || text === pretty} onClick={() => onApply(parsed.value)} data-testid={`${testId}-apply`}>
        {t('applyJson')}
      </Button>
    </Space>
  );
}
