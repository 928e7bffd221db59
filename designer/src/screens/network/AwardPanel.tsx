/**
 * 授牌: the platform's module awards and the form awarding one (title + module). The title is
 * checked by the server against the province's award rule; its problem (the rule, the example,
 * the hint of each mistake) is shown at the title field.
 */
import { Button, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registryApi, type PlatformAward, type RegistryPlatform } from '../../api/registry';
import { FailureAlert, fieldStatus } from '../../components/FailureAlert';
import { useSubmission } from '../../components/useSubmission';
import { formatAt } from './format';

export function AwardPanel({ platform, onAwarded }: { platform: RegistryPlatform; onAwarded: () => void }) {
  const { t, i18n } = useTranslation('network');
  const [title, setTitle] = useState('');
  const [module, setModule] = useState('');
  const { error, isBusy, submit } = useSubmission();

  async function award() {
    if (!(await submit(() => registryApi.award(platform.id, { title: title.trim(), module: module.trim() })))) return;
    setTitle('');
    setModule('');
    onAwarded();
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<PlatformAward>
        data-testid="award-list"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={platform.awards}
        locale={{ emptyText: t('noAwards') }}
        columns={[
          { title: t('awardTitle'), dataIndex: 'title' },
          { title: t('awardModule'), dataIndex: 'module' },
          { title: t('awardedAt'), render: (_, a) => formatAt(a.awardedAt, i18n.language) },
          { title: t('awardedBy'), dataIndex: 'awardedBy' },
        ]}
      />
      <Typography.Text strong>{t('awardNew')}</Typography.Text>
      <FailureAlert error={error} fields={['/title', '/module']} testId="award-failure" />
      <Form layout="vertical" onFinish={() => void award()} data-testid="award-form">
        <Form.Item label={t('awardTitle')} htmlFor="award-title" required extra={t('awardTitleHelp')} {...fieldStatus(error, '/title')}>
          <Input id="award-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </Form.Item>
        <Form.Item label={t('awardModule')} htmlFor="award-module" required {...fieldStatus(error, '/module')}>
          <Input id="award-module" value={module} onChange={(e) => setModule(e.target.value)} maxLength={100} placeholder={t('awardModuleExample')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} disabled={title.trim() === '' || module.trim() === ''} data-testid="award-submit">
          {t('award')}
        </Button>
      </Form>
    </Space>
  );
}
