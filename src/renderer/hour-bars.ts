import { formatCount } from '../shared/count-format';
import { scaleTop } from '../shared/chart-scale';
import { h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 100;
const HOURS = 24;

function bar(x: number, width: number, height: number, className: string): SVGRectElement {
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('class', className);
  rect.setAttribute('x', x.toFixed(1));
  rect.setAttribute('width', width.toFixed(1));
  rect.setAttribute('y', (HEIGHT - height).toFixed(1));
  rect.setAttribute('height', height.toFixed(1));
  return rect;
}

/**
 * Visitors hour by hour, today's bars over yesterday's (wider and paler, behind), so the two
 * days compare at a glance. Yesterday stops at this time of day, as the comparison does.
 */
export function hourBars(today: readonly number[], yesterday: readonly number[]): HTMLElement {
  const top = scaleTop(Math.max(1, ...today, ...yesterday));
  const slot = WIDTH / HOURS;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'plot bars');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  for (let hour = 0; hour < HOURS; hour++) {
    const before = yesterday[hour] ?? 0;
    const now = today[hour] ?? 0;
    if (before > 0) svg.append(bar(hour * slot + slot * 0.1, slot * 0.8, (before / top) * HEIGHT, 'bar-yesterday'));
    if (now > 0) svg.append(bar(hour * slot + slot * 0.25, slot * 0.5, (now / top) * HEIGHT, 'bar-today'));
  }
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  const summary = `Visitors by hour: ${formatCount(sum(today), 'full')} today so far, ${formatCount(sum(yesterday), 'full')} yesterday by this time`;
  return h(
    'figure',
    { class: 'chart', role: 'img', 'aria-label': summary },
    h('div', { class: 'chart-body' }, scaleAxis(top), h('div', { class: 'plot-area' }, svg), hourAxis()),
    h('figcaption', { class: 'legend muted' }, h('span', { class: 'key-today' }, 'Today'), ' ', h('span', { class: 'key-yesterday' }, 'Yesterday')),
  );
}

function scaleAxis(top: number): HTMLElement {
  const labels = [top, top / 2, 0].map((level) => {
    const tick = h('span', {}, formatCount(level, 'compact'));
    tick.style.top = `${(100 - (level / top) * 100).toFixed(2)}%`;
    return tick;
  });
  return h('div', { class: 'y-axis', 'aria-hidden': 'true' }, ...labels);
}

function hourAxis(): HTMLElement {
  const labels = [0, 6, 12, 18].map((hour) => {
    const tick = h('span', {}, `${String(hour).padStart(2, '0')}:00`);
    // Placed through the CSSOM: the page's CSP refuses style attributes.
    tick.style.left = `${((hour / HOURS) * 100).toFixed(2)}%`;
    if (hour === 0) tick.className = 'at-start';
    return tick;
  });
  return h('div', { class: 'x-axis', 'aria-hidden': 'true' }, ...labels);
}
