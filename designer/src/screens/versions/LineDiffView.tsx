/** Two versions of a text, line by line: removed lines red with "−", added green with "+", long unchanged runs folded. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hunks, lineDiff } from './lineDiff';
import { ValueView } from './ValueView';

const styles = {
  removed: { background: '#fff1f0', color: '#a8071a' },
  added: { background: '#f6ffed', color: '#135200' },
  same: {},
  skipped: { color: '#8c8c8c', fontStyle: 'italic' },
} as const;

const marks = { removed: '−', added: '+', same: ' ' } as const;

export function LineDiffView({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation('versions');
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  if (!lines) {
    return (
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        <ValueView value={before} />
        <ValueView value={after} />
      </div>
    );
  }
  return (
    <pre data-testid="line-diff" style={{ margin: 0, maxHeight: 360, overflow: 'auto', fontSize: 12, lineHeight: 1.6, background: '#fafafa', padding: 8 }}>
      {hunks(lines).map((line, index) =>
        line.op === 'skipped' ? (
          <div key={index} style={styles.skipped}>
            {t('linesUnchanged', { count: line.count })}
          </div>
        ) : (
          <div key={index} style={styles[line.op]} data-op={line.op}>
            {`${String(line.before ?? '').padStart(4)} ${String(line.after ?? '').padStart(4)} ${marks[line.op]} ${line.text}`}
          </div>
        ),
      )}
    </pre>
  );
}
