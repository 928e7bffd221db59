/**
 * The selected step: name, title, stage, end, limit and warning, the effects on entering, on
 * the warning and when overdue, its actions (to open them) and automatic transitions.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Collapse, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Step, Workflow } from '../../../../engine/kinds/workflow';
import { stageTitles } from '../../../../engine/labels';
import type { RuleField } from '../../components/rule-model';
import { BranchEditor } from './BranchEditor';
import type { EffectContext } from './EffectForm';
import { EffectList } from './EffectList';
import { addAction, addBranch, incomingCount, patchStep, removeStep, renameStep } from './flow-edit';
import { outcomes, stages } from './flow-vocab';
import type { FlowSelection } from './FlowCanvas';
import { KeyInput, withZh, zhOf } from './KeyInput';
import { LimitInput } from './LimitInput';

interface Props {
  workflow: Workflow;
  name: string;
  fields: RuleField[];
  context: EffectContext;
  onChange: (workflow: Workflow) => void;
  onSelect: (selection: FlowSelection) => void;
}

function ExitList({ workflow, name, fields, context, onChange, onSelect }: Props) {
  const { t } = useTranslation('flows');
  const step = workflow.steps[name]!;
  const others = Object.keys(workflow.steps).filter((s) => s !== name);
  return (
    <>
      <Typography.Title level={5}>{t('actions')}</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        {Object.entries(step.actions ?? {}).map(([action, a]) => (
          <Button key={action} block style={{ textAlign: 'start' }} onClick={() => onSelect({ kind: 'action', step: name, action })}>
            {zhOf(a.title) || action} → {zhOf(workflow.steps[a.to]?.title) || a.to}
          </Button>
        ))}
        <Select
          aria-label={t('addAction')}
          placeholder={<><PlusOutlined /> {t('addAction')}</>}
          value={null}
          style={{ width: '100%' }}
          options={Object.keys(workflow.steps).map((s) => ({ value: s, label: `→ ${zhOf(workflow.steps[s]?.title) || s}` }))}
          onChange={(to: string) => {
            const added = addAction(workflow, name, to, t('newActionTitle'));
            onChange(added.workflow);
            onSelect({ kind: 'action', step: name, action: added.name });
          }}
        />
      </Space>
      <Typography.Title level={5}>{t('branches')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('branchesHelp')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {(step.next ?? []).map((_, index) => (
          <BranchEditor key={index} workflow={workflow} step={name} index={index} fields={fields} context={context} onChange={onChange} />
        ))}
        <Button icon={<PlusOutlined />} disabled={others.length === 0} onClick={() => onChange(addBranch(workflow, name, others[0]!))} data-testid="add-branch">
          {t('addBranch')}
        </Button>
      </Space>
    </>
  );
}

export function StepPanel(props: Props) {
  const { workflow, name, context, onChange, onSelect } = props;
  const { t } = useTranslation('flows');
  const step = workflow.steps[name];
  if (!step) return null;
  const patch = (p: Partial<Step>) => onChange(patchStep(workflow, name, p));
  const isStart = workflow.start === name;
  const effects = (key: 'onEnter' | 'onWarn' | 'onOverdue') => ({
    key,
    label: `${t(key)}${step[key]?.length ? ` (${step[key]!.length})` : ''}`,
    children: <EffectList effects={step[key]} onChange={(list) => patch({ [key]: list })} context={context} testId={`step-${key}`} />,
  });
  return (
    <Form layout="vertical" component="div" data-testid="step-panel">
      <Form.Item label={t('stepTitle')} htmlFor="step-title">
        <Input id="step-title" value={zhOf(step.title)} onChange={(e) => patch({ title: withZh(step.title, e.target.value) })} />
      </Form.Item>
      <KeyInput
        key={name}
        id="step-key"
        label={t('stepKey')}
        value={name}
        taken={Object.keys(workflow.steps)}
        onRename={(key) => {
          onChange(renameStep(workflow, name, key));
          onSelect({ kind: 'step', step: key });
        }}
      />
      <Form.Item label={t('stage')} htmlFor="step-stage">
        <Select
          id="step-stage"
          value={step.stage ?? ''}
          onChange={(stage: string) => patch({ stage: stage === '' ? undefined : (stage as Step['stage']) })}
          options={[{ value: '', label: t('noStage') }, ...stages.map((s) => ({ value: s, label: stageTitles[s] }))]}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('isFinal')} htmlFor="step-final">
          <Switch id="step-final" checked={step.isFinal === true} onChange={(on) => patch({ isFinal: on ? true : undefined, outcome: on ? (step.outcome ?? 'completed') : undefined })} />
        </Form.Item>
        {step.isFinal && (
          <Form.Item label={t('outcome')} htmlFor="step-outcome">
            <Select id="step-outcome" style={{ width: 140 }} value={step.outcome ?? 'completed'} onChange={(outcome) => patch({ outcome })} options={outcomes.map((o) => ({ value: o, label: t(`outcome_${o}`) }))} />
          </Form.Item>
        )}
      </Space>
      {!isStart && (
        <Button size="small" style={{ marginBottom: 16 }} onClick={() => onChange({ ...workflow, start: name })}>
          {t('setStart')}
        </Button>
      )}
      <Form.Item label={t('limit')}>
        <LimitInput idPrefix="step" allowNone value={step.limit} onChange={(limit) => patch({ limit, ...(limit === undefined ? { warnAt: undefined } : {}) })} />
      </Form.Item>
      {step.limit !== undefined && (
        <Form.Item label={t('warnAt')} htmlFor="step-warn-at">
          <InputNumber
            id="step-warn-at"
            min={1}
            max={99}
            precision={0}
            suffix="%"
            value={step.warnAt === undefined ? null : Math.round(step.warnAt * 100)}
            onChange={(v) => patch({ warnAt: v === null ? undefined : v / 100 })}
          />
        </Form.Item>
      )}
      <Collapse size="small" items={[effects('onEnter'), ...(step.limit !== undefined ? [effects('onWarn'), effects('onOverdue')] : [])]} style={{ marginBottom: 16 }} />
      {(!step.isFinal || Object.keys(step.actions ?? {}).length > 0 || (step.next ?? []).length > 0) && <ExitList {...props} />}
      <div style={{ marginTop: 24 }}>
        {isStart ? (
          <Typography.Text type="secondary">{t('startCannotDelete')}</Typography.Text>
        ) : (
          <Popconfirm
            title={t('deleteStepConfirm', { title: zhOf(step.title) || name, count: incomingCount(workflow, name) })}
            onConfirm={() => {
              onChange(removeStep(workflow, name));
              onSelect(undefined);
            }}
          >
            <Button danger icon={<DeleteOutlined />} data-testid="delete-step">
              {t('deleteStep')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </Form>
  );
}
