/**
 * 改进举措公开 (public, no sign-in): the platform's published improvement measures with their
 * status, target date, result and the dates each status was reached. `?platform=` for another
 * platform. Nothing here names who complained or what they wrote: the server never sends it.
 */
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { feedbackApi, type MeasureStatus, type PublicMeasure } from '../../api/feedback';
import { formatDate } from '../../components/time';
import { useSession } from '../../session/session';
import { DEFAULT_PLATFORM } from '../home/HomePage';

export const STATUS_COLORS: Record<MeasureStatus, string> = { planned: 'default', 'in-progress': 'blue', done: 'green' };

export function ImprovementsPage() {
  const { t } = useTranslation('feedback');
  const { me } = useSession();
  const [params] = useSearchParams();
  const platformId = params.get('platform') ?? me?.platformId ?? DEFAULT_PLATFORM;
  const [measures, setMeasures] = useState<PublicMeasure[] | undefined>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    feedbackApi.publicMeasures(platformId).then(setMeasures, (failure: Error) => setError(failure.message));
  }, [platformId]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('publicTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('publicIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={t('loadFailed', { detail: error })} />}
      {measures && measures.length === 0 && <Empty description={t('noPublic')} />}
      {measures && measures.length > 0 && (
        <List
          data-testid="public-measures"
          dataSource={measures}
          renderItem={(m) => (
            <List.Item>
              <Card size="small" style={{ width: '100%' }} data-testid="public-measure" title={m.title} extra={<Tag color={STATUS_COLORS[m.status]}>{t(`measureStatus_${m.status}`)}</Tag>}>
                <Typography.Paragraph>{m.description}</Typography.Paragraph>
                <Space wrap>
                  <Tag>{m.department}</Tag>
                  <Typography.Text type="secondary">{t('target', { date: m.targetDate })}</Typography.Text>
                </Space>
                {m.result && <Typography.Paragraph style={{ marginTop: 8 }}>{t('resultIs', { result: m.result })}</Typography.Paragraph>}
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0, marginTop: 8 }}>
                  {m.history.map((h) => t('reached', { status: t(`measureStatus_${h.status}`), date: formatDate(h.at) })).join(' · ')}
                </Typography.Paragraph>
              </Card>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
