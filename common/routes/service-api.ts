import { ServiceSendBody, ServiceSendResult } from '../contract/api-clients';
import { DirectoryListing, DirectoryQuery } from '../contract/console-directory';
import {
  MailboxParams,
  MessageDetail,
  MessagePage,
  MessagePageQuery,
  MessageParams,
} from '../contract/messages';
import { errorAnswers, route } from '../contract/route';

/**
 * Đ14.2g: the service API for other government software, with a bearer token of an API client
 * (`Authorization: Bearer bpk_…`) instead of a session: no cookie, no CSRF header. Every call acts
 * as the client's unit mailbox and is audited with the client's name.
 */
const tags = ['service'] as const;
const common = errorAnswers(400, 401, 403, 423, 429, 503);

export const serviceApiRoutes = {
  send: route({
    method: 'POST',
    path: '/service/v1/messages',
    tags,
    body: ServiceSendBody,
    responses: { 200: ServiceSendResult, ...common, ...errorAnswers(413, 422, 502, 507) },
  }),
  list: route({
    method: 'GET',
    path: '/service/v1/mailboxes/:mailbox/messages',
    tags,
    params: MailboxParams,
    query: MessagePageQuery,
    responses: { 200: MessagePage, ...common, ...errorAnswers(404) },
  }),
  get: route({
    method: 'GET',
    path: '/service/v1/mailboxes/:mailbox/messages/:uid',
    tags,
    params: MessageParams,
    responses: { 200: MessageDetail, ...common, ...errorAnswers(404) },
  }),
  directory: route({
    method: 'GET',
    path: '/service/v1/directory',
    tags,
    query: DirectoryQuery,
    responses: { 200: DirectoryListing, ...common, ...errorAnswers(404) },
  }),
};
