import {
  AccountDetail,
  AccountEmailParams,
  AccountList,
  AccountListQuery,
  AddressProposal,
  CreateAccountRequest,
  CreatedAccount,
  ProfileUpdate,
  ProposeRequest,
  QuotaResult,
  QuotaUpdate,
  RoleUpdate,
  TemporaryPassword,
} from '../contract/console-accounts';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 403, 404, 409, 502);

/** The console's accounts: list, Đ4's address proposal, create, and one account's changes. */
export const consoleAccountRoutes = {
  list: route({
    method: 'GET',
    path: '/console/accounts',
    tags: ['console'],
    query: AccountListQuery,
    responses: { 200: AccountList, ...errors },
  }),
  /** The form asks as the admin types. */
  propose: route({
    method: 'GET',
    path: '/console/accounts/propose',
    tags: ['console'],
    query: ProposeRequest,
    responses: { 200: AddressProposal, ...errors },
  }),
  /** The same question with a body, as the import asks it per row. */
  proposeRow: route({
    method: 'POST',
    path: '/console/accounts/propose',
    tags: ['console'],
    body: ProposeRequest,
    responses: { 200: AddressProposal, ...errors },
  }),
  create: route({
    method: 'POST',
    path: '/console/accounts',
    tags: ['console'],
    body: CreateAccountRequest,
    responses: { 200: CreatedAccount, ...errors },
  }),
  detail: route({
    method: 'GET',
    path: '/console/accounts/:email',
    tags: ['console'],
    params: AccountEmailParams,
    responses: { 200: AccountDetail, ...errors },
  }),
  updateProfile: route({
    method: 'POST',
    path: '/console/accounts/:email/profile',
    tags: ['console'],
    params: AccountEmailParams,
    body: ProfileUpdate,
    responses: { 200: AccountDetail, ...errors },
  }),
  resetPassword: route({
    method: 'POST',
    path: '/console/accounts/:email/password-reset',
    tags: ['console'],
    params: AccountEmailParams,
    responses: { 200: TemporaryPassword, ...errors },
  }),
  setQuota: route({
    method: 'POST',
    path: '/console/accounts/:email/quota',
    tags: ['console'],
    params: AccountEmailParams,
    body: QuotaUpdate,
    responses: { 200: QuotaResult, ...errors },
  }),
  setRole: route({
    method: 'POST',
    path: '/console/accounts/:email/role',
    tags: ['console'],
    params: AccountEmailParams,
    body: RoleUpdate,
    responses: { 200: AccountDetail, ...errors },
  }),
};
