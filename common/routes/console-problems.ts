import {
  ProblemReport,
  ProblemReportIdParams,
  ProblemReportList,
  ProblemReportQuery,
  ProblemReportUpdate,
} from '../contract/console-problems';
import { errorAnswers, route } from '../contract/route';

/** Đ13.7: the queue of users' reports, as the Sở's admins work through it. */
export const consoleProblemRoutes = {
  list: route({
    method: 'GET',
    path: '/console/problems',
    tags: ['console'],
    query: ProblemReportQuery,
    responses: { 200: ProblemReportList, ...errorAnswers(403) },
  }),
  get: route({
    method: 'GET',
    path: '/console/problems/:id',
    tags: ['console'],
    params: ProblemReportIdParams,
    responses: { 200: ProblemReport, ...errorAnswers(403, 404) },
  }),
  setStatus: route({
    method: 'POST',
    path: '/console/problems/:id/status',
    tags: ['console'],
    params: ProblemReportIdParams,
    body: ProblemReportUpdate,
    responses: { 200: ProblemReport, ...errorAnswers(400, 403, 404) },
  }),
};
