import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTokenFromStdin } from '../../src/cli/read-token';

function input(tty: boolean): PassThrough & NodeJS.ReadStream {
  const stream = new PassThrough() as PassThrough & NodeJS.ReadStream;
  stream.isTTY = tty;
  return stream;
}

describe('reading the token for add', () => {
  it('takes a piped token whole, in however many pieces it arrives, without a prompt', async () => {
    const stdin = input(false);
    const prompts: string[] = [];
    const read = readTokenFromStdin(stdin, (text) => prompts.push(text));
    stdin.write('df_test_shop_');
    stdin.end('0000000000001234\n');
    await expect(read).resolves.toBe('df_test_shop_0000000000001234\n');
    expect(prompts).toEqual([]);
  });

  it('asks at a terminal and never echoes what is typed', async () => {
    const stdin = input(true);
    const prompts: string[] = [];
    const read = readTokenFromStdin(stdin, (text) => prompts.push(text));
    stdin.write('dft_test_account_000000001\n');
    await expect(read).resolves.toBe('dft_test_account_000000001');
    expect(prompts).toEqual(['Paste your DataFast token (df_… or dft_…), then press Enter: ', '\n']);
    expect(prompts.join('')).not.toContain('dft_test');
  });

  it('reads no token when the terminal input ends before a line', async () => {
    const stdin = input(true);
    const read = readTokenFromStdin(stdin, () => undefined);
    stdin.end();
    await expect(read).resolves.toBe('');
  });
});
