/**
 * The form designer: palette, canvas and property panel over the form's own JSON Schema and
 * uiSchema (patched in place, never rebuilt, so any rjsf form opens and saves back unchanged),
 * a live preview as applicants see it, and the JSON itself to inspect or paste. Undo, redo,
 * save and publish come from the shared editor frame.
 */
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Alert, App, Card, Form, Tabs, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Problem } from '../../api/client';
import { EditorShell } from '../../components/EditorShell';
import { useBlank } from '../../components/GenericEditor';
import { JsonView } from '../../components/JsonView';
import { useDefinitionEditor, type Doc } from '../../components/useDefinitionEditor';
import { Canvas, type ContainerDrop, type FieldDrag } from './Canvas';
import { describeRule } from './describe-condition';
import { DraftText } from './DraftInput';
import { containersOf, flatten, freeKey, listFields, rootContainer, type Container, type FormParts } from './field-list';
import { fieldTypes, type FieldTypeId } from './field-types';
import { isNode, pointerOf } from './json-path';
import { fieldTypeIcons, Palette, type PaletteDrag } from './Palette';
import { Preview } from './Preview';
import { PropertyPanel } from './PropertyPanel';
import { addField, moveField, removeField } from './schema-edit';
import { nestedCollision } from './nested-collision';

export type FormDoc = Doc & { schema: unknown; uiSchema?: unknown; sampleData?: unknown };

/** The document with `key` set, or removed when `value` is undefined; other keys keep their places. */
function withKey(doc: FormDoc, key: 'uiSchema' | 'sampleData', value: unknown): FormDoc {
  if (value !== undefined) return { ...doc, [key]: value };
  const { [key]: _removed, ...rest } = doc;
  return rest as FormDoc;
}

function withParts(doc: FormDoc, parts: FormParts): FormDoc {
  if (parts.schema === doc.schema && parts.uiSchema === doc.uiSchema) return doc;
  return withKey({ ...doc, schema: parts.schema }, 'uiSchema', parts.uiSchema);
}

/** The form's title as edited here: the Chinese text (a bilingual title keeps its English). */
function titleText(title: unknown): string {
  if (typeof title === 'string') return title;
  return isNode(title) && typeof title['zh-CN'] === 'string' ? title['zh-CN'] : '';
}

function withTitle(title: unknown, text: string): unknown {
  return isNode(title) ? { ...title, 'zh-CN': text } : text;
}

/** Whether the form has fields to design: an object at its root (other roots are edited as JSON). */
function hasFields(schema: unknown): boolean {
  return isNode(schema) && (schema.type === 'object' || (schema.type === undefined && isNode(schema.properties)));
}

export function FormDesignerScreen() {
  const { id = '' } = useParams();
  return <FormDesigner key={id} id={id} />;
}

export function FormDesigner({ id }: { id: string }) {
  const { t } = useTranslation('forms');
  const { message } = App.useApp();
  const editor = useDefinitionEditor<FormDoc>('Form', id, { blank: useBlank('Form', id) as () => FormDoc });
  const [selected, setSelected] = useState<string>();
  const [target, setTarget] = useState('');
  const [tab, setTab] = useState('design');
  const [dragging, setDragging] = useState<FieldTypeId>();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const { doc, setDoc } = editor;
  const schema = doc?.schema;
  const uiSchema = doc?.uiSchema;
  const parts = useMemo<FormParts>(() => ({ schema, uiSchema }), [schema, uiSchema]);
  const fields = useMemo(() => (hasFields(schema) ? listFields(parts) : []), [parts, schema]);
  const everyField = useMemo(() => flatten(fields), [fields]);
  const targets = containersOf(fields);
  const targetContainer = targets.find((x) => x.container.id === target)?.container ?? rootContainer;
  const selectedField = everyField.find((f) => f.id === selected);
  const siblings = selectedField ? listFields(parts, selectedField.container).filter((f) => f.id !== selectedField.id && !f.inner) : [];

  const edit = useCallback((change: (parts: FormParts) => FormParts) => setDoc((current) => withParts(current, change({ schema: current.schema, uiSchema: current.uiSchema }))), [setDoc]);

  const select = (fieldId: string) => {
    setSelected(fieldId);
    const field = everyField.find((f) => f.id === fieldId);
    if (field) setTarget(field.inner ? field.id : field.container.id);
  };

  const add = (type: FieldTypeId, container: Container = targetContainer, index?: number) => {
    const key = freeKey(parts, container, type);
    const made = fieldTypes[type].create(t(`type_${type}`));
    edit((p) => addField(p, { container, key, ...made, index }));
    setSelected(pointerOf([...container.uiPath, key]));
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    const from = active.data.current as PaletteDrag | FieldDrag | undefined;
    setDragging(from?.kind === 'palette' ? from.type : undefined);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    const from = active.data.current as PaletteDrag | FieldDrag | undefined;
    const to = over?.data.current as FieldDrag | ContainerDrop | undefined;
    if (!from || !to) return;
    const container = to.kind === 'field' ? to.field.container : to.container;
    const here = listFields(parts, container);
    const index = to.kind === 'field' ? here.findIndex((f) => f.id === to.field.id) : here.length;
    if (from.kind === 'palette') add(from.type, container, index);
    else if (from.field.container.id === container.id && !(to.kind === 'field' && to.field.id === from.field.id)) {
      edit((p) => moveField(p, from.field, Math.min(index, here.length - 1)));
    }
  };

  const selectProblem = (problem: Problem) => {
    const owner = everyField
      .filter((f) => problem.path.startsWith(`/schema${pointerOf(f.schemaPath)}`))
      .sort((a, b) => b.schemaPath.length - a.schemaPath.length)[0];
    if (owner) {
      setTab('design');
      select(owner.id);
    } else if (problem.path.startsWith('/schema') || problem.path.startsWith('/uiSchema')) setTab('json');
  };

  const applyJson = (value: unknown) => {
    if (!isNode(value) || !isNode(value.schema)) {
      message.error(t('jsonNotObject'));
      return;
    }
    setDoc((current) => withKey(withKey({ ...current, schema: value.schema }, 'uiSchema', value.uiSchema), 'sampleData', value.sampleData));
  };

  const design = hasFields(schema) ? (
    <DndContext sensors={sensors} collisionDetection={nestedCollision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(undefined)}>
      <div style={{ display: 'grid', gridTemplateColumns: '250px minmax(0, 1fr) 330px', gap: 16, alignItems: 'start' }}>
        <Card size="small" style={{ position: 'sticky', top: 0 }}>
          <Palette targets={targets} target={targetContainer.id} onTarget={setTarget} onAdd={(type) => add(type)} />
        </Card>
        <Card size="small" title={t('fieldsTitle')}>
          <Canvas
            fields={fields}
            container={rootContainer}
            selected={selected}
            onSelect={select}
            onMove={(field, toIndex) => edit((p) => moveField(p, field, toIndex))}
            describe={(field, rule) => describeRule(parts, field, rule, t)}
            onRemove={(field) => {
              edit((p) => removeField(p, field));
              if (selected === field.id) setSelected(undefined);
            }}
          />
        </Card>
        <Card size="small" title={t('propertiesTitle')} style={{ position: 'sticky', top: 0 }}>
          <PropertyPanel parts={parts} field={selectedField} siblings={siblings} onEdit={edit} onSelect={setSelected} />
        </Card>
      </div>
      <DragOverlay>{dragging ? <Tag icon={fieldTypeIcons[dragging]}>{t(`type_${dragging}`)}</Tag> : null}</DragOverlay>
    </DndContext>
  ) : (
    <Alert type="info" showIcon title={t('notObjectRoot')} />
  );

  return (
    <EditorShell editor={editor} onSelectProblem={selectProblem}>
      {doc && (
        <Form layout="inline" style={{ marginBottom: 8 }}>
          <Form.Item label={t('formTitle')} htmlFor="form-title" style={{ minWidth: 420 }}>
            <DraftText id="form-title" value={titleText(doc.title)} onCommit={(title) => setDoc((current) => ({ ...current, title: withTitle(current.title, title) }))} />
          </Form.Item>
        </Form>
      )}
      {doc && (
        <Tabs
          destroyOnHidden
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'design', label: t('tabDesign'), children: design },
            {
              key: 'preview',
              label: t('tabPreview'),
              children: <Preview schema={doc.schema} uiSchema={doc.uiSchema} sampleData={doc.sampleData} onUseAsSample={(data) => setDoc((current) => withKey(current, 'sampleData', data))} />,
            },
            {
              key: 'json',
              label: t('tabJson'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('jsonHelp')}</Typography.Paragraph>
                  <JsonView value={{ schema: doc.schema, uiSchema: doc.uiSchema, sampleData: doc.sampleData }} onApply={applyJson} />
                </>
              ),
            },
          ]}
        />
      )}
    </EditorShell>
  );
}
