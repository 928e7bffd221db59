/**
 * The live preview of an unsaved template: ~400 ms after the last edit the template is sent to
 * POST /api/templates/preview with the sample item. A preview with problems keeps the last
 * good output on screen (marked as having errors) so the page does not flicker while typing.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import { outputOf, templatesApi, type TemplateProblem } from '../../api/templates';

export const PREVIEW_DELAY_MS = 400;

export interface PreviewState {
  output?: { subject: string; body: string };
  problems: TemplateProblem[];
  /** The request failed as a whole (not the template's problems). */
  error?: string;
  isPending: boolean;
}

export function usePreview(template: Record<string, unknown> | undefined, itemId: string | undefined): PreviewState {
  const [state, setState] = useState<PreviewState>({ problems: [], isPending: false });
  const latest = useRef(0);
  // The fields rendering reads; the title or description changing needs no new preview.
  const source = template && JSON.stringify([template.body, template.subject, template.format, template.context, template.purpose]);
  useEffect(() => {
    if (!template || !itemId) return;
    const request = ++latest.current;
    setState((s) => ({ ...s, isPending: true }));
    const timer = setTimeout(() => {
      templatesApi.preview({ template, itemId }).then(
        (result) => {
          if (request !== latest.current) return;
          const output = outputOf(result);
          const isGood = result.problems.length === 0 && output !== undefined;
          setState((s) => ({ output: isGood ? output : (s.output ?? output), problems: result.problems, isPending: false }));
        },
        (failure: ApiError) => {
          if (request !== latest.current) return;
          // A refused template (422) still names its problems; keep the last good output.
          setState((s) => ({ output: s.output, problems: failure.problems, error: failure.problems.length ? undefined : failure.message, isPending: false }));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // `source` stands for the template: only its rendered fields trigger a new preview.
  }, [source, itemId]);
  return state;
}
