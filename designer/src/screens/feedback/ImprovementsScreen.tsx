/**
 * 改进举措 (/desk/improvements): the platform's improvement measures with their status, whether
 * they are on the public portal page, and their history. The platform admin creates them,
 * moves them planned → in-progress → done (a result is asked for done) and publishes them.
 */
import { Alert, App, Button, Card, Collapse, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feedbackApi, type Measure, type MeasureStatus } from '../../api/feedback';
import { formatDate, formatDateTime } from '../../components/time';
import { isAdmin, useSession } from '../../session/session';
import { problemText } from '../desk/format';
import { STATUS_COLORS } from './ImprovementsPage';
import { NewMeasureModal, StatusModal, type StatusChange } from './MeasureForms';

const NEXT: Record<MeasureStatus, MeasureStatus[]> = { planned: ['in-progress', 'done'], 'in-progress': ['done'], done: ['in-progress'] };

export function ImprovementsScreen() {
  const { t } = useTranslation('feedback');
  const { message } = App.useApp();
  const { me } = useSession();
  const canEdit = isAdmin(me);
  const [measures, setMeasures] = useState<Measure[]>();
  const [error, setError] = useState<string | null>(null);
  const [isCreating, setCreating] = useState(false);
  const [change, setChange] = useState<StatusChange | null>(null);

  const load = useCallback(async () => {
    try {
      setMeasures(await feedbackApi.measures());
      setError(null);
    } catch (failure) {
      setError(problemText(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function togglePublished(measure: Measure) {
    try {
      await feedbackApi.changeStatus(measure.id, { status: measure.status, isPublished: !measure.isPublished });
      void message.success(t('changed'));
      await load();
    } catch (failure) {
      setError(problemText(failure));
    }
  }
  const done = (text: string) => {
    setCreating(false);
    setChange(null);
    void message.success(text);
    void load();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('measuresTitle')}
        </Typography.Title>
        {canEdit ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-measure">
            {t('newMeasure')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('adminOnly')}</Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
      {!measures && !error && <Spin />}
      {measures?.length === 0 && <Empty description={t('noMeasures')} />}
      {measures?.map((m) => (
        <Card
          key={m.id}
          size="small"
          data-testid={`measure-${m.id}`}
          title={
            <Space wrap>
              <Typography.Text strong>{m.title}</Typography.Text>
              <Tag color={STATUS_COLORS[m.status]}>{t(`measureStatus_${m.status}`)}</Tag>
              <Tag color={m.isPublished ? 'green' : 'default'}>{t(m.isPublished ? 'published' : 'unpublished')}</Tag>
            </Space>
          }
          extra={<Typography.Text type="secondary">{t('target', { date: m.targetDate })}</Typography.Text>}
        >
          <Typography.Paragraph>{m.description}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag>{t(`source_${m.source}`)}</Tag>
            <Tag>{m.department}</Tag>
            {m.feedbackIds.length > 0 && <Tag>{`${t('linkedFeedback')}: ${m.feedbackIds.length}`}</Tag>}
          </Space>
          {m.result && <Typography.Paragraph>{t('resultIs', { result: m.result })}</Typography.Paragraph>}
          {canEdit && (
            <Space wrap style={{ marginBottom: 8 }}>
              {NEXT[m.status].map((status) => (
                <Button key={status} onClick={() => setChange({ measure: m, status })}>
                  {t('moveTo', { status: t(`measureStatus_${status}`) })}
                </Button>
              ))}
              <Button onClick={() => void togglePublished(m)}>{t(m.isPublished ? 'withdraw' : 'publish')}</Button>
            </Space>
          )}
          <Collapse
            size="small"
            items={[
              {
                key: 'history',
                label: t('history'),
                children: m.history.map((h, i) => (
                  <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
                    {formatDateTime(h.at)} · {h.byName} · {h.fromStatus ? `${t(`measureStatus_${h.fromStatus}`)} → ` : ''}
                    {t(`measureStatus_${h.toStatus}`)} · {t(h.isPublished ? 'published' : 'unpublished')}
                    {h.note ? ` · ${h.note}` : ''}
                  </Typography.Paragraph>
                )),
              },
            ]}
          />
          <Typography.Text type="secondary">{formatDate(m.updatedAt)}</Typography.Text>
        </Card>
      ))}
      <NewMeasureModal isOpen={isCreating} onClose={() => setCreating(false)} onDone={() => done(t('created'))} />
      <StatusModal change={change} onClose={() => setChange(null)} onDone={() => done(t('changed'))} />
    </Space>
  );
}
