/** Edits any definition as JSON inside the shared editor frame; the designers build on the same frame. */
import { useCallback } from 'react';
import type { Kind } from '../api/definitions';
import { blanks } from './blanks';
import { EditorShell } from './EditorShell';
import { JsonView } from './JsonView';
import { useDefinitionEditor, type Doc } from './useDefinitionEditor';

export function useBlank(kind: Kind, id: string): (() => Doc) | undefined {
  const make = (blanks as Record<string, ((id: string) => Doc) | undefined>)[kind];
  return useCallback(() => (make ? make(id) : ({ kind, schemaVersion: 1, id, version: 1, title: id } as Doc)), [make, kind, id]);
}

export function GenericEditor({ kind, id }: { kind: Kind; id: string }) {
  const editor = useDefinitionEditor(kind, id, { blank: useBlank(kind, id) });
  return (
    <EditorShell editor={editor}>
      <JsonView value={editor.doc} onApply={(value) => editor.setDoc(value as Doc)} />
    </EditorShell>
  );
}
