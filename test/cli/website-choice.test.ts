import { describe, expect, it } from 'vitest';
import { parseRunnerArgs, UsageError, type WatchOptions } from '../../src/cli/args';
import type { RunnerContext } from '../../src/cli/context';
import { chooseWebsite } from '../../src/cli/website-choice';

function options(...argv: string[]): WatchOptions {
  const command = parseRunnerArgs(argv);
  if (command.command !== 'watch') throw new Error('not a watch command');
  return command;
}
const io = (env: Record<string, string> = {}) => ({ stdout: () => undefined, stderr: () => undefined, env });
const noSettings = (): Promise<RunnerContext> => Promise.reject(new Error('the settings file was opened'));

describe('which website the runner watches', () => {
  it('is the demo with --demo, without the settings file or a token', async () => {
    const website = await chooseWebsite(options('--demo'), io({ DATAFAST_API_KEY: 'df_test_shop_0000000000001234' }), noSettings);
    expect(website).toMatchObject({ label: 'Demo website', demo: true, intervalMs: 10_000 });
  });

  it("is DATAFAST_API_KEY's website when it is set, without the settings file", async () => {
    const website = await chooseWebsite(options(), io({ DATAFAST_API_KEY: '  df_test_shop_0000000000001234\n' }), noSettings);
    expect(website).toMatchObject({ label: 'DataFast website', demo: false });
  });

  it('refuses --website beside DATAFAST_API_KEY, and --website-id without it, saying what to do', async () => {
    await expect(chooseWebsite(options('--website', 'Shop'), io({ DATAFAST_API_KEY: 'df_test_shop_0000000000001234' }), noSettings)).rejects.toThrow(
      /--website picks a configured website.*Unset DATAFAST_API_KEY to watch "Shop"/,
    );
    await expect(chooseWebsite(options('--website-id', 'site_shop'), io(), noSettings)).rejects.toBeInstanceOf(UsageError);
  });

  it('opens the settings file only for a configured website', async () => {
    await expect(chooseWebsite(options(), io(), noSettings)).rejects.toThrow('the settings file was opened');
  });
});
