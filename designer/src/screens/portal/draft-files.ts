/**
 * The uploaded files of a saved draft, by material key: the draft keeps references; the server
 * describes each one still waiting to be attached (`files`). A reference it does not describe
 * (already attached elsewhere, or gone) is dropped, so a submit never names it.
 */
import type { ApplicationDraft, UploadedFile } from '../../api/portal';

export function draftFiles(draft: ApplicationDraft): Record<string, UploadedFile[]> {
  const described = new Map(draft.files.map(({ materialKey: _key, ...file }) => [file.fileId, file]));
  return Object.fromEntries(
    Object.entries(draft.fileRefs).map(([key, ids]) => [key, ids.flatMap((id) => described.get(id) ?? [])]),
  );
}
