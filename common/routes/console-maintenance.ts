import {
  MaintenanceEarliest,
  MaintenanceNotice,
  MaintenanceNoticeIdParams,
  MaintenanceNoticeList,
  NewMaintenanceNotice,
} from '../contract/console-maintenance';
import { errorAnswers, route } from '../contract/route';

/** Đ8.1c planned outages, as the console schedules and cancels them. */
export const consoleMaintenanceRoutes = {
  list: route({
    method: 'GET',
    path: '/console/maintenance',
    tags: ['console'],
    responses: { 200: MaintenanceNoticeList, ...errorAnswers(403) },
  }),
  earliest: route({
    method: 'GET',
    path: '/console/maintenance/earliest',
    tags: ['console'],
    responses: { 200: MaintenanceEarliest, ...errorAnswers(403) },
  }),
  create: route({
    method: 'POST',
    path: '/console/maintenance',
    tags: ['console'],
    body: NewMaintenanceNotice,
    responses: { 200: MaintenanceNotice, ...errorAnswers(400, 403) },
  }),
  cancel: route({
    method: 'POST',
    path: '/console/maintenance/:id/cancel',
    tags: ['console'],
    params: MaintenanceNoticeIdParams,
    responses: { 200: MaintenanceNotice, ...errorAnswers(403, 404) },
  }),
};
