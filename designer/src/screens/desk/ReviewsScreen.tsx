/** Rectification of bad reviews (/desk/reviews): the platform's tasks, open ones first by deadline. */
import { Alert, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskApi, type Task } from '../../api/desk';
import { ExportButton } from './ExportButton';
import { TaskCard } from './TaskCard';

type Filter = 'open' | 'done';

export function ReviewsScreen() {
  const { t } = useTranslation('desk');
  const [filter, setFilter] = useState<Filter>('open');
  const [tasks, setTasks] = useState<Task[]>();
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTasks(await deskApi.tasks({ status: filter }));
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [filter]);
  useEffect(() => {
    setTasks(undefined);
    void load();
  }, [load]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('reviewsTitle')}
        </Typography.Title>
        <ExportButton kind="evaluations" />
        <Segmented<Filter> value={filter} onChange={setFilter} options={[{ value: 'open', label: t('taskStatus_open') }, { value: 'done', label: t('taskStatus_done') }]} />
      </Space>
      <Typography.Text type="secondary">{t('reviewsHint')}</Typography.Text>
      {error && <Alert type="error" showIcon title={t('loadFailed', { detail: error })} />}
      {!tasks && !error && <Spin />}
      {tasks?.length === 0 && <Empty description={t('noTasks')} />}
      {tasks?.map((task) => <TaskCard key={task.id} task={task} onChanged={load} />)}
    </Space>
  );
}
