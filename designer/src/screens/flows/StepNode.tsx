/** A step on the canvas: title, stage tag, role chips, limit badge; a red border when the engine flags it. */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { limitText, stageTitles } from '../../../../engine/labels';
import { textOf, type Text } from '../../api/definitions';
import { NODE_HEIGHT, NODE_WIDTH, type StepNodeData } from './flow-graph';

export type StepFlowNode = Node<StepNodeData, 'step'>;

export function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const { t, i18n } = useTranslation('flows');
  const { step, name, isStart, roles, flags } = data;
  const isFlagged = flags.length > 0;
  const limit = step.limit === undefined ? undefined : 'from' in step.limit ? t(`limit_${step.limit.from}`) : limitText(step.limit);
  const border = isFlagged ? '2px solid #ff4d4f' : selected ? '2px solid #1f5fbf' : '1px solid #d9d9d9';
  return (
    <div
      data-testid={`step-node-${name}`}
      data-flagged={isFlagged ? flags.join(' ') : undefined}
      style={{
        width: NODE_WIDTH,
        minHeight: NODE_HEIGHT,
        boxSizing: 'border-box',
        border,
        borderRadius: 6,
        background: step.isFinal ? '#f6ffed' : '#fff',
        padding: '6px 10px',
        boxShadow: selected ? '0 0 0 3px rgba(31,95,191,0.15)' : undefined,
      }}
    >
      <Handle type="target" position={Position.Top} />
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4 }}>
        <Typography.Text strong ellipsis style={{ maxWidth: 150 }}>
          {textOf(step.title as Text, i18n.language) || name}
        </Typography.Text>
        {isStart && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('start')}</Tag>}
      </div>
      <div style={{ fontSize: 11, color: '#8c8c8c', fontFamily: 'ui-monospace, Menlo, monospace' }}>{name}</div>
      <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {step.stage && <Tag color="geekblue">{stageTitles[step.stage]}</Tag>}
        {step.isFinal && <Tag color="green">{t(`outcome_${step.outcome ?? 'completed'}`)}</Tag>}
        {limit && (
          <Tooltip title={t('limit')}>
            <Tag color="orange">⏱ {limit}</Tag>
          </Tooltip>
        )}
        {roles.map((role) => (
          <Tag key={role} bordered={false}>
            {t(`role_${role}`)}
          </Tag>
        ))}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}
