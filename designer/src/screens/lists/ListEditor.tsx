/**
 * The list editor: the list's title and type, and its rows as the standard's table, with items
 * added from everything the platform sees (its own and the province library), reordered,
 * removed and annotated; save and publish through the shared editor frame, Excel export and
 * import, and publishing all drafts at once. Editing an inherited list saves the platform's own
 * draft under the same id: that is how a platform localizes a province list.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { ServiceList } from '../../../../engine/kinds/service-list';
import { EditorShell } from '../../components/EditorShell';
import { blanks } from '../../components/blanks';
import { JsonView } from '../../components/JsonView';
import { useDefinitionEditor, type Doc } from '../../components/useDefinitionEditor';
import { ItemPicker } from './ItemPicker';
import { listTypes, type ListType } from './listColumns';
import { ListTable, type Entry } from './ListTable';
import { PublishAllButton } from './PublishAllButton';
import { useListItems } from './useListItems';
import { ImportResult, WorkbookActions, type ImportOutcome } from './WorkbookActions';

type ListDoc = ServiceList & Doc;

const zhOf = (text: ServiceList['title']) => (typeof text === 'string' ? text : text['zh-CN']);

export function ListEditor({ id, initialType }: { id: string; initialType?: ListType }) {
  const { t } = useTranslation('lists');
  const blank = useCallback(() => ({ ...blanks.ServiceList(id), ...(initialType ? { listType: initialType } : {}) }) as ListDoc, [id, initialType]);
  const editor = useDefinitionEditor<ListDoc>('ServiceList', id, { blank });
  const { doc, setDoc, base, inherited } = editor;
  const [isPicking, setPicking] = useState(false);
  const [tab, setTab] = useState('table');
  const [imported, setImported] = useState<ImportOutcome | undefined>(undefined);
  const entries = useMemo(() => (Array.isArray(doc?.entries) ? doc.entries : []), [doc?.entries]);
  const listType: ListType = doc && listTypes.includes(doc.listType) ? doc.listType : 'public';
  const { rows, reload: reloadRows } = useListItems(
    entries.map((e) => e.item),
    listType === 'implementation',
  );
  const setEntries = (next: Entry[]) => setDoc((current) => ({ ...current, entries: next }));
  const reloadAll = useCallback(() => {
    void editor.reload();
    reloadRows();
  }, [editor.reload, reloadRows]);
  const saveFirst = useCallback(async () => !editor.isDirty || (await editor.save()), [editor.isDirty, editor.save]);

  const extra = (
    <>
      <WorkbookActions
        listId={id}
        isDirty={editor.isDirty}
        onImported={(outcome) => {
          setImported(outcome);
          if (!outcome.isRefused) reloadAll();
        }}
      />
      <PublishAllButton beforeOpen={saveFirst} onPublished={reloadAll} />
    </>
  );
  return (
    <>
      <ImportResult outcome={imported} onClose={() => setImported(undefined)} />
      <EditorShell editor={editor} extra={extra}>
        {doc && base?.isInherited && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="inherited-list" title={t('inheritedTitle')} description={t('inheritedBody', { source: base.platformId })} />}
        {doc && !base?.isInherited && inherited && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="localized-list" title={t('localizedBody', { source: inherited.platformId })} />
        )}
        {doc && (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'table',
                label: t(`type_${listType}`),
                children: (
                  <>
                    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
                      <Form.Item label={t('listTitle')} htmlFor="list-title">
                        <Input id="list-title" style={{ width: 320 }} value={zhOf(doc.title)} onChange={(e) => setDoc((c) => ({ ...c, title: typeof c.title === 'string' ? e.target.value : { ...c.title, 'zh-CN': e.target.value } }))} />
                      </Form.Item>
                      <Form.Item label={t('listType')} htmlFor="list-type">
                        <Select
                          id="list-type"
                          style={{ width: 220 }}
                          value={listType}
                          options={listTypes.map((type) => ({ value: type, label: t(`type_${type}`) }))}
                          onChange={(value: ListType) => setDoc((c) => ({ ...c, listType: value }))}
                        />
                      </Form.Item>
                    </Form>
                    <Space style={{ marginBottom: 12 }}>
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="add-item">
                        {t('addItem')}
                      </Button>
                    </Space>
                    <ListTable listType={listType} entries={entries} rows={rows} onChange={setEntries} />
                    <ItemPicker
                      open={isPicking}
                      exclude={entries.map((e) => e.item)}
                      onClose={() => setPicking(false)}
                      onAdd={(ids) => setEntries([...entries, ...ids.map((item) => ({ item }))])}
                    />
                  </>
                ),
              },
              { key: 'json', label: 'JSON', children: <JsonView value={doc} onApply={(value) => setDoc(value as ListDoc)} /> },
            ]}
          />
        )}
      </EditorShell>
    </>
  );
}

/** The editor's route: /studio/lists/:id (?listType= for a new list). */
export function ListDesigner() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const type = params.get('listType') as ListType | null;
  return <ListEditor key={id} id={id} initialType={type && listTypes.includes(type) ? type : undefined} />;
}
