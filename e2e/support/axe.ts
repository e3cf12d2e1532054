import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** WCAG 2.1 A and AA, the level Vietnamese public services aim at (and the EN 301 549 baseline). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page (injected from node_modules, so the page's CSP never sees a remote
 * script) and returns the serious and critical WCAG 2.1 A/AA violations, with a message listing
 * each rule, its impact and the elements, for an assertion to print.
 */
export async function seriousViolations(
  page: Page,
  options: { include?: string; exclude?: string[] } = {},
): Promise<{ violations: AxeViolation[]; message: string }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const all = await page.evaluate(
    async ({ tags, include, exclude }) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
      const context = { include: include ? [include] : [document], exclude: exclude.map((s) => [s]) };
      const result = (await axe.run(context, { runOnly: { type: 'tag', values: tags } })) as {
        violations: AxeViolation[];
      };
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    { tags: WCAG_TAGS, include: options.include, exclude: options.exclude ?? [] },
  );
  const violations = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const message = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join('\n'),
    )
    .join('\n');
  return { violations, message };
}
