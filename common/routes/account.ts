import { QuotaInfo } from '../contract/quota';
import { errorAnswers, route } from '../contract/route';

export const quotaRoutes = {
  get: route({
    method: 'GET',
    path: '/quota',
    tags: ['account'],
    responses: { 200: QuotaInfo, ...errorAnswers(401, 503) },
  }),
};
