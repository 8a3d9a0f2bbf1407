import type { Count } from './reportCounts';

const ROW = 28;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 240;

/** Horizontal bars as inline SVG, with the numbers as text too (screen readers get a list). */
export function BarChart({ title, counts, labelOf }: { title: string; counts: readonly Count[]; labelOf: (key: string) => string }) {
  const max = counts.reduce((m, c) => Math.max(m, c.count), 0);
  const height = counts.length * ROW;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 40} ${height}`} aria-hidden="true" focusable="false">
        {counts.map((c, index) => {
          const y = index * ROW;
          const width = max === 0 ? 0 : Math.max((c.count / max) * BAR_WIDTH, c.count > 0 ? 2 : 0);
          return (
            <g key={c.key}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2} dominantBaseline="middle" textAnchor="end" className="bar-label">
                {labelOf(c.key).slice(0, 28)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 5} width={width} height={ROW - 10} className="bar" />
              <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2} dominantBaseline="middle" className="bar-value">
                {c.count}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="visually-hidden">
        {counts.map((c) => (
          <li key={c.key}>
            {labelOf(c.key)}: {c.count}
          </li>
        ))}
      </ul>
    </figure>
  );
}
