/**
 * The form data to hand rjsf: what the page passes, except when that is only rjsf's own last
 * change coming back. A page that keeps the data in its state (as every page here does) passes
 * each change straight back as `formData`; rjsf then sees new props on every keystroke and
 * rebuilds its whole state (defaults, conditions, deep comparisons of the data) a second time.
 * rjsf already holds that data, so the echo is dropped and the previous value kept.
 *
 * Anything else reaches rjsf: data the page sets itself (a draft loaded, 重置 in the preview),
 * even when it is the very object given before (then as a shallow copy, so rjsf sees a change);
 * and the current data whenever another prop (`others`) changed, because rjsf then re-derives
 * its state from the `formData` prop and must not find an old one there.
 */
import { useCallback, useRef } from 'react';

function copyOf(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  return Array.isArray(data) ? [...data] : { ...data };
}

export function useHeldFormData(formData: unknown, others: unknown[]): { held: unknown; report(data: unknown): void } {
  const held = useRef(formData);
  const reported = useRef<unknown>(undefined);
  const hasReported = useRef(false);
  const lastOthers = useRef(others);
  const haveOthersChanged = others.length !== lastOthers.current.length || others.some((value, i) => value !== lastOthers.current[i]);
  lastOthers.current = others;
  const isEcho = formData === reported.current;
  if (haveOthersChanged && isEcho) {
    held.current = formData;
  } else if (!isEcho && (formData !== held.current || hasReported.current)) {
    held.current = formData === held.current ? copyOf(formData) : formData;
    hasReported.current = false;
  }
  const report = useCallback((data: unknown) => {
    reported.current = data;
    hasReported.current = true;
  }, []);
  return { held: held.current, report };
}
