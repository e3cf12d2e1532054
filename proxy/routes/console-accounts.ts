import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountDetail,
  AccountList,
  AccountListQuery,
  AddressProposal,
  ApiErrorBody,
  CreateAccountRequest,
  CreatedAccount,
  ProfileUpdate,
  ProposeRequest,
  QuotaResult,
  QuotaUpdate,
  RoleUpdate,
  TemporaryPassword,
} from '../../common/contract';
import type { AccountRecord } from '../accounts/account-store';
import type { AppContext } from '../app-context';
import { resetAccountPassword, setQuota, setRole, updateProfile } from '../console/accounts/account-admin';
import { detailOf, findAccount, listAccounts } from '../console/accounts/account-views';
import { createAccount, proposeFor } from '../console/accounts/create-account';
import { actorOf, assertUnitVisible, requireConsole } from '../console/console-guard';
import { ApiError } from '../errors';

const EmailParams = z.object({ email: z.string().trim().toLowerCase().min(3).max(254) });
const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  502: ApiErrorBody,
};

/**
 * The console's accounts: everyone at the console reads (a unit manager only their unit's);
 * only admins create and change (R-5.1: units request, the Sở acts).
 */
export function consoleAccountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const read = requireConsole(ctx, 'read');
    const write = requireConsole(ctx, 'write');

    /** The account, or 404 — also for one outside a unit manager's scope. */
    async function account(req: FastifyRequest, email: string): Promise<AccountRecord> {
      const record = await findAccount(ctx, email);
      if (!record) throw new ApiError('account_not_found');
      if (req.consoleUser?.units) {
        try {
          assertUnitVisible(req, record.unitCode);
        } catch {
          throw new ApiError('account_not_found');
        }
      }
      return record;
    }

    app.get(
      '/console/accounts',
      {
        preHandler: read,
        schema: {
          tags: ['console'],
          querystring: AccountListQuery,
          response: { 200: AccountList, ...errors },
        },
      },
      async (req) => listAccounts(ctx, req.query, req.consoleUser!.units),
    );

    // The form asks as the admin types (GET), the import per row (POST with a body).
    const propose = async (input: z.output<typeof ProposeRequest>) => {
      const p = await proposeFor(ctx, input);
      return p.ok
        ? { ok: true, address: p.address, local: p.local, clash: p.clash, code: null }
        : { ok: false, address: null, local: null, clash: null, code: p.code };
    };
    app.get(
      '/console/accounts/propose',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          querystring: ProposeRequest,
          response: { 200: AddressProposal, ...errors },
        },
      },
      async (req) => propose(req.query),
    );
    app.post(
      '/console/accounts/propose',
      {
        preHandler: write,
        schema: { tags: ['console'], body: ProposeRequest, response: { 200: AddressProposal, ...errors } },
      },
      async (req) => propose(req.body),
    );

    app.post(
      '/console/accounts',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          body: CreateAccountRequest,
          response: { 200: CreatedAccount, ...errors },
        },
      },
      async (req) => {
        const created = await createAccount(ctx, req.body, actorOf(req));
        return { ...created, account: detailOf(ctx, created.account) };
      },
    );

    app.get(
      '/console/accounts/:email',
      {
        preHandler: read,
        schema: { tags: ['console'], params: EmailParams, response: { 200: AccountDetail, ...errors } },
      },
      async (req) => detailOf(ctx, await account(req, req.params.email)),
    );

    app.post(
      '/console/accounts/:email/profile',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: ProfileUpdate,
          response: { 200: AccountDetail, ...errors },
        },
      },
      async (req) => {
        const record = await account(req, req.params.email);
        return detailOf(ctx, updateProfile(ctx, record.email, req.body, actorOf(req)));
      },
    );

    app.post(
      '/console/accounts/:email/password-reset',
      {
        preHandler: write,
        schema: { tags: ['console'], params: EmailParams, response: { 200: TemporaryPassword, ...errors } },
      },
      async (req) => {
        const record = await account(req, req.params.email);
        return { temporaryPassword: await resetAccountPassword(ctx, record.email, actorOf(req)) };
      },
    );

    app.post(
      '/console/accounts/:email/quota',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: QuotaUpdate,
          response: { 200: QuotaResult, ...errors },
        },
      },
      async (req) => {
        const record = await account(req, req.params.email);
        return setQuota(ctx, record.email, req.body.quotaBytes, actorOf(req));
      },
    );

    app.post(
      '/console/accounts/:email/role',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: RoleUpdate,
          response: { 200: AccountDetail, ...errors },
        },
      },
      async (req) => {
        const record = await account(req, req.params.email);
        return detailOf(ctx, setRole(ctx, record, req.body.role, actorOf(req)));
      },
    );
  };
}
