import type { FastifyRequest } from 'fastify';
import type { DirectoryExportFormat } from '../../../common/contract';
import { vietnamDateOf } from '../../../common/policy/vietnam-date';
import { providerAccountsReconciled } from '../../accounts/provider-state-sync';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { assertUnitVisible, auditExport } from '../console-guard';
import { directoryCsv, directoryHtml, directoryXlsx } from './directory-export';
import { listDirectory } from './directory-listing';

type Ctx = Pick<AppContext, 'accounts' | 'units' | 'directory' | 'config' | 'passwordDriver' | 'audit'>;
type ExportCtx = Ctx & Pick<AppContext, 'audit'>;

/** The directory as the viewer may see it: all of it for admins, their units for a unit manager. */
export async function directoryFor(
  ctx: Ctx,
  req: FastifyRequest,
  query: { unit?: string | undefined; q?: string | undefined },
) {
  if (query.unit !== undefined) {
    if (!(await ctx.units.get(query.unit))) throw new ApiError('unit_not_found');
    assertUnitVisible(req, query.unit);
  }
  // A mailbox suspended at the provider since the last refresh is recorded before the listing.
  await providerAccountsReconciled(ctx);
  return listDirectory(
    {
      accounts: await ctx.accounts.list(),
      units: await ctx.units.list(),
      provider: await ctx.directory.entries(),
    },
    { visible: req.consoleUser?.units ?? null, unit: query.unit, q: query.q },
  );
}

const CONTENT_TYPES: Record<DirectoryExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/**
 * A unit's list to publish on its website (Đ12.5): that unit and the units below it, titled with
 * its official name; without a unit, the whole directory the viewer sees (a unit manager: their unit).
 * The download is audited (who took which list).
 */
export async function directoryExport(
  ctx: ExportCtx,
  req: FastifyRequest,
  format: DirectoryExportFormat,
  unitCode: string | undefined,
  now = new Date(),
): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
  const manager = req.consoleUser?.units ? req.consoleUser.unitCode : null;
  const unit = unitCode ?? manager ?? undefined;
  const listing = await directoryFor(ctx, req, { unit });
  const sheet = {
    heading: (unit && (await ctx.units.get(unit))?.name) || ctx.config.org.name,
    date: vietnamDateOf(now),
    rows: listing.groups.flatMap((g) => g.entries),
  };
  const body =
    format === 'csv'
      ? directoryCsv(sheet)
      : format === 'xlsx'
        ? await directoryXlsx(sheet)
        : directoryHtml(sheet);
  await auditExport(ctx, req, { report: `directory_${format}`, unit: unitCode ?? '*' });
  return { fileName: `danh-ba-${unit ?? 'tat-ca'}.${format}`, contentType: CONTENT_TYPES[format], body };
}
