/**
 * Appeals against reviews (申诉复核) for the reviews screen: the appeals of the platform (and,
 * for its admins, of the platforms below it), by status; a platform admin upholds or rejects an
 * open one with the reasoning, once and for good.
 */
import { Alert, Button, Card, Empty, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { evaluationLevelLabel } from '../../../../engine/labels.js';
import { appealsApi, type Appeal, type AppealStatus } from '../../api/appeals';
import { TextActionModal, type TextAction } from '../../components/TextActionModal';
import { formatDateTime } from '../../components/time';
import { useSession } from '../../session/session';

type Filter = AppealStatus | 'all';
const FILTERS: Filter[] = ['open', 'upheld', 'rejected', 'all'];

function AppealCard({ appeal, canDecide, onDecide }: { appeal: Appeal; canDecide: boolean; onDecide: (decision: 'upheld' | 'rejected') => void }) {
  const { t } = useTranslation('evaluation');
  return (
    <Card
      size="small"
      data-testid={`appeal-${appeal.caseNumber}`}
      title={
        <Space wrap>
          <Link to={`/desk/cases/${appeal.caseId}`}>{appeal.caseNumber}</Link>
          <Tag color="red">{t(`level_${appeal.level}`, { defaultValue: evaluationLevelLabel(appeal.level) })}</Tag>
          <Typography.Text type="secondary">{t('evaluatedAt', { date: formatDateTime(appeal.evaluationAt) })}</Typography.Text>
        </Space>
      }
      extra={<Tag color={appeal.status === 'open' ? 'processing' : appeal.status === 'upheld' ? 'green' : 'default'}>{t(`appealStatus_${appeal.status}`)}</Tag>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('appealReason')}：{appeal.reason}
        </Typography.Text>
        <Typography.Text type="secondary">{t('appealFiledBy', { name: appeal.filedByName ?? '—', date: formatDateTime(appeal.filedAt) })}</Typography.Text>
        {appeal.decidedAt && (
          <Typography.Text type="secondary">
            {t('appealDecidedBy', { name: appeal.decidedByName ?? '—', date: formatDateTime(appeal.decidedAt) })}
            {appeal.decisionNote ? `：${appeal.decisionNote}` : ''}
          </Typography.Text>
        )}
        {canDecide && appeal.status === 'open' && (
          <Space>
            <Button type="primary" onClick={() => onDecide('upheld')} data-testid="uphold-appeal">
              {t('uphold')}
            </Button>
            <Button onClick={() => onDecide('rejected')} data-testid="reject-appeal">
              {t('reject')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}

export function AppealsPanel({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation('evaluation');
  const { me } = useSession();
  const canDecide = !!me?.roles.includes('platform-admin');
  const [filter, setFilter] = useState<Filter>('open');
  const [appeals, setAppeals] = useState<Appeal[]>();
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<TextAction>();

  const load = useCallback(async () => {
    try {
      setAppeals(await appealsApi.list(filter === 'all' ? {} : { status: filter }));
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [filter]);
  useEffect(() => {
    setAppeals(undefined);
    void load();
  }, [load]);

  const decide = (appeal: Appeal, decision: 'upheld' | 'rejected') =>
    setAction({
      title: t(decision === 'upheld' ? 'upholdTitle' : 'rejectTitle'),
      hint: t('decisionFinal'),
      label: t('decisionNote'),
      pointer: '/note',
      okText: t(decision === 'upheld' ? 'uphold' : 'reject'),
      isDanger: decision === 'upheld',
      testId: 'decide-appeal',
      run: (note) => appealsApi.decide(appeal.id, { decision, note }),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="appeals">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">{t('appealsHint')}</Typography.Text>
        <Segmented<Filter> value={filter} onChange={setFilter} options={FILTERS.map((value) => ({ value, label: t(`appealStatus_${value}`) }))} />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {!appeals && !error && <Spin />}
      {appeals?.length === 0 && <Empty description={t('noAppeals')} />}
      {appeals?.map((appeal) => <AppealCard key={appeal.id} appeal={appeal} canDecide={canDecide} onDecide={(decision) => decide(appeal, decision)} />)}
      <TextActionModal
        action={action}
        onCancel={() => setAction(undefined)}
        onDone={() => {
          setAction(undefined);
          void load();
          onChanged?.();
        }}
      />
    </Space>
  );
}
