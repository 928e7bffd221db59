/** Undo/redo over immutable values: every set pushes the previous value; Ctrl+Z / Ctrl+Y walk it. */
import { useCallback, useEffect, useState } from 'react';

interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

const LIMIT = 200;

export function useHistory<T>(initial: T) {
  const [history, setHistory] = useState<History<T>>({ past: [], present: initial, future: [] });
  const set = useCallback((next: T | ((current: T) => T)) => {
    setHistory((h) => {
      const value = typeof next === 'function' ? (next as (current: T) => T)(h.present) : next;
      if (Object.is(value, h.present)) return h;
      return { past: [...h.past, h.present].slice(-LIMIT), present: value, future: [] };
    });
  }, []);
  /** Replaces the value without an undo step (loading, or the server's answer). */
  const reset = useCallback((value: T) => setHistory({ past: [], present: value, future: [] }), []);
  const undo = useCallback(
    () => setHistory((h) => (h.past.length === 0 ? h : { past: h.past.slice(0, -1), present: h.past[h.past.length - 1] as T, future: [h.present, ...h.future] })),
    [],
  );
  const redo = useCallback(
    () => setHistory((h) => (h.future.length === 0 ? h : { past: [...h.past, h.present], present: h.future[0] as T, future: h.future.slice(1) })),
    [],
  );
  return { value: history.present, set, reset, undo, redo, canUndo: history.past.length > 0, canRedo: history.future.length > 0 };
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes, unless the focus is in a text field (which has its own). */
export function useUndoKeys(undo: () => void, redo: () => void): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}
