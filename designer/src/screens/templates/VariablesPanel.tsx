/**
 * The variables a template may use (GET /api/templates/context), as a searchable tree with what
 * each one is, and the helper snippets. Clicking a variable (or Enter on it) inserts it at the
 * editor's cursor; Enter in the search box inserts the first match.
 */
import { Alert, Button, Empty, Flex, Input, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { templatesApi, type TemplateVariable } from '../../api/templates';
import { segmentsOf } from './insertion';
import { snippets, type Snippet } from './snippets';

interface VariableNode {
  key: string;
  title: ReactNode;
  variable?: TemplateVariable;
  children: VariableNode[];
}

function matches(variable: TemplateVariable, query: string): boolean {
  return variable.path.toLowerCase().includes(query) || (variable.description ?? '').toLowerCase().includes(query);
}

/** Builds the tree from the flat paths; a variable's ancestors are nodes even when the context lists only its leaves. */
function treeOf(variables: TemplateVariable[], titleOf: (name: string, variable?: TemplateVariable) => ReactNode): VariableNode[] {
  const roots: VariableNode[] = [];
  const byKey = new Map<string, VariableNode>();
  for (const variable of variables) {
    const segments = segmentsOf(variable.path);
    segments.forEach((name, index) => {
      const key = segments.slice(0, index + 1).join('.');
      const isSelf = index === segments.length - 1;
      let node = byKey.get(key);
      if (!node) {
        node = { key, title: null, children: [] };
        byKey.set(key, node);
        (index === 0 ? roots : byKey.get(segments.slice(0, index).join('.'))!.children).push(node);
      }
      if (isSelf) node.variable = variable;
      node.title = titleOf(name, node.variable);
    });
  }
  return roots;
}

export function VariablesPanel({
  context,
  onVariable,
  onSnippet,
}: {
  context: string;
  onVariable: (variable: TemplateVariable, all: TemplateVariable[]) => void;
  onSnippet: (snippet: Snippet) => void;
}) {
  const { t } = useTranslation('templates');
  const [variables, setVariables] = useState<TemplateVariable[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  useEffect(() => {
    let isCurrent = true;
    setError(undefined);
    // The declared context decides what the template may use (saving checks against it).
    templatesApi.context({ context }).then(
      (found) => isCurrent && setVariables(found),
      (failure: ApiError) => isCurrent && setError(failure.message),
    );
    return () => {
      isCurrent = false;
    };
  }, [context]);

  const q = query.trim().toLowerCase();
  const shown = useMemo(() => (variables ?? []).filter((v) => !q || matches(v, q)), [variables, q]);
  const tree = useMemo(
    () =>
      treeOf(shown, (name, variable) => (
        <span data-testid={variable ? `variable-${variable.path}` : undefined} title={variable?.description}>
          <Typography.Text code>{name}</Typography.Text> {variable && <Tag bordered={false}>{t(`type_${variable.type}`, { defaultValue: variable.type })}</Tag>}
          {variable?.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {variable.description}
            </Typography.Text>
          )}
        </span>
      )),
    [shown, t],
  );
  const insert = (variable: TemplateVariable | undefined) => variable && onVariable(variable, variables ?? []);

  return (
    <Flex vertical gap={8} data-testid="variables-panel">
      <Typography.Text strong>{t('variables')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('variablesHelp')}
      </Typography.Text>
      <Input.Search
        allowClear
        aria-label={t('searchVariables')}
        placeholder={t('searchVariables')}
        onChange={(event) => setQuery(event.target.value)}
        onSearch={() => insert(shown.find((v) => v.type !== 'object'))}
        data-testid="variable-search"
      />
      {error && <Alert type="error" showIcon title={t('variablesUnavailable', { detail: error })} />}
      <div style={{ maxHeight: 360, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 4, padding: 4 }}>
        {variables && shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noVariables')} />
        ) : (
          <Tree<VariableNode>
            key={`${context}:${q}`}
            treeData={tree}
            defaultExpandAll={q !== ''}
            selectedKeys={[]}
            blockNode
            onSelect={(_, info) => insert(info.node.variable)}
          />
        )}
      </div>
      <Typography.Text strong>{t('snippets')}</Typography.Text>
      <Flex wrap gap={4}>
        {snippets
          .filter((snippet) => !snippet.contexts || snippet.contexts.includes(context as 'item' | 'case'))
          .map((snippet) => (
            <Button key={snippet.key} size="small" title={snippet.text} onClick={() => onSnippet(snippet)} data-testid={`snippet-${snippet.key}`}>
              {t(`snippet_${snippet.key}`)}
            </Button>
          ))}
      </Flex>
    </Flex>
  );
}
