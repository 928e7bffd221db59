/**
 * What the applicant gets the moment they submit: the notice the server rendered for this
 * submission — the one-time notice listing every missing or deficient material, or the
 * receipt — printable; with the case number and verification code to look it up later.
 */
import { Alert, Descriptions, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView, Notice } from '../../api/portal';
import { LinkButton } from './LinkButton';
import { NoticeView } from './NoticeView';

/** The printable notices of a case, newest first. */
export function printableNotices(notices: Notice[]): Notice[] {
  return notices.filter((notice) => notice.format === 'html').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function SubmittedResult({ kase, notices }: { kase: CaseView; notices: Notice[] }) {
  const { t } = useTranslation('portal');
  const printable = printableNotices(notices);
  const needsSupplement = kase.actions.some((action) => action.acceptsMaterials);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="submitted">
      <Result
        className="no-print"
        status={needsSupplement ? 'warning' : 'success'}
        title={needsSupplement ? t('submittedNeedsSupplement') : t('submitted')}
        subTitle={t('submittedStep', { step: kase.stepTitle })}
        extra={
          <LinkButton to={`/portal/cases/${kase.id}`} type="primary" data-testid="open-submitted-case">
            {t('openCase')}
          </LinkButton>
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('caseNumber')}>
          <span data-testid="case-number">{kase.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('verificationCode')}>
          <span data-testid="verification-code">{kase.verificationCode ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('item')}>{kase.item.title}</Descriptions.Item>
      </Descriptions>
      {kase.warnings.length > 0 && (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          title={t('submittedWarnings')}
          description={kase.warnings.map((w) => <div key={`${w.path} ${w.code}`}>{w.message}</div>)}
          data-testid="submitted-warnings"
        />
      )}
      {printable.length === 0 && <Alert type="info" showIcon title={t('noNoticeYet')} />}
      {printable.map((notice) => (
        <NoticeView key={notice.noticeId} notice={notice} />
      ))}
    </Space>
  );
}
