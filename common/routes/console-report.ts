import { ConsoleReport, ConsoleReportQuery } from '../contract/console-report';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 403);

/** Đ12.10, the six-monthly report: the page's JSON and its two documents (plain GET links). */
export const consoleReportRoutes = {
  report: route({
    method: 'GET',
    path: '/console/report',
    tags: ['console'],
    query: ConsoleReportQuery,
    responses: { 200: ConsoleReport, ...errors },
  }),
  xlsx: route({
    method: 'GET',
    path: '/console/report.xlsx',
    tags: ['console'],
    query: ConsoleReportQuery,
    responses: { 200: null, ...errors },
  }),
  pdf: route({
    method: 'GET',
    path: '/console/report.pdf',
    tags: ['console'],
    query: ConsoleReportQuery,
    responses: { 200: null, ...errors },
  }),
};
