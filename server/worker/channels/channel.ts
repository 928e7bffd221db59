/**
 * A delivery channel: takes one outbox row and delivers it, or throws a ChannelError saying
 * whether a retry could help. Channels are registered by name; the outbox names them.
 */
import type { OutboxRecord } from '../../../storage/outbox.js';

export interface DeliveryChannel {
  name: OutboxRecord['channel'];
  deliver(notice: OutboxRecord): Promise<void>;
}

export class ChannelError extends Error {
  constructor(
    message: string,
    /** True when retrying cannot help (no address, channel not configured, rejected recipient). */
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
