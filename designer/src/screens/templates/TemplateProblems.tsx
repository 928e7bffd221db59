/** A template's problems with where they are (line and column); choosing one puts the editor's cursor there. */
import { Alert, Button, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateProblem } from '../../api/templates';

export function isInSubject(problem: TemplateProblem): boolean {
  return problem.path === '/subject';
}

export function TemplateProblems({ problems, onGoTo }: { problems: TemplateProblem[]; onGoTo: (problem: TemplateProblem) => void }) {
  const { t } = useTranslation('templates');
  if (problems.length === 0) return null;
  const where = (problem: TemplateProblem) => {
    const at = problem.line === undefined ? '' : problem.column === undefined ? t('lineOnly', { line: problem.line }) : t('lineColumn', { line: problem.line, column: problem.column });
    return isInSubject(problem) ? [t('inSubject'), at].filter(Boolean).join(' · ') : at;
  };
  return (
    <Alert
      type="error"
      showIcon
      data-testid="template-problems"
      title={t('templateProblems', { count: problems.length })}
      description={
        <List
          size="small"
          dataSource={problems}
          renderItem={(problem) => (
            <List.Item style={{ paddingInline: 0 }} data-problem-code={problem.code} data-line={problem.line}>
              {problem.line !== undefined && !isInSubject(problem) ? (
                <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onGoTo(problem)}>
                  <Tag>{where(problem)}</Tag>
                </Button>
              ) : (
                where(problem) && <Tag>{where(problem)}</Tag>
              )}
              <span style={{ flex: 1 }}>{problem.message}</span>
            </List.Item>
          )}
        />
      }
    />
  );
}
