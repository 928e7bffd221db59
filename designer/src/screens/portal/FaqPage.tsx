/**
 * 咨询问答手册 (public): the questions a platform answered and published, grouped by service item
 * (general questions first), searchable in questions and answers. `?platform=` for another platform.
 */
import { Alert, Card, Collapse, Empty, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { portalApi, type FaqEntry } from '../../api/portal';
import { useSession } from '../../session/session';
import { DEFAULT_PLATFORM } from '../home/HomePage';

const GENERAL = '';

/** Entries grouped by item, general ones first, the handbook's order kept within a group. */
function groupByItem(entries: FaqEntry[]): Array<[string, FaqEntry[]]> {
  const groups = new Map<string, FaqEntry[]>([[GENERAL, []]]);
  for (const entry of entries) {
    const key = entry.itemId ?? GENERAL;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.entries()].filter(([, list]) => list.length > 0);
}

export function FaqPage() {
  const { t } = useTranslation('portal');
  const { me } = useSession();
  const [params] = useSearchParams();
  const platformId = params.get('platform') ?? me?.platformId ?? DEFAULT_PLATFORM;
  const [entries, setEntries] = useState<FaqEntry[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    portalApi.faq(platformId).then(setEntries, (failure: Error) => setError(failure.message));
  }, [platformId]);

  const groups = useMemo(() => {
    const words = query.trim().toLowerCase();
    const matching = (entries ?? []).filter((e) => !words || `${e.question}\n${e.answer}\n${e.itemTitle ?? ''}`.toLowerCase().includes(words));
    return groupByItem(matching);
  }, [entries, query]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('faqTitle')}
        </Typography.Title>
        <Link to="/portal/consultations">{t('askOnline')}</Link>
      </Space>
      <Input.Search allowClear placeholder={t('faqSearch')} aria-label={t('faqSearch')} onChange={(event) => setQuery(event.target.value)} data-testid="faq-search" />
      {error && <Alert type="error" showIcon title={t('loadFailed', { detail: error })} />}
      {entries && groups.length === 0 && <Empty description={query ? t('faqNoMatch') : t('faqEmpty')} />}
      {groups.map(([itemId, list]) => (
        <Card key={itemId || 'general'} size="small" title={itemId ? (list[0]?.itemTitle ?? itemId) : t('faqGeneral')} data-testid="faq-group">
          <Collapse
            ghost
            items={list.map((entry) => ({
              key: entry.id,
              label: <span data-testid="faq-question">{entry.question}</span>,
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{entry.answer}</Typography.Paragraph>,
            }))}
          />
        </Card>
      ))}
    </Space>
  );
}
