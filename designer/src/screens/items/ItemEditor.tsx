/**
 * The item editor: every field of a ServiceItem as a form grouped like the service guide, and
 * the document as JSON. Problems show at their field as the user types (the engine's shape
 * check, and its adoption check against the inherited version) and after a save (the server's).
 * An adopted item's locked fields are disabled with a lock; saving creates the platform's own
 * draft under the same id.
 */
import { Alert, Form, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { checkAdoption } from '../../../../engine/load/check-adoption';
import type { Problem } from '../../api/client';
import { EditorShell } from '../../components/EditorShell';
import { useBlank } from '../../components/GenericEditor';
import { JsonView } from '../../components/JsonView';
import { useDefinitionEditor } from '../../components/useDefinitionEditor';
import { useSession } from '../../session/session';
import { controlId, ItemFormProvider, type ItemFormState } from './ItemFieldContext';
import { AdoptionPanel } from './AdoptionPanel';
import { fieldOfPointer, problemsByField, problemsOfDoc, withKey, type ItemDoc } from './itemDoc';
import { overriddenFields } from './overrides';
import { BasicSection } from './sections/BasicSection';
import { LinksSection } from './sections/LinksSection';
import { OtherSection } from './sections/OtherSection';
import { RequirementsSection } from './sections/RequirementsSection';
import { ContactSection, StepsSection } from './sections/StepsSection';

/** One entry per code and pointer: the live check and the server often report the same lock. */
function distinct(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code} ${p.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the form can show the document: JSON pasted by hand may lack the objects the controls read. */
function isFormable(doc: ItemDoc): boolean {
  return [doc.department, doc.timeLimit, doc.fee].every(isObject) && Array.isArray(doc.steps) && Array.isArray(doc.targets) && [doc.code, doc.contact, doc.notices].every((v) => v === undefined || isObject(v));
}

/** Brings the field of a problem into view and focuses its control. */
function revealField(problem: Problem): void {
  const field = fieldOfPointer(problem.path);
  if (!field) return;
  const frame = document.querySelector(`[data-testid="field-${field}"]`);
  frame?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  (document.getElementById(controlId(field)) ?? frame?.querySelector<HTMLElement>('input, textarea'))?.focus();
}

export function ItemEditor({ id }: { id: string }) {
  const { t } = useTranslation('items');
  const { me } = useSession();
  const blank = useBlank('ServiceItem', id) as () => ItemDoc;
  const editor = useDefinitionEditor<ItemDoc>('ServiceItem', id, { blank });
  const [tab, setTab] = useState('form');
  const { doc, setDoc, versions } = editor;
  // The inherited version the localization is based on (its `extends`) binds; else the newest.
  const pinned = doc?.extends && versions.find((v) => v.isInherited && v.platformId === doc.extends?.platform && v.version === doc.extends?.version);
  const inherited = pinned || editor.inherited;
  const inheritedDoc = inherited?.body;
  const overridden = useMemo(() => (doc && inheritedDoc ? overriddenFields(inheritedDoc, doc) : []), [doc, inheritedDoc]);

  const adoptionProblems = useMemo(
    () => (doc && inheritedDoc && editor.liveProblems.length === 0 ? checkAdoption(inheritedDoc, doc, `platform "${inherited?.platformId}"`) : []),
    [doc, inheritedDoc, inherited?.platformId, editor.liveProblems.length],
  );
  const liveProblems = useMemo(() => [...editor.liveProblems, ...adoptionProblems], [editor.liveProblems, adoptionProblems]);
  const fieldProblems = useMemo(
    () => problemsByField(distinct([...liveProblems, ...problemsOfDoc(editor.serverProblems, 'ServiceItem', id)])),
    [liveProblems, editor.serverProblems, id],
  );
  const setField = useCallback<ItemFormState['setField']>(
    (field, value) => setDoc((current) => withKey(current, field, value) as ItemDoc),
    [setDoc],
  );
  const locked = useMemo(() => new Set<string>(inheritedDoc?.locked ?? []), [inheritedDoc]);
  const onSelectProblem = useCallback((problem: Problem) => {
    setTab('form');
    window.setTimeout(() => revealField(problem), 0);
  }, []);

  const state: ItemFormState | undefined = doc && {
    doc,
    setField,
    setDoc,
    locked,
    inherited: inheritedDoc,
    problems: fieldProblems,
    canEditLocks: !!me?.roles.includes('province-admin'),
    overridden: new Set(overridden),
  };
  return (
    <EditorShell editor={{ ...editor, liveProblems }} onSelectProblem={onSelectProblem}>
      {inherited && (
        <AdoptionPanel
          itemId={id}
          base={{ platform: inherited.platformId, version: doc?.extends?.version ?? inherited.version }}
          hasOwnVersion={versions.some((v) => !v.isInherited)}
          overridden={overridden}
          versionsKey={versions}
          isDirty={editor.isDirty}
          onUpgraded={editor.reload}
        />
      )}
      {state && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'form',
              label: t('tabForm'),
              children: !isFormable(state.doc) ? (
                <Alert type="warning" showIcon title={t('notFormable')} />
              ) : (
                <ItemFormProvider value={state}>
                  <Form layout="horizontal" labelCol={{ flex: '180px' }} labelWrap colon={false} data-testid="item-form">
                    <BasicSection />
                    <RequirementsSection />
                    <StepsSection />
                    <ContactSection />
                    <LinksSection />
                    <OtherSection />
                  </Form>
                </ItemFormProvider>
              ),
            },
            { key: 'json', label: t('tabJson'), children: <JsonView value={doc} onApply={(value) => setDoc(value as ItemDoc)} /> },
          ]}
        />
      )}
    </EditorShell>
  );
}

/** The editor's route: /studio/items/:id. */
export function ItemDesigner() {
  const { id = '' } = useParams();
  return <ItemEditor key={id} id={id} />;
}
