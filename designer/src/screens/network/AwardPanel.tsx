/**
 * 授牌: the platform's module awards and the form awarding one (title + module). The title is
 * checked as it is typed against the province's award rule with the engine's own checkAwardTitle
 * (a warning at the field), and by the server on 授牌: its refusal (the rule, the example, the
 * hint of each mistake) is shown at the title field.
 */
import { Button, Form, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAwardTitle } from '../../../../engine/network/check-platform-name.js';
import type { AwardRule } from '../../../../engine/kinds/network.js';
import type { PlatformLevel } from '../../../../engine/kinds/platform-level.js';
import { registryApi, type PlatformAward, type RegistryPlatform } from '../../api/registry';
import { useSession } from '../../session/session';
import { FailureAlert, fieldStatus } from '../../components/FailureAlert';
import { useSubmission } from '../../components/useSubmission';
import { formatDateTime } from '../../components/time';

export function AwardPanel({ platform, onAwarded }: { platform: RegistryPlatform; onAwarded: () => void }) {
  const { t } = useTranslation('network');
  const [title, setTitle] = useState('');
  const [module, setModule] = useState('');
  const { error, isBusy, submit } = useSubmission();
  const [sentTitle, setSentTitle] = useState('');
  const rulesOwner = useSession().me?.platformId;
  const [rule, setRule] = useState<AwardRule>();
  useEffect(() => {
    // Without the rule there is no live check; the server still checks on 授牌.
    if (rulesOwner) registryApi.awardRule(rulesOwner).then(setRule, () => setRule(undefined));
  }, [rulesOwner]);
  const live = rule && title.trim() !== '' ? checkAwardTitle(rule, { level: platform.level as PlatformLevel, title: title.trim() }).filter((p) => p.path === '/title') : [];
  // The server's refusal belongs to the title it was given; once edited, the live check speaks.
  const server = title.trim() === sentTitle ? fieldStatus(error, '/title') : {};
  const titleStatus = server.help ? server : live.length > 0 ? { validateStatus: 'warning' as const, help: live.map((p) => p.message).join(' ') } : {};

  async function award() {
    setSentTitle(title.trim());
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
          { title: t('awardedAt'), render: (_, a) => formatDateTime(a.awardedAt) },
          { title: t('awardedBy'), dataIndex: 'awardedBy' },
        ]}
      />
      <Typography.Text strong>{t('awardNew')}</Typography.Text>
      <FailureAlert error={error} fields={['/title', '/module']} testId="award-failure" />
      <Form layout="vertical" onFinish={() => void award()} data-testid="award-form">
        <Form.Item label={t('awardTitle')} htmlFor="award-title" required extra={rule ? t('awardRule', { example: rule.example }) : t('awardTitleHelp')} {...titleStatus}>
          <Input id="award-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="award-title" />
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
