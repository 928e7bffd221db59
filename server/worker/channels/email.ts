/** E-mail over SMTP with nodemailer; SMTP_URL configures the server (smtp://user:pass@host:port). */
import nodemailer from 'nodemailer';
import { ChannelError, type DeliveryChannel } from './channel.js';

export function emailChannel(options: { smtpUrl: string; from: string }): DeliveryChannel {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  return {
    name: 'email',
    async deliver(notice) {
      if (!transport) throw new ChannelError('E-mail is not configured (set SMTP_URL).', true);
      if (!notice.recipientAddress) throw new ChannelError('The recipient has no e-mail address.', true);
      const content = notice.format === 'html' ? { html: notice.body } : { text: notice.body };
      try {
        await transport.sendMail({ from: options.from, to: notice.recipientAddress, subject: notice.subject || '通知', ...content });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode ?? 0;
        // 5xx from the server means the message or recipient is refused: retrying cannot help.
        throw new ChannelError(`SMTP: ${(error as Error).message}`, code >= 500 && code < 600);
      }
    },
  };
}
