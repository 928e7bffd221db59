/** The notices a case has sent its applicant (receipt, one-time notice, result …), each to view and print. */
import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../api/portal';
import { NoticeView } from './NoticeView';
import { formatDateTime } from '../../components/time';
import { printableNotices } from './SubmittedResult';

export function CaseNotices({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation('portal');
  const printable = printableNotices(notices);
  if (printable.length === 0) return <Typography.Text type="secondary">{t('noNotices')}</Typography.Text>;
  return (
    <Collapse
      data-testid="case-notices"
      items={printable.map((notice) => ({
        key: notice.noticeId,
        label: (
          <span data-testid="notice-title">
            {notice.subject}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatDateTime(notice.createdAt)}
            </Typography.Text>
          </span>
        ),
        children: <NoticeView notice={notice} isTitleShown={false} />,
      }))}
    />
  );
}
