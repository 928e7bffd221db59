/** The engine's findings about the flow, live: each names its step; clicking one selects it on the canvas. */
import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Workflow } from '../../../../engine/kinds/workflow';
import type { Problem } from '../../../../engine/problem';
import { stepOf } from './flow-checks';
import { zhOf } from './KeyInput';

export function FlowFlags({ workflow, problems, onSelectStep }: { workflow: Workflow; problems: Problem[]; onSelectStep: (step: string) => void }) {
  const { t, i18n } = useTranslation('flows');
  if (problems.length === 0) {
    return <Alert type="success" showIcon title={t('noFlags')} data-testid="flow-flags" data-count={0} />;
  }
  const text = (problem: Problem) => {
    const step = stepOf(problem);
    const key = `flag_${problem.code}`;
    const title = step === undefined ? '' : zhOf(workflow.steps[step]?.title) || step;
    return i18n.exists(key, { ns: 'flows' }) ? t(key, { step: title }) : problem.message;
  };
  return (
    <Alert
      type="error"
      showIcon
      data-testid="flow-flags"
      data-count={problems.length}
      title={t('flagsTitle', { count: problems.length })}
      description={
        <List
          size="small"
          dataSource={problems}
          renderItem={(problem) => {
            const step = stepOf(problem);
            return (
              <List.Item style={{ paddingInline: 0, cursor: step ? 'pointer' : undefined }} data-code={problem.code} data-step={step} onClick={() => step && onSelectStep(step)}>
                <Typography.Text>{text(problem)}</Typography.Text>
              </List.Item>
            );
          }}
        />
      }
    />
  );
}
