/**
 * The life of one definition in an editor: load the version to edit (the platform's draft, else
 * the newest visible version), keep a working copy with undo/redo, check its shape as the user
 * types (the same validator the server runs, generated from engine/kinds), save drafts, publish.
 * A failed save never touches the working copy: the user's work stays on screen with the problems.
 */
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { namedDefinitions } from '../../../engine/load/check-references';
import { validateShape } from '../../../engine/load/validate-shape';
import { ApiError, type Problem } from '../api/client';
import { definitionsApi, type DefinitionVersion, type Kind } from '../api/definitions';
import { useHistory, useUndoKeys } from './useHistory';

export type Doc = Record<string, unknown> & { kind: string; id: string; version: number };

export interface DefinitionEditor<D extends Doc = Doc> {
  kind: Kind;
  id: string;
  doc: D | undefined;
  setDoc(next: D | ((current: D) => D)): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  isDirty: boolean;
  isLoading: boolean;
  isBusy: boolean;
  notFound: boolean;
  versions: Array<DefinitionVersion<D>>;
  /** The version the working copy started from. */
  base: DefinitionVersion<D> | undefined;
  /** The newest published version the platform inherits from a parent platform, if any: its `locked` fields bind. */
  inherited: DefinitionVersion<D> | undefined;
  /** Shape problems of the working copy, found as the user types. */
  liveProblems: Problem[];
  /** Problems the server reported for the last save or validation. */
  serverProblems: Problem[];
  save(): Promise<boolean>;
  validate(): Promise<boolean>;
  publish(): Promise<boolean>;
  reload(): Promise<void>;
}

/** Picks the version to edit: the platform's draft, else its newest own version, else the newest visible one. */
export function versionToEdit<D>(versions: Array<DefinitionVersion<D>>): DefinitionVersion<D> | undefined {
  const newest = (list: Array<DefinitionVersion<D>>) => [...list].sort((a, b) => b.version - a.version)[0];
  return versions.find((v) => v.status === 'draft' && !v.isInherited) ?? newest(versions.filter((v) => !v.isInherited)) ?? newest(versions);
}

export function useDefinitionEditor<D extends Doc = Doc>(kind: Kind, id: string, options: { blank?: () => D } = {}): DefinitionEditor<D> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const history = useHistory<D | undefined>(undefined);
  const [saved, setSaved] = useState<D | undefined>(undefined);
  const [versions, setVersions] = useState<Array<DefinitionVersion<D>>>([]);
  const [isLoading, setLoading] = useState(true);
  const [isBusy, setBusy] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const { blank } = options;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const found = await definitionsApi.versions<D>(kind, id);
      setVersions(found);
      const base = versionToEdit(found);
      history.reset(base?.body);
      setSaved(base?.body);
      setNotFound(false);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && blank) {
        const fresh = blank();
        setVersions([]);
        history.reset(fresh);
        setSaved(undefined);
      } else if (error instanceof ApiError && error.status === 404) {
        setNotFound(true);
      } else throw error;
    } finally {
      setLoading(false);
    }
  }, [kind, id, blank, history.reset]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useUndoKeys(history.undo, history.redo);

  const doc = history.value;
  const liveProblems = useMemo(() => (doc ? validateShape(doc) : []), [doc]);
  const isDirty = doc !== saved;
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!doc) return false;
    setBusy(true);
    try {
      const result = await definitionsApi.saveDraft(kind, id, doc);
      setServerProblems(result.problems);
      setSaved(doc);
      setVersions(await definitionsApi.versions<D>(kind, id));
      if (result.problems.length === 0) message.success(t('saved'));
      else message.warning(t('savedWithProblems', { count: result.problems.length }));
      return true;
    } catch (error) {
      const failure = error as ApiError;
      setServerProblems(failure.problems ?? []);
      message.error(t('saveFailed', { detail: failure.message }));
      return false;
    } finally {
      setBusy(false);
    }
  }, [doc, kind, id, message, t]);

  const validate = useCallback(async (): Promise<boolean> => {
    if (!doc) return false;
    setBusy(true);
    try {
      const result = await definitionsApi.validate([doc]);
      setServerProblems(result.problems);
      if (result.isValid) message.success(t('valid'));
      return result.isValid;
    } catch (error) {
      setServerProblems((error as ApiError).problems ?? []);
      return false;
    } finally {
      setBusy(false);
    }
  }, [doc, message, t]);

  const publish = useCallback(async (): Promise<boolean> => {
    if (isDirty && !(await save())) return false;
    setBusy(true);
    try {
      // A new item is published with the drafts it names (its new form, checklist …), as one set.
      const drafts = await definitionsApi.list({ status: 'draft' });
      const named = doc ? namedDefinitions(doc) : [];
      const needed = drafts.filter((d) => !d.isInherited && named.some((n) => n.kind === d.kind && n.id === d.id));
      const result = await definitionsApi.publish([{ kind, id }, ...needed.map((d) => ({ kind: d.kind, id: d.id }))]);
      message.success(t('published', { count: result.published.length }));
      setServerProblems([]);
      await reload();
      return true;
    } catch (error) {
      const failure = error as ApiError;
      setServerProblems(failure.problems ?? []);
      message.error(t('publishFailed', { detail: failure.message }));
      return false;
    } finally {
      setBusy(false);
    }
  }, [isDirty, save, kind, id, doc, message, t, reload]);

  const base = versionToEdit(versions);
  const inherited = [...versions].filter((v) => v.isInherited && v.status === 'published').sort((a, b) => b.version - a.version)[0];
  return {
    kind,
    id,
    doc,
    setDoc: history.set as DefinitionEditor<D>['setDoc'],
    undo: history.undo,
    redo: history.redo,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    isDirty,
    isLoading,
    isBusy,
    notFound,
    versions,
    base,
    inherited,
    liveProblems,
    serverProblems,
    save,
    validate,
    publish,
    reload,
  };
}
