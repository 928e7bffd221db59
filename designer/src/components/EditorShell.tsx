/**
 * The frame every definition editor shares: title and status, undo/redo, save, validate,
 * publish and history, and the problems found live and by the server. Ctrl+S saves.
 */
import { HistoryOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Drawer, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, type Text } from '../api/definitions';
import { VersionsPanel } from '../screens/versions/VersionsPanel';
import type { DefinitionEditor, Doc } from './useDefinitionEditor';
import { ProblemList } from './ProblemList';
import type { Problem } from '../api/client';

export function EditorShell<D extends Doc>({
  editor,
  children,
  extra,
  onSelectProblem,
}: {
  editor: DefinitionEditor<D>;
  children: ReactNode;
  extra?: ReactNode;
  onSelectProblem?: (problem: Problem) => void;
}) {
  const { t, i18n } = useTranslation();
  const [isHistoryOpen, setHistoryOpen] = useState(false);
  const { doc, save } = editor;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);
  if (editor.isLoading) return <Spin tip={t('loading')}><div style={{ height: 200 }} /></Spin>;
  if (editor.notFound || !doc) return <Typography.Paragraph data-testid="not-found">{t('notFound', { id: `${editor.kind} ${editor.id}` })}</Typography.Paragraph>;
  const base = editor.base;
  const problems = editor.liveProblems.length > 0 ? editor.liveProblems : editor.serverProblems;
  return (
    <div data-testid="editor" data-kind={doc.kind} data-id={doc.id}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16, gap: 16, flexWrap: 'wrap' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {textOf(doc.title as Text, i18n.language) || doc.id}
          </Typography.Title>
          <Typography.Text type="secondary" code>
            {doc.id}
          </Typography.Text>
          {base && <Tag color={base.status === 'published' ? 'green' : 'gold'}>{`v${base.version} ${t(`status_${base.status}`)}`}</Tag>}
          {base?.isInherited && <Tag color="blue">{t('inherited')}</Tag>}
          {editor.isDirty && <Tag color="orange">{t('unsaved')}</Tag>}
        </Space>
        <Space wrap>
          {extra}
          <Tooltip title="Ctrl+Z">
            <Button icon={<UndoOutlined />} onClick={editor.undo} disabled={!editor.canUndo} aria-label={t('undo')} />
          </Tooltip>
          <Tooltip title="Ctrl+Shift+Z">
            <Button icon={<RedoOutlined />} onClick={editor.redo} disabled={!editor.canRedo} aria-label={t('redo')} />
          </Tooltip>
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
            {t('history')}
          </Button>
          <Button onClick={() => void editor.validate()} loading={editor.isBusy}>
            {t('validate')}
          </Button>
          <Tooltip title="Ctrl+S">
            <Button onClick={() => void editor.save()} loading={editor.isBusy} data-testid="save">
              {t('save')}
            </Button>
          </Tooltip>
          <Button type="primary" onClick={() => void editor.publish()} loading={editor.isBusy} data-testid="publish">
            {t('publish')}
          </Button>
        </Space>
      </div>
      <div style={{ marginBottom: 16 }}>
        <ProblemList problems={problems} onSelect={onSelectProblem} />
      </div>
      {children}
      <Drawer open={isHistoryOpen} onClose={() => setHistoryOpen(false)} title={t('history')} size="large" destroyOnHidden>
        <VersionsPanel kind={doc.kind as never} id={doc.id} onRolledBack={() => void editor.reload()} />
      </Drawer>
    </div>
  );
}
