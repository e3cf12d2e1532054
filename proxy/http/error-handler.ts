import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS } from '../../common/contract';
import { ApiError } from '../errors';
import { vietnameseMessage } from '../i18n/catalogue';
import { isStoreUnavailable } from '../store/store-errors';
import { isMalformedInput } from './client-input-errors';

/** Every error leaves as `{ error: { code, message, details } }`; internals never reach the user. */
export function errorHandler(err: FastifyError | ApiError, req: FastifyRequest, reply: FastifyReply) {
  let apiError: ApiError;
  if (err instanceof ApiError) {
    apiError = err;
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    apiError = new ApiError('validation_failed', {
      field: first?.instancePath?.replace(/^\//, '') ?? '',
    });
  } else if (err.statusCode && err.statusCode < 500 && err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    apiError = new ApiError('validation_failed');
  } else if (
    err.statusCode === 400 ||
    err.statusCode === 406 ||
    err.statusCode === 413 ||
    err.statusCode === 414 ||
    err.statusCode === 415 ||
    isMalformedInput(err)
  ) {
    apiError = new ApiError('validation_failed');
  } else if (isStoreUnavailable(err)) {
    apiError = new ApiError('store_unavailable', undefined, { cause: err });
  } else {
    req.log.error({ err }, 'unhandled error');
    apiError = new ApiError('internal_error');
  }
  const status = ERROR_STATUS[apiError.code];
  if (status >= 500 && apiError.code !== 'internal_error') {
    req.log.warn({ err: apiError.cause ?? apiError, code: apiError.code }, 'request failed');
  }
  const retryAfter = apiError.details?.retryAfterSeconds;
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.status(status).send({
    error: {
      code: apiError.code,
      message: vietnameseMessage(apiError.code, apiError.details),
      ...(apiError.details ? { details: apiError.details } : {}),
    },
  });
}
