import {
  AddressBook,
  AddressBookContact,
  AddressBookQuery,
  ContactGroup,
  ContactGroupInput,
  ContactImportPreview,
  ContactImportRequest,
  ContactImportResult,
  ContactInput,
  ContactParams,
} from '../contract/contacts';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 503);

const exportAs = <const F extends 'vcf' | 'csv'>(format: F) =>
  route({
    method: 'GET',
    path: `/address-book/export.${format}`,
    tags: ['contacts'],
    responses: { 200: null, ...errorAnswers(401, 503) },
  });

/**
 * The signed-in user's own address book ("Danh bạ"). Its paths are /address-book/…: /contacts
 * is compose's completion.
 */
export const contactsRoutes = {
  list: route({
    method: 'GET',
    path: '/address-book',
    tags: ['contacts'],
    query: AddressBookQuery,
    responses: { 200: AddressBook, ...errors },
  }),
  create: route({
    method: 'POST',
    path: '/address-book/contacts',
    tags: ['contacts'],
    body: ContactInput,
    responses: { 200: AddressBookContact, ...errorAnswers(409), ...errors },
  }),
  update: route({
    method: 'PUT',
    path: '/address-book/contacts/:id',
    tags: ['contacts'],
    params: ContactParams,
    body: ContactInput,
    responses: { 200: AddressBookContact, ...errorAnswers(404), ...errors },
  }),
  remove: route({
    method: 'DELETE',
    path: '/address-book/contacts/:id',
    tags: ['contacts'],
    params: ContactParams,
    responses: { 204: null, ...errorAnswers(404), ...errors },
  }),
  createGroup: route({
    method: 'POST',
    path: '/address-book/groups',
    tags: ['contacts'],
    body: ContactGroupInput,
    responses: { 200: ContactGroup, ...errorAnswers(409), ...errors },
  }),
  updateGroup: route({
    method: 'PUT',
    path: '/address-book/groups/:id',
    tags: ['contacts'],
    params: ContactParams,
    body: ContactGroupInput,
    responses: { 200: ContactGroup, ...errorAnswers(404, 409), ...errors },
  }),
  removeGroup: route({
    method: 'DELETE',
    path: '/address-book/groups/:id',
    tags: ['contacts'],
    params: ContactParams,
    responses: { 204: null, ...errorAnswers(404), ...errors },
  }),
  /** Reads the file and says what an import would do; changes nothing. */
  importPreview: route({
    method: 'POST',
    path: '/address-book/import/preview',
    tags: ['contacts'],
    body: ContactImportRequest,
    responses: { 200: ContactImportPreview, ...errorAnswers(413), ...errors },
  }),
  /** Reads the same file again and does what the preview said. */
  import: route({
    method: 'POST',
    path: '/address-book/import',
    tags: ['contacts'],
    body: ContactImportRequest,
    responses: { 200: ContactImportResult, ...errorAnswers(409, 413), ...errors },
  }),
  /** Plain GETs so that a link downloads with the cookie. */
  export: { vcf: exportAs('vcf'), csv: exportAs('csv') },
};
