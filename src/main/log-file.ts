import { join } from 'node:path';
import log from 'electron-log/node';
import { redactTokens } from '../core/datafast/redact';
import type { LogSink } from '../core/app/app-log';

/** Big enough for days of trouble, small enough to attach to an email; the old half is kept as main.old.log. */
const MAX_LOG_BYTES = 1024 * 1024;

/**
 * The log file a person can send: `main.log` in the app's logs folder, written by electron-log's
 * Node logger (the main-process flavour would also open an IPC channel for renderers, which this
 * app's renderer must not have). Redacted twice: by AppLog, and here for anything logged directly.
 */
export function openLogFile(folder: string): LogSink {
  const logger = log.create({ logId: 'datafast-menubar' });
  logger.transports.file.resolvePathFn = () => join(folder, 'main.log');
  logger.transports.file.maxSize = MAX_LOG_BYTES;
  logger.transports.file.level = 'info';
  // stderr keeps what it had: errors and warnings, for someone running the app from a terminal.
  logger.transports.console.level = 'warn';
  logger.transports.console.format = 'DataFast Menubar: {text}';
  logger.hooks.push((message) => ({ ...message, data: message.data.map((part: unknown) => (typeof part === 'string' ? redactTokens(part) : part)) }));
  return {
    error: (line) => logger.error(line),
    warn: (line) => logger.warn(line),
    info: (line) => logger.info(line),
  };
}
