import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingsRoutes as settings } from '../../common/routes/account';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { readUserSettings, updateUserSettings } from '../settings/user-settings';

/** The signed-in user's preferences; PUT changes only the fields it names. */
export function settingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(settings.get),
      handler: async (req) => readUserSettings(ctx.settings, req.session!.email),
    });

    app.route({
      ...fromTable(settings.update),
      handler: async (req) => updateUserSettings(ctx.settings, req.session!.email, req.body),
    });
  };
}
