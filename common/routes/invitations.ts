import { InvitationReplyRequest, InvitationReplyResult } from '../contract/invitation';
import { MessageParams } from '../contract/messages';
import { errorAnswers, route } from '../contract/route';

export const invitationRoutes = {
  /** "Chấp nhận" / "Từ chối" / "Có thể": an iTIP REPLY to the organiser, keyed like a send. */
  reply: route({
    method: 'POST',
    path: '/mailboxes/:mailbox/messages/:uid/invitation/reply',
    tags: ['messages'],
    idempotent: true,
    params: MessageParams,
    body: InvitationReplyRequest,
    responses: { 200: InvitationReplyResult, ...errorAnswers(400, 401, 403, 404, 409, 422, 502, 503) },
  }),
  /** "Thêm vào lịch": the event as an .ics file to import (bytes, so no answer schema). */
  calendarFile: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages/:uid/invitation.ics',
    tags: ['messages'],
    params: MessageParams,
    responses: { 200: null },
  }),
};
