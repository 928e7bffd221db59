/**
 * The checklist designer: the materials in guide order on the left, the selected material's
 * properties on the right, required-ness by rule through the rule builder over the fields of
 * the forms that fill this checklist, and the list as the guide prints it.
 */
import { Col, Empty, Form, Input, Row, Select, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Checklist, Material } from '../../../../engine/kinds/checklist';
import { checkChecklists } from '../../../../engine/load/check-checklists';
import { checkRules } from '../../../../engine/load/check-rules';
import { definitionsApi, textOf, type Text } from '../../api/definitions';
import { latestPerId } from '../../components/DefinitionIndex';
import { EditorShell } from '../../components/EditorShell';
import { runChecks, setOf } from '../../components/engine-checks';
import { useBlank } from '../../components/GenericEditor';
import { JsonView } from '../../components/JsonView';
import { formsUsedBy, useFormFields } from '../../components/useFormFields';
import { useDefinitionEditor, type Doc } from '../../components/useDefinitionEditor';
import { ChecklistPreview } from './ChecklistPreview';
import { addMaterial, moveMaterial, patchMaterial, removeMaterial } from './material-edit';
import { MaterialList } from './MaterialList';
import { MaterialPanel } from './MaterialPanel';

type ChecklistDoc = Doc & Checklist;

/** The forms whose fields rules may read: those of the items using the checklist, else a form of the same id. */
function useFieldSources(id: string) {
  const [forms, setForms] = useState<Array<{ value: string; label: string }>>([]);
  const [chosen, setChosen] = useState<string[] | undefined>(undefined);
  const { i18n } = useTranslation();
  useEffect(() => {
    void Promise.all([definitionsApi.list({ kind: 'Form' }), formsUsedBy({ checklist: id })]).then(([all, used]) => {
      const visible = latestPerId(all);
      setForms(visible.map((f) => ({ value: f.id, label: `${textOf(f.title as Text, i18n.language)} (${f.id})` })));
      setChosen(used.length > 0 ? used : visible.some((f) => f.id === id) ? [id] : []);
    });
  }, [id, i18n.language]);
  return { forms, chosen, setChosen };
}

function ChecklistEditor({ id }: { id: string }) {
  const { t } = useTranslation('checklists');
  const editor = useDefinitionEditor<ChecklistDoc>('Checklist', id, { blank: useBlank('Checklist', id) as () => ChecklistDoc });
  const { doc, setDoc, liveProblems } = editor;
  const [selected, setSelected] = useState<number | undefined>(0);
  const sources = useFieldSources(id);
  const { fields } = useFormFields(sources.chosen);

  const flags = useMemo(() => {
    if (!doc || liveProblems.length > 0) return [];
    const set = setOf('Checklist', doc);
    return runChecks([() => checkChecklists(set), () => checkRules(set)]);
  }, [doc, liveProblems]);
  const problemIndexes = new Set(
    [...liveProblems, ...editor.serverProblems, ...flags].map((p) => /^\/materials\/(\d+)/.exec(p.path)?.[1]).filter((n): n is string => n !== undefined).map(Number),
  );

  if (!doc) return <EditorShell editor={editor}>{null}</EditorShell>;
  const materials = Array.isArray(doc.materials) ? doc.materials : [];
  const edit = (change: (c: Checklist) => Checklist) => setDoc((current) => change(current) as ChecklistDoc);
  const current = selected === undefined ? undefined : materials[selected];
  const isKeyTaken = current !== undefined && materials.some((m, i) => i !== selected && m.key === current.key);
  const move = (from: number, to: number) => {
    edit((c) => moveMaterial(c, from, to));
    if (selected === from) setSelected(to);
  };

  const design = (
    <Row gutter={24}>
      <Col xs={24} lg={10}>
        <MaterialList
          materials={materials}
          selected={selected}
          problemIndexes={problemIndexes}
          onSelect={setSelected}
          onMove={move}
          onRemove={(index) => {
            edit((c) => removeMaterial(c, index));
            setSelected(undefined);
          }}
          onAdd={() => {
            edit((c) => addMaterial(c, t('newMaterialName')));
            setSelected(materials.length);
          }}
        />
      </Col>
      <Col xs={24} lg={14}>
        {current ? (
          <MaterialPanel
            key={selected}
            material={current}
            fields={fields}
            isKeyTaken={isKeyTaken}
            onChange={(patch: Partial<Material>) => edit((c) => patchMaterial(c, selected!, patch))}
          />
        ) : (
          <Empty description={t('noSelection')} />
        )}
      </Col>
    </Row>
  );

  return (
    <EditorShell editor={editor} onSelectProblem={(p) => {
      const index = /^\/materials\/(\d+)/.exec(p.path)?.[1];
      if (index !== undefined) setSelected(Number(index));
    }}>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('checklistTitle')} htmlFor="checklist-title">
          <Input
            id="checklist-title"
            style={{ width: 320 }}
            value={textOf(doc.title as Text, 'zh-CN')}
            onChange={(e) => setDoc((c) => ({ ...c, title: typeof c.title === 'object' ? { ...c.title, 'zh-CN': e.target.value } : e.target.value }))}
          />
        </Form.Item>
        <Form.Item label={t('fieldsFrom')} htmlFor="checklist-forms" tooltip={t('fieldsFromHelp')}>
          <Select id="checklist-forms" data-testid="checklist-forms" data-ready={sources.chosen !== undefined} mode="multiple" style={{ minWidth: 320 }} value={sources.chosen ?? []} options={sources.forms} onChange={sources.setChosen} loading={sources.chosen === undefined} />
        </Form.Item>
      </Form>
      {flags.length > 0 && liveProblems.length === 0 && (
        <div data-testid="checklist-flags" style={{ color: '#cf1322', marginBottom: 8 }}>
          {flags.map((p) => (
            <div key={p.path + p.code}>{p.message}</div>
          ))}
        </div>
      )}
      <Tabs
        items={[
          { key: 'design', label: t('design'), children: design },
          { key: 'preview', label: t('preview'), children: <ChecklistPreview materials={materials} /> },
          { key: 'json', label: t('json'), children: <JsonView value={doc} onApply={(value) => setDoc(value as ChecklistDoc)} /> },
        ]}
      />
    </EditorShell>
  );
}

export function ChecklistDesigner() {
  const { id = '' } = useParams();
  return <ChecklistEditor key={id} id={id} />;
}
