/**
 * Rectification of bad reviews (/desk/reviews): the platform's tasks, open ones first by
 * deadline, each with the evaluation behind it and its appeal (申诉); and the appeals tab where
 * admins decide them (申诉复核).
 */
import { Alert, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealsApi, type Appeal } from '../../api/appeals';
import { deskApi, type Task } from '../../api/desk';
import { AppealsPanel } from './AppealsPanel';
import { ExportButton } from './ExportButton';
import { TaskAppeal, appealOfTask } from './TaskAppeal';
import { TaskCard } from './TaskCard';
import { VisitRates } from './VisitRates';

type Filter = 'open' | 'done' | 'appeals';

export function ReviewsScreen() {
  const { t } = useTranslation('desk');
  const { t: te } = useTranslation('evaluation');
  const [filter, setFilter] = useState<Filter>('open');
  const [tasks, setTasks] = useState<Task[]>();
  const [appeals, setAppeals] = useState<Appeal[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (filter === 'appeals') return;
    try {
      const [listed, appealed] = await Promise.all([deskApi.tasks({ status: filter }), appealsApi.list().catch(() => [])]);
      setTasks(listed);
      setAppeals(appealed);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [filter]);
  useEffect(() => {
    setTasks(undefined);
    void load();
  }, [load]);

  const options = [
    { value: 'open' as const, label: t('taskStatus_open') },
    { value: 'done' as const, label: t('taskStatus_done') },
    { value: 'appeals' as const, label: te('appealsTitle') },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('reviewsTitle')}
        </Typography.Title>
        <ExportButton kind="evaluations" />
        <Segmented<Filter> value={filter} onChange={setFilter} options={options} data-testid="reviews-filter" />
      </Space>
      {filter === 'appeals' ? (
        <AppealsPanel />
      ) : (
        <>
          <Typography.Text type="secondary">{t('reviewsHint')}</Typography.Text>
          <VisitRates reloadKey={tasks} />
          {error && <Alert type="error" showIcon title={t('loadFailed', { detail: error })} />}
          {!tasks && !error && <Spin />}
          {tasks?.length === 0 && <Empty description={t('noTasks')} />}
          {tasks?.map((task) => (
            <Space key={task.id} orientation="vertical" size={4} style={{ width: '100%' }}>
              {task.kind === 'rectification' && <TaskAppeal task={task} appeal={appealOfTask(task, appeals)} onChanged={load} />}
              <TaskCard task={task} onChanged={load} />
            </Space>
          ))}
        </>
      )}
    </Space>
  );
}
