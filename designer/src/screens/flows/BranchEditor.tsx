/** One automatic transition (`next` branch): where it goes, when, and its effects; order matters. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Workflow } from '../../../../engine/kinds/workflow';
import { RuleBuilder } from '../../components/RuleBuilder';
import type { RuleField } from '../../components/rule-model';
import type { EffectContext } from './EffectForm';
import { EffectList } from './EffectList';
import { moveBranch, patchBranch, removeBranch } from './flow-edit';
import { zhOf } from './KeyInput';

export function stepOptions(workflow: Workflow): Array<{ value: string; label: string }> {
  return Object.entries(workflow.steps).map(([name, s]) => ({ value: name, label: `${zhOf(s.title) || name} (${name})` }));
}

export function BranchEditor({
  workflow,
  step,
  index,
  fields,
  context,
  onChange,
}: {
  workflow: Workflow;
  step: string;
  index: number;
  fields: RuleField[];
  context: EffectContext;
  onChange: (workflow: Workflow) => void;
}) {
  const { t } = useTranslation('flows');
  const branches = workflow.steps[step]?.next ?? [];
  const branch = branches[index];
  if (!branch) return null;
  const testId = `branch-${step}-${index}`;
  return (
    <Card
      size="small"
      data-testid={testId}
      title={t('branch', { n: index + 1 })}
      extra={
        <Space size={0}>
          <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('moveUp')} disabled={index === 0} onClick={() => onChange(moveBranch(workflow, step, index, -1))} />
          <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('moveDown')} disabled={index === branches.length - 1} onClick={() => onChange(moveBranch(workflow, step, index, 1))} />
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('deleteBranch')} onClick={() => onChange(removeBranch(workflow, step, index))} />
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('branchTo')} htmlFor={`${testId}-to`}>
          <Select id={`${testId}-to`} showSearch={{ optionFilterProp: 'label' }} value={branch.to} options={stepOptions(workflow)} onChange={(to: string) => onChange(patchBranch(workflow, step, index, { to }))} />
        </Form.Item>
        <Form.Item label={t('when')}>
          <RuleBuilder value={branch.when} onChange={(when) => onChange(patchBranch(workflow, step, index, { when }))} fields={fields} testId={`${testId}-when`} />
        </Form.Item>
        <Form.Item label={t('effects')}>
          <EffectList effects={branch.effects} onChange={(effects) => onChange(patchBranch(workflow, step, index, { effects }))} context={context} testId={`${testId}-effects`} />
        </Form.Item>
      </Form>
    </Card>
  );
}
