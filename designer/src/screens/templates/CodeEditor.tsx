/**
 * A plain monospace text editor with a line-number gutter and marked lines (problems), built on
 * a native <textarea> so typing, selection, the browser's own undo, screen readers and tests
 * work as in any field (docs/decisions/0014-template-editor-textarea.md). Callers insert text at
 * the cursor and jump to a line through the handle.
 */
import { useImperativeHandle, useRef, useState, type Ref } from 'react';

export interface CodeEditorHandle {
  /** Replaces the selection with `text` and puts the caret `caret` characters into it (default: after it). */
  insert(text: string, caret?: number): void;
  /** Puts the caret at a line and column (from 1) and scrolls it into view. */
  goTo(line: number, column?: number): void;
  /** The text from the start up to the cursor (where an insertion would go). */
  textBeforeCursor(): string;
}

const LINE_HEIGHT = 20;
const PADDING = 8;
const font = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** Offset in `text` of a line and column, both from 1, clamped to the text. */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  return Math.min(offset + Math.max(column - 1, 0), end === -1 ? text.length : end);
}

export function CodeEditor({
  ref,
  value,
  onChange,
  label,
  marks,
  height = 480,
  testId,
}: {
  ref?: Ref<CodeEditorHandle>;
  value: string;
  onChange: (value: string) => void;
  /** The accessible name of the text field. */
  label: string;
  /** Lines to mark (from 1), each with what is wrong there. */
  marks: Map<number, string>;
  height?: number;
  testId?: string;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const [isFocused, setFocused] = useState(false);
  const lineCount = value.split('\n').length;

  useImperativeHandle(ref, () => ({
    insert(text, caret = text.length) {
      const el = area.current;
      if (!el) return;
      const start = el.selectionStart;
      el.focus();
      // execCommand keeps the browser's own undo stack (Ctrl+Z undoes an insertion like typing);
      // where it is unavailable the value is spliced by hand.
      const isInserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
      if (!isInserted) onChange(value.slice(0, start) + text + value.slice(el.selectionEnd));
      requestAnimationFrame(() => el.setSelectionRange(start + caret, start + caret));
    },
    goTo(line, column = 1) {
      const el = area.current;
      if (!el) return;
      const offset = offsetOf(el.value, line, column);
      el.focus();
      el.setSelectionRange(offset, offset);
      el.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - el.clientHeight / 3);
    },
    textBeforeCursor() {
      const el = area.current;
      return el ? el.value.slice(0, el.selectionStart) : '';
    },
  }));

  function syncScroll() {
    const el = area.current;
    if (!el) return;
    if (gutter.current) gutter.current.scrollTop = el.scrollTop;
    if (backdrop.current) {
      backdrop.current.scrollTop = el.scrollTop;
      backdrop.current.scrollLeft = el.scrollLeft;
    }
  }

  const lineStyle = { height: LINE_HEIGHT, lineHeight: `${LINE_HEIGHT}px` };
  return (
    <div
      style={{
        display: 'flex',
        height,
        fontFamily: font,
        fontSize: 13,
        border: `1px solid ${isFocused ? '#1f5fbf' : '#d9d9d9'}`,
        borderRadius: 4,
        overflow: 'hidden',
        background: '#fff',
      }}
    >
      <div ref={gutter} aria-hidden style={{ overflow: 'hidden', minWidth: 44, background: '#fafafa', color: '#8c8c8c', textAlign: 'right', userSelect: 'none', borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: `${PADDING}px 8px ${PADDING + LINE_HEIGHT}px 8px` }}>
          {Array.from({ length: lineCount }, (_, index) => {
            const mark = marks.get(index + 1);
            return (
              <div key={index} title={mark} data-marked-line={mark ? index + 1 : undefined} style={mark ? { ...lineStyle, background: '#ffccc7', color: '#a8071a', fontWeight: 600 } : lineStyle}>
                {index + 1}
              </div>
            );
          })}
        </div>
      </div>
      <div style={{ position: 'relative', flex: 1, minWidth: 0 }}>
        <div ref={backdrop} aria-hidden style={{ position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none' }}>
          <div style={{ position: 'relative', height: lineCount * LINE_HEIGHT + 2 * PADDING + LINE_HEIGHT, width: '400%' }}>
            {[...marks.keys()].map((line) => (
              <div key={line} style={{ position: 'absolute', left: 0, right: 0, top: PADDING + (line - 1) * LINE_HEIGHT, height: LINE_HEIGHT, background: '#fff1f0' }} />
            ))}
          </div>
        </div>
        <textarea
          ref={area}
          aria-label={label}
          data-testid={testId}
          value={value}
          wrap="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          onScroll={syncScroll}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          style={{
            position: 'relative',
            display: 'block',
            width: '100%',
            height: '100%',
            margin: 0,
            padding: PADDING,
            border: 'none',
            outline: 'none',
            resize: 'none',
            background: 'transparent',
            font: 'inherit',
            lineHeight: `${LINE_HEIGHT}px`,
            whiteSpace: 'pre',
            overflow: 'auto',
            color: '#1f1f1f',
          }}
        />
      </div>
    </div>
  );
}
