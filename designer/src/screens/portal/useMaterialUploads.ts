/**
 * The material files of one application, by material key: each file is checked against its
 * checklist entry with the engine's own upload check (the server's rule and wording), then
 * uploaded on its own with progress; only the reference is kept. Problems stay at the material.
 */
import { useCallback, useMemo, useState } from 'react';
import { checkUploads } from '../../../../engine/checklist/check-uploads.js';
import type { Material } from '../../../../engine/kinds/checklist.js';
import { ApiError, type Problem } from '../../api/client';
import { uploadMaterial, type FileRefs, type UploadedFile } from '../../api/portal';

export interface PendingUpload {
  id: number;
  name: string;
  percent: number;
}

export interface MaterialUploads {
  files: Record<string, UploadedFile[]>;
  pending: Record<string, PendingUpload[]>;
  errors: Record<string, string[]>;
  isUploading: boolean;
  fileRefs: FileRefs;
  add(material: Material, chosen: File[]): Promise<void>;
  remove(key: string, fileId: string): void;
  reset(files: Record<string, UploadedFile[]>): void;
  /** Puts the server's problems about materials (`/fileRefs/<key>…`, `/files/<key>…`) at their material; answers the others. */
  placeProblems(problems: Problem[]): Problem[];
}

const MATERIAL_POINTER = /^\/(?:fileRefs|files|materials)\/([^/]+)/;

let nextPendingId = 1;

function messageOf(failure: unknown): string {
  if (failure instanceof ApiError) return failure.problems.map((p) => p.message).join('；') || failure.message;
  return String((failure as Error).message ?? failure);
}

export function useMaterialUploads(itemId: string): MaterialUploads {
  const [files, setFiles] = useState<Record<string, UploadedFile[]>>({});
  const [pending, setPending] = useState<Record<string, PendingUpload[]>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  const setPendingOf = (key: string, update: (list: PendingUpload[]) => PendingUpload[]) =>
    setPending((current) => ({ ...current, [key]: update(current[key] ?? []) }));

  const add = useCallback(
    async (material: Material, chosen: File[]) => {
      const key = material.key;
      const existing = files[key] ?? [];
      const candidates = [...existing.map((f) => ({ name: f.name, size: f.size })), ...chosen.map((f) => ({ name: f.name, size: f.size }))];
      const problems = checkUploads({
        checklist: { id: itemId, materials: [material] } as never,
        files: { [key]: candidates.map((c, i) => ({ id: String(i), name: c.name, size: c.size, sha256: '', mediaType: '' })) },
      });
      setErrors((current) => ({ ...current, [key]: problems.map((p) => p.message) }));
      if (problems.length > 0) return;
      const failures: string[] = [];
      await Promise.all(
        chosen.map(async (file) => {
          const id = nextPendingId++;
          setPendingOf(key, (list) => [...list, { id, name: file.name, percent: 0 }]);
          try {
            const uploaded = await uploadMaterial({
              file,
              itemId,
              materialKey: key,
              onProgress: (percent) => setPendingOf(key, (list) => list.map((p) => (p.id === id ? { ...p, percent } : p))),
            });
            setFiles((current) => ({ ...current, [key]: [...(current[key] ?? []), uploaded] }));
          } catch (failure) {
            failures.push(messageOf(failure));
          } finally {
            setPendingOf(key, (list) => list.filter((p) => p.id !== id));
          }
        }),
      );
      setErrors((current) => ({ ...current, [key]: failures }));
    },
    [files, itemId],
  );

  const remove = useCallback((key: string, fileId: string) => {
    setFiles((current) => ({ ...current, [key]: (current[key] ?? []).filter((f) => f.fileId !== fileId) }));
    setErrors((current) => ({ ...current, [key]: [] }));
  }, []);

  const reset = useCallback((next: Record<string, UploadedFile[]>) => {
    setFiles(next);
    setErrors({});
  }, []);

  const placeProblems = useCallback((problems: Problem[]) => {
    const byKey: Record<string, string[]> = {};
    const rest = problems.filter((problem) => {
      const key = MATERIAL_POINTER.exec(problem.path)?.[1];
      if (key === undefined) return true;
      (byKey[key] ??= []).push(problem.message);
      return false;
    });
    setErrors((current) => ({ ...current, ...byKey }));
    return rest;
  }, []);

  const fileRefs = useMemo(
    () => Object.fromEntries(Object.entries(files).filter(([, list]) => list.length > 0).map(([key, list]) => [key, list.map((f) => f.fileId)])),
    [files],
  );
  const isUploading = Object.values(pending).some((list) => list.length > 0);
  return { files, pending, errors, isUploading, fileRefs, add, remove, reset, placeProblems };
}
