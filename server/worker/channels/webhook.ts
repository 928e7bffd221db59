/**
 * SMS and WeChat through webhook adapters: the notice is POSTed as JSON to a gateway the
 * platform runs (an SMS provider's or a WeChat template-message relay). A 2xx is delivered;
 * 4xx is refused for good; anything else is retried.
 */
import { ChannelError, type DeliveryChannel } from './channel.js';

export function webhookChannel(options: { name: 'sms' | 'wechat'; url: string; timeoutMs?: number }): DeliveryChannel {
  return {
    name: options.name,
    async deliver(notice) {
      if (!options.url) throw new ChannelError(`${options.name} is not configured (set ${options.name.toUpperCase()}_WEBHOOK_URL).`, true);
      if (!notice.recipientAddress) throw new ChannelError(`The recipient has no ${options.name === 'sms' ? 'mobile number' : 'WeChat id'}.`, true);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': notice.id },
          body: JSON.stringify({ id: notice.id, channel: options.name, to: notice.recipientAddress, text: notice.body, subject: notice.subject, caseId: notice.caseId }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new ChannelError(`${options.name} webhook: ${(error as Error).message}`, false);
      }
      if (response.ok) return;
      throw new ChannelError(`${options.name} webhook answered ${response.status}`, response.status >= 400 && response.status < 500);
    },
  };
}
