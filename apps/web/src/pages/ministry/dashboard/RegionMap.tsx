import { scaleQuantize } from 'd3-scale';
import { schemeBlues } from 'd3-scale-chromatic';
import { useTranslation } from 'react-i18next';
import { isRatio, type BreakdownRowData, type MapMetric } from './breakdown-metrics';
import { MAP_REGIONS, MAP_VIEW_BOX } from './map-regions';

const NO_DATA = '#d6d6d6';
const STEPS = 5;

/** Shares in fifths of 0–100 %; counts in whole-number steps up to the largest (fewer steps when it is small). */
function colourScale(values: number[], metric: MapMetric, formatValue: (value: number | null) => string) {
  const ratio = isRatio(metric);
  const top = ratio ? 1 : Math.max(0, ...values) + 1;
  const steps = ratio ? STEPS : Math.min(STEPS, top);
  const palette = steps >= 3 ? schemeBlues[steps] : schemeBlues[3].filter((_, i) => (steps === 1 ? i === 2 : i !== 1));
  const colour = scaleQuantize<string>().domain([0, top]).range(palette);
  const legend = colour.range().map((swatch) => {
    const [low, high] = colour.invertExtent(swatch);
    if (ratio) return { swatch, label: `${formatValue(low)} – ${formatValue(high)}` };
    const [first, last] = [Math.ceil(low), Math.ceil(high) - 1];
    return { swatch, label: first >= last ? formatValue(first) : `${formatValue(first)} – ${formatValue(last)}` };
  });
  return { colour, legend };
}

interface Props {
  rows: BreakdownRowData[];
  metric: MapMetric;
  selectedRegion: string;
  formatValue: (value: number | null) => string;
  onSelect: (regionCode: string) => void;
}

/**
 * Italy by region, coloured in five steps of the chosen metric. A picture for sighted readers: the
 * same figures are in the table next to it, which is also how keyboard users choose a region.
 */
export function RegionMap({ rows, metric, selectedRegion, formatValue, onSelect }: Props) {
  const { t } = useTranslation();
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const values = rows.map((row) => row[metric] ?? null).filter((value): value is number => value !== null);
  const { colour, legend } = colourScale(values, metric, formatValue);
  return (
    <figure className="region-map" data-testid="region-map">
      <svg viewBox={MAP_VIEW_BOX} role="img" aria-labelledby="region-map-title">
        <title id="region-map-title">{t('dashboard.map.imageTitle', { metric: t(`dashboard.metrics.${metric}`) })}</title>
        {MAP_REGIONS.map((region) => {
          const row = byCode.get(region.code);
          const value = row?.[metric] ?? null; // null: nothing to divide
          return (
            <path
              key={region.code}
              d={region.path}
              data-region={region.code}
              fill={value === null ? NO_DATA : colour(value)}
              stroke={region.code === selectedRegion ? '#1a1a1a' : '#ffffff'}
              strokeWidth={region.code === selectedRegion ? 3 : 1}
              onClick={() => onSelect(region.code)}
            >
              <title>{`${row?.name ?? region.code}: ${formatValue(value)}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <ul className="map-legend list-unstyled" aria-label={t('dashboard.map.legend')}>
          {legend.map((step) => (
            <li key={step.swatch}>
              <span className="swatch" style={{ background: step.swatch }} aria-hidden="true" />
              {step.label}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: NO_DATA }} aria-hidden="true" />
            {t('dashboard.map.noData')}
          </li>
        </ul>
        <p className="small text-secondary mb-0">{t('dashboard.map.credit')}</p>
      </figcaption>
    </figure>
  );
}
