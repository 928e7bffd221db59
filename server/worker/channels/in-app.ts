/** In-app delivery: the notice becomes a message in the recipient's inbox. */
import type { Services } from '../../services.js';
import { insertMessage } from '../../../storage/messages.js';
import { ChannelError, type DeliveryChannel } from './channel.js';

export function inAppChannel(services: Services): DeliveryChannel {
  return {
    name: 'inApp',
    async deliver(notice) {
      if (!notice.recipientUserId) throw new ChannelError('An in-app notice needs a recipient user.', true);
      // The message id is the outbox row id: a redelivery after a crash cannot duplicate it.
      await insertMessage(services.db.knex, {
        id: notice.id,
        userId: notice.recipientUserId,
        platformId: notice.platformId,
        caseId: notice.caseId,
        title: notice.subject,
        body: notice.body,
        createdAt: services.now().toISOString(),
      });
    },
  };
}
