import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { reportUnexpectedErrors } from '../../../src/core/app/crash-guard';

describe('unexpected errors', () => {
  it('reports an unhandled rejection and an uncaught exception, tokens redacted', () => {
    const source = new EventEmitter();
    const reports: string[] = [];
    reportUnexpectedErrors(source, (message) => reports.push(message));
    source.emit('unhandledRejection', new Error('keychain said df_test_shop_0000000000001234'));
    source.emit('uncaughtException', 'plain text');
    expect(reports).toEqual(['unhandled promise rejection: keychain said df_…1234', 'uncaught exception: plain text']);
  });
});
