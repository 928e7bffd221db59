/**
 * Notices at the desk: the case's list (documents first), and one notice in a dialog, shown and
 * printed as the portal shows it (its own A4 frame, see portal/NoticeView).
 */
import { Button, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../api/desk';
import { NoticeView } from '../portal/NoticeView';
import { formatDateTime } from '../../components/time';

export function NoticeModal({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation('desk');
  return (
    <Modal
      open={notice !== null}
      onCancel={onClose}
      title={notice?.subject}
      width={880}
      destroyOnHidden
      footer={
        <Button onClick={onClose} data-testid="close-notice">
          {t('close')}
        </Button>
      }
    >
      {notice && <NoticeView notice={notice} isTitleShown={false} />}
    </Modal>
  );
}

/** Documents first (receipt, one-time notice, result), then the other notices, newest first within each. */
const documentPurposes = ['receipt', 'oneTimeNotice', 'result'];

export function NoticeList({ notices, onOpen }: { notices: Notice[]; onOpen: (notice: Notice) => void }) {
  const { t } = useTranslation('desk');
  const printable = notices.filter((n) => n.purpose !== 'sms');
  const ordered = [...printable].sort((a, b) => {
    const rank = (n: Notice) => (documentPurposes.includes(n.purpose) ? 0 : 1);
    return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt);
  });
  if (ordered.length === 0) return <Typography.Text type="secondary">{t('noNotices')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="notice-list">
      {ordered.map((notice) => (
        <Space key={notice.noticeId} style={{ justifyContent: 'space-between', width: '100%' }} data-testid={`notice-row-${notice.templateId}`}>
          <Space size={4} wrap>
            {documentPurposes.includes(notice.purpose) && <Tag color="blue">{t(`purpose_${notice.purpose}`)}</Tag>}
            <Typography.Text>{notice.subject}</Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(notice.createdAt)}</Typography.Text>
          </Space>
          <Button size="small" onClick={() => onOpen(notice)}>
            {t('viewAndPrint')}
          </Button>
        </Space>
      ))}
    </Space>
  );
}
