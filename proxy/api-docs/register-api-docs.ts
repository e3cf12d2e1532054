import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { openapiTransform } from './openapi-transform';

/**
 * The API's description, generated from the same zod schemas that validate requests and
 * answers: `GET /api/openapi.json` (OpenAPI 3.1) and a readable reference at `/api/docs`
 * (Swagger UI, served from the package's own files: no CDN, so it works on a closed network).
 * Registered before the routes, which it collects as they are added.
 */
export async function registerApiDocs(app: FastifyInstance, productName: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${productName} API`,
        version: '1',
        description:
          'Every operation of the webmail proxy. Sessions are cookies (`bp_session`); a write also needs the ' +
          '`x-csrf-token` header the session gives. The service API (`/api/service/v1`, tag `service`) is for ' +
          "other government software: an API client's bearer token (`Authorization: Bearer bpk_…`), no cookie " +
          'and no CSRF header. Errors answer `{ code, message, details? }` with a stable code.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bp_session' },
          apiClient: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API client token (bpk_…) from the console.',
          },
        },
      },
    },
    transform: openapiTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The page may not be framed, like the app itself.
    transformStaticCSP: (header) => `${header}; frame-ancestors 'none'`,
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: false, validatorUrl: null },
  });
}
