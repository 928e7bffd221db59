/**
 * Inputs of the property panel that commit when the user leaves them (blur or Enter), so
 * typing a label is one undo step rather than one per key. They follow the document when it
 * changes underneath (undo, redo, another field selected).
 */
import { Input, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';

interface DraftProps<V> {
  id: string;
  value: V;
  onCommit: (value: V) => void;
  /** A message when the typed value cannot be committed (it stays in the input, marked). */
  check?: (value: V) => string | undefined;
  placeholder?: string;
  testId?: string;
  /** For an input without a visible label of its own. */
  ariaLabel?: string;
}

function useDraft<V>(value: V, onCommit: (value: V) => void, check?: (value: V) => string | undefined) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const problem = check?.(draft);
  const commit = () => {
    if (problem === undefined && draft !== value) onCommit(draft);
  };
  return { draft, setDraft, problem, commit };
}

export function DraftText({ id, value, onCommit, check, placeholder, testId, ariaLabel, rows }: DraftProps<string> & { rows?: number }) {
  const { draft, setDraft, problem, commit } = useDraft(value, onCommit, check);
  const common = { id, value: draft, placeholder, status: problem ? ('error' as const) : undefined, onBlur: commit, 'data-testid': testId, 'aria-label': ariaLabel };
  return (
    <>
      {rows ? <Input.TextArea {...common} rows={rows} onChange={(e) => setDraft(e.target.value)} /> : <Input {...common} onChange={(e) => setDraft(e.target.value)} onPressEnter={commit} />}
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </>
  );
}

export function DraftNumber({ id, value, onCommit, placeholder, testId, ariaLabel }: DraftProps<number | undefined>) {
  const { draft, setDraft, commit } = useDraft(value, onCommit);
  return (
    <InputNumber
      id={id}
      aria-label={ariaLabel}
      style={{ width: '100%' }}
      value={draft ?? null}
      placeholder={placeholder}
      onChange={(next) => setDraft(typeof next === 'number' ? next : undefined)}
      onBlur={commit}
      onPressEnter={commit}
      data-testid={testId}
    />
  );
}
