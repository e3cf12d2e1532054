import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitationAnswer, MessageDetail } from '../../common/contract';
import { routeUrl } from '../../common/contract/route';
import { invitationRoutes } from '../../common/routes/invitations';
import { callApi } from './http';
import { messageKeys } from './keys';

/** "Thêm vào lịch": the proxy serves the message's event as an .ics file. */
export const invitationFileUrl = (mailbox: string, uid: number) =>
  routeUrl(invitationRoutes.calendarFile, { mailbox, uid });

/**
 * Answers an invitation: one idempotency key per answer, so a retried request never sends twice.
 * The message's cached card then shows the answer (the proxy remembers it on the message).
 */
export function useAnswerInvitation(mailbox: string, uid: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: InvitationAnswer) =>
      callApi(invitationRoutes.reply, {
        params: { mailbox, uid },
        body: { composeId: crypto.randomUUID(), answer },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData<MessageDetail>(messageKeys.detail(mailbox, uid), (message) =>
        message?.invitation
          ? { ...message, invitation: { ...message.invitation, answer: result.answer } }
          : message,
      );
    },
  });
}
