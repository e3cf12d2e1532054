import { describe, expect, it } from 'vitest';
import { startBatch } from './batch-service';

const request = {
  unitCode: 'sttt',
  server: { host: 'mail.donvi-cu.vn', port: 993, security: 'tls', acceptSelfSigned: false },
  csv: Buffer.from('an,mk,an.nv@binhphuoc.gov.vn').toString('base64'),
};

describe('starting a unit migration', () => {
  it('answers a clear 503 code, before reading the CSV, when the master user is not configured', async () => {
    const ctx = {
      config: { apiClients: { masterUser: undefined, masterPasswordFile: undefined } },
    } as unknown as Parameters<typeof startBatch>[0];
    await expect(startBatch(ctx, request, { name: 'quantri', ip: '127.0.0.1' })).rejects.toMatchObject({
      code: 'migration_master_unavailable',
    });
  });
});
