import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noticeRoutes as notices } from '../../common/routes/site';
import type { AppContext } from '../app-context';
import { createNoticeStore } from '../console/maintenance/notice-store';
import { publicNotice } from '../console/maintenance/schedule-notice';
import { fromTable } from '../http/route';

/**
 * Đ8.1c planned outages, told to everyone, logged in or not: the log-in page shows the banner
 * too, and a notice holds no personal data.
 */
export function noticeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const store = createNoticeStore(ctx.store.db);
    app.route({
      ...fromTable(notices.list),
      handler: async () => ({ notices: (await store.visible(new Date())).map(publicNotice) }),
    });
  };
}
