/**
 * Problems as the server and the live check report them: message, where (JSON pointer, in a
 * readable form) and code. Clicking one calls onSelect so an editor can jump to the field.
 */
import { Alert, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/client';

/** "/materials/2/name" → "materials › 3 › name": positions count from 1 for people. */
export function readablePointer(pointer: string): string {
  if (pointer === '') return '/';
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^\d+$/.test(token) ? String(Number(token) + 1) : token))
    .join(' › ');
}

export function ProblemList({ problems, onSelect, title }: { problems: Problem[]; onSelect?: (problem: Problem) => void; title?: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problems"
      title={title ?? t('problems', { count: problems.length })}
      description={
        <List
          size="small"
          dataSource={problems}
          renderItem={(problem) => (
            <List.Item
              style={{ cursor: onSelect ? 'pointer' : undefined, paddingInline: 0 }}
              onClick={() => onSelect?.(problem)}
              data-problem-path={problem.path}
              data-problem-code={problem.code}
            >
              <Typography.Text>
                <Tag>{readablePointer(problem.path)}</Tag>
                {problem.message}
                {problem.suggestion && <Typography.Text type="secondary"> ({problem.suggestion})</Typography.Text>}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}

/** Problems whose pointer lies under `prefix` (e.g. the ones of one form field). */
export function problemsUnder(problems: Problem[], prefix: string): Problem[] {
  return problems.filter((problem) => problem.path === prefix || problem.path.startsWith(`${prefix}/`));
}
