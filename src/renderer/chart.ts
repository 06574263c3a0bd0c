import { formatCount } from '../shared/count-format';
import type { HistoryPoint } from '../shared/view-model';
import { h } from './dom';
import { MINUTE, scaleTop, timeTicks } from '../shared/chart-scale';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 120;
function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 120) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const clockTime = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * A line chart of visitors with a time axis and a scale, drawn over [from, to]; over the time
 * since the first reading instead, with a note, while there is less history than that. Labels
 * are HTML beside the SVG, so stretching the plot to the window never stretches the text.
 */
export function lineChart(points: readonly HistoryPoint[], from: number, to: number, label: string): HTMLElement {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) {
    return h('p', { class: 'chart-empty' }, 'Collecting: the chart starts with the second reading, a minute or so from now.');
  }
  // Less history than the chart spans (more missing than the spacing of its points allows):
  // show what there is, and say it is still filling in.
  const collecting = first.at - from > Math.max(5 * MINUTE, (to - from) / 20);
  const start = collecting ? first.at : from;
  const end = Math.max(to, last.at);
  const top = scaleTop(Math.max(...points.map((point) => point.visitors)));
  const x = (at: number): number => ((at - start) / Math.max(1, end - start)) * WIDTH;
  const y = (visitors: number): number => HEIGHT - (visitors / top) * HEIGHT;
  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.at).toFixed(1)},${y(point.visitors).toFixed(1)}`).join(' ');

  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'plot');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  for (const level of [top / 2, top]) {
    const grid = document.createElementNS(SVG, 'path');
    grid.setAttribute('class', 'grid');
    grid.setAttribute('d', `M0,${y(level).toFixed(1)} H${WIDTH}`);
    svg.append(grid);
  }
  const area = document.createElementNS(SVG, 'path');
  area.setAttribute('class', 'area');
  area.setAttribute('d', `${path} L${x(last.at).toFixed(1)},${HEIGHT} L${x(first.at).toFixed(1)},${HEIGHT} Z`);
  const line = document.createElementNS(SVG, 'path');
  line.setAttribute('class', 'line');
  line.setAttribute('d', path);
  svg.append(area, line);

  const percent = (value: number): string => `${value.toFixed(2)}%`;
  // Placed through the CSSOM: the page's CSP refuses style attributes.
  const placed = (text: string, side: 'top' | 'left', at: number): HTMLElement => {
    const tick = h('span', {}, text);
    tick.style[side] = percent(at);
    return tick;
  };
  const yAxis = h(
    'div',
    { class: 'y-axis', 'aria-hidden': 'true' },
    ...[top, top / 2, 0].map((level) => placed(formatCount(level, 'compact'), 'top', 100 - (level / top) * 100)),
  );
  const xAxis = h(
    'div',
    { class: 'x-axis', 'aria-hidden': 'true' },
    ...timeTicks(start, end).map((at) => {
      const where = (x(at) / WIDTH) * 100;
      const tick = placed(clockTime.format(at), 'left', where);
      // A label at either end is kept inside the chart rather than centred past its edge.
      if (where < 6) tick.className = 'at-start';
      if (where > 94) tick.className = 'at-end';
      return tick;
    }),
  );
  const peak = Math.max(...points.map((point) => point.visitors));
  const summary = `${label}: peak ${formatCount(peak, 'full')}, latest ${formatCount(last.visitors, 'full')} visitors${collecting ? `, ${minutesText(to - first.at)} of history so far` : ''}`;
  return h(
    'figure',
    { class: 'chart', role: 'img', 'aria-label': summary },
    collecting ? h('figcaption', { class: 'muted' }, `Collecting: ${minutesText(to - first.at)} so far`) : null,
    h('div', { class: 'chart-body' }, yAxis, h('div', { class: 'plot-area' }, svg), xAxis),
  );
}
