import { FolderCreate, FolderRename, FolderResult, MailboxList } from '../contract/mailboxes';
import {
  DeleteRequest,
  EmptyRequest,
  EmptyResult,
  MoveRequest,
  MoveResult,
} from '../contract/message-actions';
import {
  AttachmentQuery,
  FlagsUpdate,
  MailboxParams,
  MessageDetail,
  MessagePage,
  MessagePageQuery,
  MessageParams,
  PartParams,
  RawQuery,
} from '../contract/messages';
import { errorAnswers, route } from '../contract/route';
import { SearchPage, SearchQuery } from '../contract/search';

const folderErrors = errorAnswers(400, 401, 404, 409, 503);

export const mailboxRoutes = {
  list: route({
    method: 'GET',
    path: '/mailboxes',
    tags: ['mailboxes'],
    responses: { 200: MailboxList, ...errorAnswers(401, 503) },
  }),
  create: route({
    method: 'POST',
    path: '/mailboxes',
    tags: ['mailboxes'],
    body: FolderCreate,
    responses: { 201: FolderResult, ...folderErrors },
  }),
  rename: route({
    method: 'POST',
    path: '/mailboxes/:mailbox/rename',
    tags: ['mailboxes'],
    params: MailboxParams,
    body: FolderRename,
    responses: { 200: FolderResult, ...folderErrors },
  }),
  remove: route({
    method: 'DELETE',
    path: '/mailboxes/:mailbox',
    tags: ['mailboxes'],
    params: MailboxParams,
    responses: { 200: FolderResult, ...folderErrors },
  }),
  /** "Dọn sạch Thùng rác": Trash and Junk only; the client asks for confirmation first. */
  empty: route({
    method: 'POST',
    path: '/mailboxes/:mailbox/empty',
    tags: ['mailboxes'],
    params: MailboxParams,
    body: EmptyRequest,
    responses: { 200: EmptyResult, ...folderErrors },
  }),
};

const readErrors = errorAnswers(401, 404, 503);
const actionErrors = errorAnswers(400, 401, 404, 409, 503);

export const messageRoutes = {
  list: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages',
    tags: ['messages'],
    params: MailboxParams,
    query: MessagePageQuery,
    responses: { 200: MessagePage, ...readErrors },
  }),
  get: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages/:uid',
    tags: ['messages'],
    params: MessageParams,
    responses: { 200: MessageDetail, ...readErrors },
  }),
  setFlags: route({
    method: 'POST',
    path: '/mailboxes/:mailbox/messages/flags',
    tags: ['messages'],
    params: MailboxParams,
    body: FlagsUpdate,
    responses: { 204: null, ...actionErrors },
  }),
  /** Move, archive (special: archive), junk / not junk (special: junk / inbox). */
  move: route({
    method: 'POST',
    path: '/mailboxes/:mailbox/messages/move',
    tags: ['messages'],
    params: MailboxParams,
    body: MoveRequest,
    responses: { 200: MoveResult, ...actionErrors },
  }),
  remove: route({
    method: 'POST',
    path: '/mailboxes/:mailbox/messages/delete',
    tags: ['messages'],
    params: MailboxParams,
    body: DeleteRequest,
    responses: { 200: MoveResult, ...actionErrors },
  }),
};

/**
 * Bytes of a message, streamed from IMAP: one attachment (download or preview), all of them as a
 * ZIP, or the raw source (download, or shown as plain text). Not JSON, so no answer schema.
 */
export const messageFileRoutes = {
  attachment: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages/:uid/attachments/:part',
    tags: ['messages'],
    params: PartParams,
    query: AttachmentQuery,
    responses: { 200: null },
  }),
  attachmentsZip: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages/:uid/attachments.zip',
    tags: ['messages'],
    params: MessageParams,
    responses: { 200: null },
  }),
  raw: route({
    method: 'GET',
    path: '/mailboxes/:mailbox/messages/:uid/raw',
    tags: ['messages'],
    params: MessageParams,
    query: RawQuery,
    responses: { 200: null },
  }),
};

export const searchRoutes = {
  search: route({
    method: 'GET',
    path: '/search',
    tags: ['messages'],
    query: SearchQuery,
    responses: { 200: SearchPage, ...errorAnswers(400, 401, 404, 503) },
  }),
};
