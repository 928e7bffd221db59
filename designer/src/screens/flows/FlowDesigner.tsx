/**
 * The flow designer: the workflow as a graph with a side panel for the selected step, action or
 * automatic transition, and the engine's checks (unreachable and dead-end steps …) flagged live.
 * A new flow starts as a copy of the standard five-stage flow, fetched from the API.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Form, Input, Row, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Workflow } from '../../../../engine/kinds/workflow';
import { startedClocks } from '../../../../engine/load/check-workflow-effects';
import { definitionsApi, textOf, type Text } from '../../api/definitions';
import { latestPerId } from '../../components/DefinitionIndex';
import { EditorShell } from '../../components/EditorShell';
import { JsonView } from '../../components/JsonView';
import { formsUsedBy, useFormFields } from '../../components/useFormFields';
import { useDefinitionEditor, versionToEdit, type Doc } from '../../components/useDefinitionEditor';
import { ActionPanel } from './ActionPanel';
import { AddStepModal } from './AddStepModal';
import { BranchEditor } from './BranchEditor';
import type { EffectContext } from './EffectForm';
import { addAction, addStep } from './flow-edit';
import { flagsByStep, flowProblems } from './flow-checks';
import { caseVariables } from './flow-vocab';
import { FlowCanvas, type FlowSelection } from './FlowCanvas';
import { FlowFlags } from './FlowFlags';
import { withZh, zhOf } from './KeyInput';
import { StepPanel } from './StepPanel';

type WorkflowDoc = Doc & Workflow;

export const STANDARD_FLOW = 'standard-service';

/** Used only when the standard flow is not visible to the platform: the smallest flow that can end. */
const minimalFlow = {
  start: 'consult',
  steps: {
    consult: { title: '服务咨询·申请填报', stage: 'consult', actions: { submit: { title: '提交申请', to: 'closed', roles: ['applicant'] } } },
    closed: { title: '已办结', isFinal: true, outcome: 'completed' },
  },
};

/** The body of the standard flow as the platform sees it; null when it has none. */
function useStandardFlow(): Workflow | null | undefined {
  const [standard, setStandard] = useState<Workflow | null | undefined>(undefined);
  useEffect(() => {
    void definitionsApi
      .versions<Workflow>('Workflow', STANDARD_FLOW)
      .then((versions) => setStandard(versionToEdit(versions)?.body ?? null))
      .catch(() => setStandard(null));
  }, []);
  return standard;
}

function useEffectContext(id: string, doc: Workflow | undefined): EffectContext {
  const { t, i18n } = useTranslation('flows');
  const [templates, setTemplates] = useState<EffectContext['templates']>([]);
  const [formIds, setFormIds] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    void definitionsApi.list({ kind: 'Template' }).then((all) => setTemplates(latestPerId(all).map((d) => ({ value: d.id, label: `${textOf(d.title as Text, i18n.language)} (${d.id})` }))));
    void formsUsedBy({ workflow: id }).then(setFormIds);
  }, [id, i18n.language]);
  const { fields: formFields } = useFormFields(formIds);
  const steps = doc?.steps;
  return useMemo(() => {
    const workflow = doc ?? ({ steps: {} } as unknown as Workflow);
    const clocks = steps ? [...startedClocks(workflow)] : [];
    return { templates, clocks, fields: [...formFields, ...caseVariables(t, workflow)] };
    // The context depends on the steps (clocks, set fields), not on every edit of the header.
  }, [templates, formFields, steps, t]);
}

function FlowEditor({ id, standard }: { id: string; standard: Workflow | null }) {
  const { t } = useTranslation('flows');
  const blank = useCallback(
    (): WorkflowDoc =>
      ({
        ...(standard ?? minimalFlow),
        kind: 'Workflow',
        schemaVersion: 1,
        id,
        version: 1,
        title: standard ? `${zhOf(standard.title)}（副本）` : id,
      }) as WorkflowDoc,
    [standard, id],
  );
  const editor = useDefinitionEditor<WorkflowDoc>('Workflow', id, { blank });
  const { doc, setDoc } = editor;
  const [selection, setSelection] = useState<FlowSelection>(undefined);
  const [isAdding, setAdding] = useState(false);
  const isGraph = doc !== undefined && typeof doc.steps === 'object' && doc.steps !== null;
  const problems = useMemo(() => (isGraph ? flowProblems(doc) : []), [doc, isGraph]);
  const flags = useMemo(() => flagsByStep(problems), [problems]);
  const context = useEffectContext(id, isGraph ? doc : undefined);
  const edit = (next: Workflow) => setDoc(next as WorkflowDoc);

  if (!doc || !isGraph) {
    return <EditorShell editor={editor}>{doc && <JsonView value={doc} onApply={(v) => setDoc(v as WorkflowDoc)} />}</EditorShell>;
  }
  const panelProps = { workflow: doc, fields: context.fields, context, onChange: edit, onSelect: setSelection };
  const panel =
    selection?.kind === 'step' ? (
      <StepPanel key={selection.step} name={selection.step} {...panelProps} />
    ) : selection?.kind === 'action' ? (
      <ActionPanel key={`${selection.step}/${selection.action}`} step={selection.step} name={selection.action} {...panelProps} />
    ) : selection?.kind === 'branch' ? (
      <BranchEditor key={`${selection.step}/${selection.index}`} step={selection.step} index={selection.index} {...panelProps} />
    ) : (
      <Empty description={t('selectHint')} />
    );

  const design = (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <FlowCanvas
          workflow={doc}
          flags={flags}
          selection={selection}
          onSelect={setSelection}
          onConnect={(from, to) => {
            const added = addAction(doc, from, to, t('newActionTitle'));
            edit(added.workflow);
            setSelection({ kind: 'action', step: from, action: added.name });
          }}
        />
      </Col>
      <Col xs={24} xl={9}>
        <div style={{ maxHeight: 660, overflowY: 'auto', paddingInlineEnd: 8 }} data-testid="flow-panel">
          <div style={{ marginBottom: 12 }}>
            <FlowFlags workflow={doc} problems={problems} onSelectStep={(step) => setSelection({ kind: 'step', step })} />
          </div>
          {panel}
        </div>
      </Col>
    </Row>
  );

  return (
    <EditorShell editor={editor}>
      <Tabs
        tabBarExtraContent={
          <Form layout="inline" component="div">
            <Form.Item label={t('flowTitle')} htmlFor="flow-title">
              <Input id="flow-title" style={{ width: 280 }} value={zhOf(doc.title)} onChange={(e) => setDoc((c) => ({ ...c, title: withZh(c.title, e.target.value) }))} />
            </Form.Item>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-step">
              {t('addStep')}
            </Button>
          </Form>
        }
        items={[
          { key: 'design', label: t('title'), children: design },
          { key: 'json', label: 'JSON', children: <JsonView value={doc} onApply={(v) => setDoc(v as WorkflowDoc)} /> },
        ]}
      />
      <AddStepModal
        open={isAdding}
        taken={Object.keys(doc.steps)}
        onClose={() => setAdding(false)}
        onAdd={({ key, title, stage }) => {
          edit(addStep(doc, key, { title, ...(stage ? { stage } : {}) }));
          setSelection({ kind: 'step', step: key });
          setAdding(false);
        }}
      />
    </EditorShell>
  );
}

export function FlowDesigner() {
  const { id = '' } = useParams();
  const standard = useStandardFlow();
  if (standard === undefined) return <Spin />;
  return <FlowEditor key={id} id={id} standard={standard} />;
}
