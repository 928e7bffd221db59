/**
 * The template editor: the template's fields, the handlebars body in a code editor with line
 * numbers, the context's variables and helper snippets to insert at the cursor, and a live
 * preview on a sample item whose problems are marked at their lines in the body.
 */
import { Col, Row, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Text } from '../../api/definitions';
import type { TemplateProblem, TemplateVariable } from '../../api/templates';
import { EditorShell } from '../../components/EditorShell';
import { useBlank } from '../../components/GenericEditor';
import { useDefinitionEditor, type Doc } from '../../components/useDefinitionEditor';
import { CodeEditor, type CodeEditorHandle } from './CodeEditor';
import { insertionFor } from './insertion';
import type { Snippet } from './snippets';
import { TemplateFields } from './TemplateFields';
import { TemplatePreview } from './TemplatePreview';
import { isInSubject, TemplateProblems } from './TemplateProblems';
import { usePreview } from './usePreview';
import { useSampleItems } from './useSampleItems';
import { VariablesPanel } from './VariablesPanel';

export type TemplateDoc = Doc & {
  title: Text;
  description?: Text;
  purpose: string;
  context: string;
  format: string;
  subject?: string;
  body: string;
};

/** The route's element: one editor per id, so moving to another template starts afresh. */
export function TemplateDesigner() {
  const { id = '' } = useParams();
  return <TemplateEditor key={id} id={id} />;
}

/** Marks for the body's lines: each line with a problem, with its messages. */
function marksOf(problems: TemplateProblem[]): Map<number, string> {
  const marks = new Map<number, string>();
  for (const problem of problems) {
    if (problem.line === undefined || isInSubject(problem)) continue;
    marks.set(problem.line, [marks.get(problem.line), problem.message].filter(Boolean).join('\n'));
  }
  return marks;
}

function TemplateEditor({ id }: { id: string }) {
  const { t } = useTranslation('templates');
  const editor = useDefinitionEditor<TemplateDoc>('Template', id, { blank: useBlank('Template', id) as () => TemplateDoc });
  const code = useRef<CodeEditorHandle>(null);
  const sample = useSampleItems(id);
  const [chosenItem, setChosenItem] = useState<string | undefined>();
  const itemId = chosenItem ?? sample.defaultId;
  const preview = usePreview(editor.doc, itemId);
  const marks = useMemo(() => marksOf(preview.problems), [preview.problems]);
  const { setDoc } = editor;

  const patch = useCallback(
    (changes: Partial<TemplateDoc>) =>
      setDoc((current) => {
        const next = { ...current, ...changes } as Record<string, unknown>;
        for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key];
        return next as TemplateDoc;
      }),
    [setDoc],
  );
  const insertVariable = useCallback((variable: TemplateVariable, all: TemplateVariable[]) => {
    const insertion = insertionFor(variable, all, code.current?.textBeforeCursor() ?? '');
    code.current?.insert(insertion.text, insertion.caret);
  }, []);
  const insertSnippet = useCallback((snippet: Snippet) => code.current?.insert(snippet.text, snippet.caret), []);
  const goTo = useCallback((problem: TemplateProblem) => problem.line !== undefined && code.current?.goTo(problem.line, problem.column), []);

  const doc = editor.doc;
  return (
    <EditorShell editor={editor}>
      {doc && (
        <>
          <TemplateFields doc={doc} onChange={patch} />
          <Row gutter={16}>
            <Col xs={24} xl={6}>
              <VariablesPanel context={doc.context} onVariable={insertVariable} onSnippet={insertSnippet} />
            </Col>
            <Col xs={24} xl={9} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              <Typography.Text strong>{t('body')}</Typography.Text>
              <CodeEditor ref={code} value={doc.body} onChange={(body) => patch({ body })} label={t('body')} marks={marks} testId="template-body" />
              <TemplateProblems problems={preview.problems} onGoTo={goTo} />
            </Col>
            <Col xs={24} xl={9}>
              <TemplatePreview format={doc.format} preview={preview} items={sample.items} itemId={itemId} onItem={setChosenItem} />
            </Col>
          </Row>
        </>
      )}
    </EditorShell>
  );
}
