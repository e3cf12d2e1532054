import { errorAnswers, route } from '../contract/route';
import {
  MessageTemplate,
  TemplateInput,
  TemplateList,
  TemplateParams,
  TemplateRename,
} from '../contract/templates';

/** The signed-in user's message templates ("Mẫu thư"). */
export const templateRoutes = {
  list: route({
    method: 'GET',
    path: '/templates',
    tags: ['templates'],
    responses: { 200: TemplateList, ...errorAnswers(401) },
  }),
  create: route({
    method: 'POST',
    path: '/templates',
    tags: ['templates'],
    body: TemplateInput,
    responses: { 201: MessageTemplate, ...errorAnswers(400, 401, 409, 413) },
  }),
  rename: route({
    method: 'PATCH',
    path: '/templates/:id',
    tags: ['templates'],
    params: TemplateParams,
    body: TemplateRename,
    responses: { 200: MessageTemplate, ...errorAnswers(400, 401, 404, 409) },
  }),
  remove: route({
    method: 'DELETE',
    path: '/templates/:id',
    tags: ['templates'],
    params: TemplateParams,
    responses: { 204: null, ...errorAnswers(401, 404) },
  }),
};
