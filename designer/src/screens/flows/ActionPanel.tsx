/** The selected action: title, target, roles, condition, what the actor must give, materials and verdicts, effects. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action, Role, Workflow } from '../../../../engine/kinds/workflow';
import { RuleBuilder } from '../../components/RuleBuilder';
import type { RuleField } from '../../components/rule-model';
import { stepOptions } from './BranchEditor';
import type { EffectContext } from './EffectForm';
import { EffectList } from './EffectList';
import { patchAction, removeAction, renameAction } from './flow-edit';
import { roles } from './flow-vocab';
import type { FlowSelection } from './FlowCanvas';
import { KeyInput, withZh, zhOf } from './KeyInput';

const commonRequires = ['reason', 'note', 'result', 'level', 'comment'];

export function ActionPanel({
  workflow,
  step,
  name,
  fields,
  context,
  onChange,
  onSelect,
}: {
  workflow: Workflow;
  step: string;
  name: string;
  fields: RuleField[];
  context: EffectContext;
  onChange: (workflow: Workflow) => void;
  onSelect: (selection: FlowSelection) => void;
}) {
  const { t } = useTranslation('flows');
  const action = workflow.steps[step]?.actions?.[name];
  if (!action) return null;
  const patch = (p: Partial<Action>) => onChange(patchAction(workflow, step, name, p));
  const flag = (key: 'acceptsMaterials' | 'acceptsVerdicts' | 'isEvaluation', label: string) => (
    <Form.Item label={label} htmlFor={`action-${key}`} style={{ marginBottom: 8 }}>
      <Switch id={`action-${key}`} checked={action[key] === true} onChange={(on) => patch({ [key]: on ? true : undefined })} />
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div" data-testid="action-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {zhOf(workflow.steps[step]?.title) || step} → {zhOf(action.title) || name}
      </Typography.Title>
      <Form.Item label={t('actionTitle')} htmlFor="action-title">
        <Input id="action-title" value={zhOf(action.title)} onChange={(e) => patch({ title: withZh(action.title, e.target.value) })} />
      </Form.Item>
      <KeyInput
        key={`${step}/${name}`}
        id="action-key"
        label={t('actionKey')}
        value={name}
        taken={Object.keys(workflow.steps[step]?.actions ?? {})}
        onRename={(key) => {
          onChange(renameAction(workflow, step, name, key));
          onSelect({ kind: 'action', step, action: key });
        }}
      />
      <Form.Item label={t('actionTo')} htmlFor="action-to">
        <Select id="action-to" showSearch={{ optionFilterProp: 'label' }} value={action.to} options={stepOptions(workflow)} onChange={(to: string) => patch({ to })} />
      </Form.Item>
      <Form.Item label={t('roles')}>
        <Checkbox.Group value={action.roles} onChange={(list) => list.length > 0 && patch({ roles: list as Role[] })} options={roles.map((r) => ({ value: r, label: t(`role_${r}`) }))} />
      </Form.Item>
      <Form.Item label={t('when')}>
        <RuleBuilder value={action.when} onChange={(when) => patch({ when })} fields={fields} testId="action-when" />
      </Form.Item>
      {action.when !== undefined && (
        <Form.Item label={t('whenMessage')} htmlFor="action-when-message">
          <Input.TextArea id="action-when-message" rows={2} value={zhOf(action.whenMessage)} onChange={(e) => patch({ whenMessage: e.target.value === '' ? undefined : withZh(action.whenMessage, e.target.value) })} />
        </Form.Item>
      )}
      <Form.Item label={t('requires')} htmlFor="action-requires">
        <Select
          id="action-requires"
          mode="tags"
          value={action.requires ?? []}
          options={commonRequires.map((value) => ({ value, label: value }))}
          onChange={(list: string[]) => patch({ requires: list.length > 0 ? list.filter((k) => /^[A-Za-z][A-Za-z0-9_]*$/.test(k)) : undefined })}
        />
      </Form.Item>
      {flag('acceptsMaterials', t('acceptsMaterials'))}
      {flag('acceptsVerdicts', t('acceptsVerdicts'))}
      {flag('isEvaluation', t('isEvaluation'))}
      <Form.Item label={t('effects')}>
        <EffectList effects={action.effects} onChange={(effects) => patch({ effects })} context={context} testId="action-effects" />
      </Form.Item>
      <Button
        danger
        icon={<DeleteOutlined />}
        onClick={() => {
          onChange(removeAction(workflow, step, name));
          onSelect({ kind: 'step', step });
        }}
      >
        {t('deleteAction')}
      </Button>
    </Form>
  );
}
