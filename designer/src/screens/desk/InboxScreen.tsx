/**
 * The staff inbox (/desk): one tab per view with its count, search by case number, applicant or
 * item, cases by due date with overdue and due-soon badges, more pages from the server's cursor.
 * Keyboard: ↑/↓ pick a case, Enter opens it. The view and search live in the address.
 */
import { Alert, Badge, Button, Input, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { inboxViews, type CaseSummary, type InboxCounts, type InboxView } from '../../api/desk';
import { DueBadge } from './DueBadge';
import { ExportButton } from './ExportButton';
import { formatDateTime } from '../../components/time';
import { useInbox } from './useInbox';

/** A view's count as the tab shows it: "10,000+" when the server stopped counting there. */
function countText(counts: InboxCounts | undefined, view: InboxView, t: TFunction<'desk'>): number | string {
  const count = counts?.[view] ?? 0;
  return counts?.capped.includes(view) ? t('countCapped', { n: count.toLocaleString('en-US') }) : count;
}

function viewFrom(value: string | null): InboxView {
  return inboxViews.find((v) => v === value) ?? 'toAccept';
}

export function InboxScreen() {
  const { t } = useTranslation('desk');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = viewFrom(params.get('view'));
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const inbox = useInbox(view, q);
  const [active, setActive] = useState(0);

  useEffect(() => setActive(0), [view, q]);
  useEffect(() => setTyped(q), [q]);

  const change = (next: { view?: InboxView; q?: string }) => {
    const merged = { view: next.view ?? view, q: next.q ?? q };
    setParams(merged.q ? { view: merged.view, q: merged.q } : { view: merged.view });
  };
  const open = (summary: CaseSummary | undefined) => summary && navigate(`/desk/cases/${summary.id}`);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + step, 0), Math.max(inbox.cases.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(inbox.cases[active]);
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('inboxTitle')}
        </Typography.Title>
        <Input.Search
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          allowClear
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onSearch={(value) => change({ q: value.trim() })}
          style={{ width: 360 }}
          data-testid="inbox-search"
        />
        <ExportButton kind="cases" filter={{ view, q }} />
      </Space>
      <Tabs
        activeKey={view}
        onChange={(key) => change({ view: viewFrom(key) })}
        items={inboxViews.map((key) => ({
          key,
          label: (
            <span data-testid={`tab-${key}`}>
              {t(`view_${key}`)}{' '}
              <Badge
                count={countText(inbox.counts, key, t)}
                title={inbox.counts?.capped.includes(key) ? t('countCappedHint', { n: inbox.counts[key].toLocaleString('en-US') }) : undefined}
                showZero
                overflowCount={99999}
                color={key === 'overdue' ? 'red' : key === 'dueSoon' ? 'orange' : '#8c8c8c'}
                data-testid={`count-${key}`}
              />
            </span>
          ),
        }))}
      />
      {inbox.error && <Alert type="error" showIcon title={t('loadFailed', { detail: inbox.error })} />}
      <div tabIndex={0} onKeyDown={onKeyDown} aria-label={t('inboxKeyboardHint')} data-testid="inbox-table" style={{ outline: 'none' }}>
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          loading={inbox.isLoading}
          pagination={false}
          dataSource={inbox.cases}
          locale={{ emptyText: t('inboxEmpty') }}
          onRow={(record, index) => ({
            onClick: () => open(record),
            'data-testid': `case-row-${record.number}`,
            'aria-selected': index === active,
            style: { cursor: 'pointer', background: index === active ? '#e6f0ff' : undefined },
          }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('caseNumber'), render: (_, c) => <Link to={`/desk/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.number}</Link> },
            { title: t('item'), dataIndex: 'itemTitle' },
            { title: t('applicant'), render: (_, c) => c.applicantName ?? '—' },
            { title: t('step'), dataIndex: 'stepTitle' },
            { title: t('assignee'), render: (_, c) => c.assigneeName ?? (c.assigneeId ?? t('unassigned')) },
            { title: t('dueAt'), render: (_, c) => <DueBadge dueAt={c.dueAt} state={c.dueState} /> },
            { title: t('updatedAt'), render: (_, c) => formatDateTime(c.updatedAt) },
          ]}
        />
      </div>
      {inbox.hasMore && (
        <Button onClick={() => void inbox.loadMore()} loading={inbox.isLoading} data-testid="load-more" block>
          {t('loadMore')}
        </Button>
      )}
      <Typography.Text type="secondary">{t('inboxKeyboardHint')}</Typography.Text>
    </Space>
  );
}
