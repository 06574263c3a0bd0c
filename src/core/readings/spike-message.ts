import { formatCount } from '../../shared/count-format';
import type { SpikeEvent } from './spike-detector';

export interface SpikeMessage {
  readonly title: string;
  readonly body: string;
}

/** "Traffic spike on example.com" / "128 visitors now (usually about 30)". */
export function spikeMessage(spike: SpikeEvent, websiteName: string, threshold: number | null, locale = 'en-US'): SpikeMessage {
  const now = `${formatCount(spike.visitors, 'full', locale)} ${spike.visitors === 1 ? 'visitor' : 'visitors'} now`;
  const context =
    spike.reason === 'threshold' && threshold !== null
      ? `your alert level is ${formatCount(threshold, 'full', locale)}`
      : spike.baseline !== null
        ? `usually about ${formatCount(Math.round(spike.baseline), 'full', locale)}`
        : null;
  return { title: `Traffic spike on ${websiteName}`, body: context ? `${now} (${context})` : now };
}
