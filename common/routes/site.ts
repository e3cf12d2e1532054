import { PublicNotices } from '../contract/console-maintenance';
import { NewProblemReport, ProblemReportReceipt } from '../contract/console-problems';
import { PublicConfig } from '../contract/public-config';
import { errorAnswers, route } from '../contract/route';

/** What every page needs before (and after) log-in: the deployment's names and limits. */
export const publicConfigRoutes = {
  get: route({ method: 'GET', path: '/config', tags: ['config'], responses: { 200: PublicConfig } }),
};

/** Đ8.1c planned outages, told to everyone, logged in or not (no personal data in them). */
export const noticeRoutes = {
  list: route({ method: 'GET', path: '/notices', tags: ['notices'], responses: { 200: PublicNotices } }),
};

/** Đ13.7: a report from the webmail to the Sở's support queue. */
export const problemReportRoutes = {
  submit: route({
    method: 'POST',
    path: '/problem-reports',
    tags: ['problem-reports'],
    body: NewProblemReport,
    responses: { 200: ProblemReportReceipt, ...errorAnswers(400, 404, 429) },
  }),
};
