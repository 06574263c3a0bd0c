import type { HistoryPoint } from '../shared/view-model';

const SVG = 'http://www.w3.org/2000/svg';

/** A line chart of visitors over [from, to], drawn as SVG so it scales with the window. */
export function lineChart(points: readonly HistoryPoint[], from: number, to: number, label: string): Element {
  if (points.length < 2) {
    const empty = document.createElement('p');
    empty.className = 'chart-empty';
    empty.textContent = 'Not enough readings yet: the chart fills in as visitors are read.';
    return empty;
  }
  const width = 600;
  const height = 120;
  const peak = Math.max(1, ...points.map((point) => point.visitors));
  const x = (at: number): number => ((at - from) / Math.max(1, to - from)) * width;
  const y = (visitors: number): number => height - 4 - (visitors / peak) * (height - 12);
  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.at).toFixed(1)},${y(point.visitors).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${label}: peak ${peak}, latest ${last?.visitors ?? 0} visitors`);
  const area = document.createElementNS(SVG, 'path');
  area.setAttribute('class', 'area');
  area.setAttribute('d', `${path} L${x(last?.at ?? to).toFixed(1)},${height} L${x(first?.at ?? from).toFixed(1)},${height} Z`);
  const line = document.createElementNS(SVG, 'path');
  line.setAttribute('class', 'line');
  line.setAttribute('d', path);
  svg.append(area, line);
  return svg;
}
