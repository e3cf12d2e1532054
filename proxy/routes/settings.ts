import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBody, UserSettings } from '../../common/contract';
import type { AppContext } from '../app-context';
import { requireSession } from '../http/session-guard';
import { readUserSettings, updateUserSettings } from '../settings/user-settings';

/** GET / PUT /api/settings: the signed-in user's preferences; PUT changes only the fields it names. */
export function settingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.get(
      '/settings',
      { schema: { tags: ['settings'], response: { 200: UserSettings, 401: ApiErrorBody } } },
      async (req) => readUserSettings(ctx.settings, req.session!.email),
    );

    app.put(
      '/settings',
      {
        schema: {
          tags: ['settings'],
          body: UserSettings,
          response: { 200: UserSettings, 400: ApiErrorBody, 401: ApiErrorBody },
        },
      },
      async (req) => updateUserSettings(ctx.settings, req.session!.email, req.body),
    );
  };
}
