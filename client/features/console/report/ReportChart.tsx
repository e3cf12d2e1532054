import { useTranslation } from 'react-i18next';
import type { ReportUnitRow } from '../../../../common/contract';

/** The series of the chart, coloured as in the PDF (proxy/console/report/report-pdf.ts). */
export const SERIES = [
  { key: 'inUse', colour: '#2563eb' },
  { key: 'created', colour: '#16a34a' },
  { key: 'suspended', colour: '#d97706' },
  { key: 'revoked', colour: '#dc2626' },
] as const;

const WIDTH = 720;
const LABEL = 210;
const BAR = 8;
const GAP = 2;
const GROUP_GAP = 12;
const TOP = 22;
const GROUP = SERIES.length * (BAR + GAP) + GROUP_GAP;
const PLOT = WIDTH - LABEL - 50;

/** 1, 2, 2.5 or 5 times a power of ten, whole, for about five ticks. */
function tickStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw && Number.isInteger(s)) ?? 10 * power;
}

const shorten = (text: string, max = 32) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Horizontal grouped bars per unit: in use, created, suspended, revoked. For screen readers the
 * picture is one image with a summary; the numbers are in the table (`tableId`).
 */
export function ReportChart({
  units,
  unitName,
  tableId,
}: {
  units: ReportUnitRow[];
  unitName: (u: ReportUnitRow) => string;
  tableId: string;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...units.flatMap((u) => SERIES.map((s) => u[s.key])));
  const step = tickStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const x = (n: number) => LABEL + (n / axisMax) * PLOT;
  const height = TOP + units.length * GROUP + 4;
  const ticks = Array.from({ length: axisMax / step + 1 }, (_, i) => i * step);
  const summary = t('console.report.chart.label', { count: units.length });

  return (
    <figure className="report-chart">
      <figcaption>
        <strong>{t('console.report.chart.title')}</strong>
        <ul className="report-legend" aria-hidden="true">
          {SERIES.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.colour }} />
              {t(`console.report.columns.${s.key}`)}
            </li>
          ))}
        </ul>
      </figcaption>
      <div className="report-chart-scroll">
        <svg
          role="img"
          aria-label={summary}
          aria-describedby={tableId}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          style={{ maxWidth: WIDTH }}
        >
          {ticks.map((v) => (
            <g key={v}>
              <line
                x1={x(v)}
                x2={x(v)}
                y1={TOP - 4}
                y2={height}
                stroke={v === 0 ? '#111' : '#ccc'}
                strokeWidth={v === 0 ? 1 : 0.5}
              />
              <text x={x(v)} y={12} textAnchor="middle" fontSize="10" fill="#555">
                {v}
              </text>
            </g>
          ))}
          {units.map((u, i) => {
            const y = TOP + i * GROUP;
            const name = unitName(u);
            return (
              <g key={u.code} data-testid="report-chart-group">
                <title>{name}</title>
                <text
                  x={LABEL - 6}
                  y={y + (GROUP - GROUP_GAP) / 2 + 4}
                  textAnchor="end"
                  fontSize="11"
                  fill="#111"
                >
                  {shorten(name)}
                </text>
                {SERIES.map((s, j) => {
                  const value = u[s.key];
                  const by = y + j * (BAR + GAP);
                  return (
                    <g key={s.key}>
                      <rect x={LABEL} y={by} width={x(value) - LABEL} height={BAR} fill={s.colour} />
                      <text x={x(value) + 3} y={by + BAR - 1} fontSize="8" fill="#333">
                        {value}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
