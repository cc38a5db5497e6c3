/** Small inline-SVG charts (no library): grouped bars and a horizontal meter. */

export interface Series {
  label: string;
  values: number[];
  color: string;
}

export function BarChart({ labels, series, title, height = 160 }: { labels: string[]; series: Series[]; title: string; height?: number }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupW = 100 / Math.max(1, labels.length);
  const barW = (groupW * 0.7) / Math.max(1, series.length);
  const plotH = height - 22;
  const summary = labels.map((l, i) => `${l}: ${series.map((s) => `${s.label} ${s.values[i] ?? 0}`).join(', ')}`).join('; ');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" role="img" aria-label={`${title}. ${summary}`} width="100%" height={height}>
        <line x1="0" x2="100" y1={plotH} y2={plotH} stroke="#8c959f" stroke-width="0.3" vector-effect="non-scaling-stroke" />
        {labels.map((_, i) =>
          series.map((s, j) => {
            const v = s.values[i] ?? 0;
            const h = (v / max) * (plotH - 14);
            const x = i * groupW + groupW * 0.15 + j * barW;
            return <rect key={`${i}-${j}`} x={x} y={plotH - h} width={barW * 0.92} height={h} fill={s.color} />;
          }),
        )}
      </svg>
      <div class="chart-labels" aria-hidden="true">
        {labels.map((l, i) => (
          <span key={l} style={{ width: `${groupW}%` }}>
            {l}
            <br />
            <small>{series.map((s) => s.values[i] ?? 0).join(' / ')}</small>
          </span>
        ))}
      </div>
      <figcaption>
        {title}:{' '}
        {series.map((s) => (
          <span key={s.label} class="legend">
            <i style={{ background: s.color }} /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  const color = share >= 1 ? '#b3261e' : share >= 0.75 ? '#9a6700' : '#1a7f37';
  return (
    <svg viewBox="0 0 100 10" width="120" height="12" role="img" aria-label={`${label}: ${value}/${max}`} preserveAspectRatio="none">
      <rect x="0" y="0" width="100" height="10" rx="2" fill="#eaeef2" />
      <rect x="0" y="0" width={share * 100} height="10" rx="2" fill={color} />
    </svg>
  );
}
