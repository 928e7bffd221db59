/**
 * The steps of importing a definition set: read the file (what it holds, how each definition
 * compares with what exists), validate it on the server, save every changed definition as a
 * draft (with progress), then publish those drafts together.
 */
import { useCallback, useState } from 'react';
import type { ApiError, Problem } from '../../api/client';
import { definitionsApi } from '../../api/definitions';
import { compareWithExisting, type Comparison } from './compare';
import { readSet, type ImportedDoc, type ReadResult } from './definitionSet';

export type SaveOutcome = { isSaved: true } | { isSaved: false; detail: string };

export interface ImportState {
  fileName?: string;
  readError?: Exclude<ReadResult, { docs: ImportedDoc[] }>;
  docs: ImportedDoc[];
  comparisons: Comparison[];
  /** Problems of the last validation by document index; undefined before validating. */
  problems?: Problem[][];
  /** Problems not tied to one document. */
  otherProblems: Problem[];
  progress?: { done: number; total: number };
  outcomes: Array<SaveOutcome | undefined>;
  isBusy: boolean;
}

const initial: ImportState = { docs: [], comparisons: [], otherProblems: [], outcomes: [], isBusy: false };

/** The validate route names each document as `request#/definitions/<index>`. */
const DOCUMENT_FILE = /^request#\/definitions\/(\d+)$/;

export function groupByDocument(problems: Problem[], count: number): { byDocument: Problem[][]; other: Problem[] } {
  const byDocument: Problem[][] = Array.from({ length: count }, () => []);
  const other: Problem[] = [];
  for (const problem of problems) {
    const index = Number(DOCUMENT_FILE.exec(problem.file ?? '')?.[1] ?? NaN);
    if (Number.isInteger(index) && index < count) byDocument[index]!.push(problem);
    else other.push(problem);
  }
  return { byDocument, other };
}

export function useImport() {
  const [state, setState] = useState<ImportState>(initial);
  const update = (patch: Partial<ImportState>) => setState((s) => ({ ...s, ...patch }));

  const read = useCallback(async (fileName: string, text: string) => {
    const result = readSet(text);
    if (!('docs' in result)) return setState({ ...initial, fileName, readError: result });
    const { docs } = result;
    setState({ ...initial, fileName, docs, comparisons: docs.map(() => ({ state: 'checking' })) });
    const comparisons = await Promise.all(docs.map((doc) => compareWithExisting(doc)));
    setState((s) => (s.docs === docs ? { ...s, comparisons } : s));
  }, []);

  const validate = useCallback(async (): Promise<boolean> => {
    update({ isBusy: true });
    try {
      const result = await definitionsApi.validate(state.docs);
      const { byDocument, other } = groupByDocument(result.problems, state.docs.length);
      update({ problems: byDocument, otherProblems: other });
      return result.isValid;
    } catch (error) {
      update({ problems: state.docs.map(() => []), otherProblems: (error as ApiError).problems });
      return false;
    } finally {
      update({ isBusy: false });
    }
  }, [state.docs]);

  /** Saves every definition that is new or changed, one PUT each; unchanged ones are left alone. */
  const saveAll = useCallback(async () => {
    const toSave = state.docs.map((doc, index) => ({ doc, index })).filter(({ index }) => state.comparisons[index]?.state !== 'same');
    const outcomes: Array<SaveOutcome | undefined> = state.docs.map(() => undefined);
    update({ isBusy: true, progress: { done: 0, total: toSave.length }, outcomes });
    for (const [done, { doc, index }] of toSave.entries()) {
      try {
        await definitionsApi.saveDraft(doc.kind, doc.id, doc);
        outcomes[index] = { isSaved: true };
      } catch (error) {
        outcomes[index] = { isSaved: false, detail: (error as ApiError).message };
      }
      update({ progress: { done: done + 1, total: toSave.length }, outcomes: [...outcomes] });
    }
    update({ isBusy: false });
    return outcomes;
  }, [state.docs, state.comparisons]);

  /** Publishes the drafts this import saved, as one set. */
  const publishSaved = useCallback(async () => {
    const saved = state.docs.filter((_, index) => state.outcomes[index]?.isSaved).map((doc) => ({ kind: doc.kind, id: doc.id }));
    update({ isBusy: true });
    try {
      return await definitionsApi.publish(saved);
    } catch (error) {
      const { byDocument, other } = groupByDocument((error as ApiError).problems, state.docs.length);
      update({ problems: byDocument, otherProblems: other });
      throw error;
    } finally {
      update({ isBusy: false });
    }
  }, [state.docs, state.outcomes]);

  return { state, read, validate, saveAll, publishSaved };
}
