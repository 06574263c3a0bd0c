import type { Notification, NotificationConstructorOptions } from 'electron';
import type { NotificationRequest } from '../core/app/spike-notifier';

export type NotificationHandle = Pick<Notification, 'show' | 'on'>;

export interface NotificationServiceOptions {
  readonly isSupported: () => boolean;
  readonly create: (options: NotificationConstructorOptions) => NotificationHandle;
  readonly openUrl: (url: string) => void;
  /** When a notification cannot be shown, the tray shows the spike instead. */
  readonly fallback: (request: NotificationRequest) => void;
}

/**
 * Desktop notifications for spikes. Unsigned macOS builds emit `failed` instead of showing one,
 * and some Linux desktops have no notification server: both fall back to a tray highlight.
 */
export class NotificationService {
  readonly #options: NotificationServiceOptions;
  /** Electron drops notifications that are garbage-collected before they are clicked. */
  readonly #live = new Set<NotificationHandle>();

  constructor(options: NotificationServiceOptions) {
    this.#options = options;
  }

  show(request: NotificationRequest): void {
    if (!this.#options.isSupported()) {
      this.#options.fallback(request);
      return;
    }
    const notification = this.#options.create({ title: request.title, body: request.body, silent: false });
    this.#live.add(notification);
    notification.on('click', () => {
      this.#live.delete(notification);
      if (request.url) this.#options.openUrl(request.url);
    });
    notification.on('close', () => this.#live.delete(notification));
    notification.on('failed', () => {
      this.#live.delete(notification);
      this.#options.fallback(request);
    });
    notification.show();
  }

  get pending(): number {
    return this.#live.size;
  }
}
