import type { PollState } from '../core/scheduler';
import type { TrayView } from '../core/presenter';
import type { SpikeEvent } from '../core/spike-detector';
import type { OutputFormat } from './args';

export interface Snapshot {
  readonly view: TrayView;
  readonly poll: PollState;
  readonly label: string;
  /** The DataFast website ID, when known, for dashboard links. */
  readonly dashboardUrl: string | null;
}

function waybarClass(view: TrayView): 'ok' | 'stale' | 'error' {
  if (view.status === 'error' || view.status === 'empty') return 'error';
  return view.status === 'stale' ? 'stale' : 'ok';
}

/** One update rendered for the chosen output. xbar's is several lines; the others one. */
export function renderSnapshot(format: OutputFormat, snapshot: Snapshot): string {
  const { view, poll } = snapshot;
  switch (format) {
    case 'text':
      return view.title;
    case 'json':
      return JSON.stringify({
        type: 'reading',
        website: snapshot.label,
        visitors: poll.visitors,
        fetchedAt: poll.fetchedAt === null ? null : new Date(poll.fetchedAt).toISOString(),
        stale: poll.stale,
        error: poll.error ? { kind: poll.error.kind, message: poll.error.message } : null,
      });
    case 'waybar':
      return JSON.stringify({ text: view.title, tooltip: view.tooltip, class: waybarClass(view) });
    case 'xbar': {
      const lines = [view.title, '---', view.headline, view.detail];
      if (snapshot.dashboardUrl) lines.push(`Open dashboard | href=${snapshot.dashboardUrl}`);
      return lines.join('\n');
    }
  }
}

export function renderSpike(format: OutputFormat, spike: SpikeEvent, label: string): string | null {
  if (format !== 'json') return null;
  return JSON.stringify({
    type: 'spike',
    website: label,
    visitors: spike.visitors,
    baseline: spike.baseline,
    reason: spike.reason,
    at: new Date(spike.at).toISOString(),
  });
}
