/**
 * A notice as the server rendered it (receipt, one-time notice, result …): an HTML notice is a
 * whole A4 document with its own print styles, so it shows in a frame of its own — sandboxed,
 * no scripts — and prints from that frame; a text notice (SMS) shows as text.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../api/portal';

export function NoticeView({ notice, isTitleShown = true }: { notice: Notice; isTitleShown?: boolean }) {
  const { t } = useTranslation('portal');
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(600);
  const isHtml = notice.format === 'html';
  const fitHeight = () => {
    const body = frame.current?.contentDocument?.documentElement;
    if (body) setHeight(Math.max(body.scrollHeight + 16, 200));
  };
  return (
    <Card
      size="small"
      title={isTitleShown ? notice.subject : undefined}
      data-testid={`notice-${notice.templateId}`}
      extra={
        isHtml && (
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => frame.current?.contentWindow?.print()} data-testid="print-notice">
            {t('print')}
          </Button>
        )
      }
    >
      {isHtml ? (
        <iframe
          ref={frame}
          className="notice-frame"
          title={notice.subject}
          // Same origin so the page can size and print it; no scripts, so its HTML cannot act.
          sandbox="allow-same-origin allow-modals"
          srcDoc={notice.body}
          onLoad={fitHeight}
          style={{ height }}
          data-testid="notice-frame"
        />
      ) : (
        <Space orientation="vertical">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{notice.body}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('noticeChannels', { channels: notice.channels.join(', ') })}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
