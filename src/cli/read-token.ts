import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The token for `add`: piped in (`printf %s "$TOKEN" | datafast-menubar add`) or typed at a
 * prompt that does not echo it, so it lands in neither the shell history nor the screen.
 */
export async function readTokenFromStdin(stdin: NodeJS.ReadStream, prompt: (text: string) => void): Promise<string> {
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  prompt('Paste your DataFast token (df_… or dft_…), then press Enter: ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: stdin, output: silent, terminal: true });
  try {
    // Ctrl-D (end of input) closes the prompt without a line: that is "no token", said as such.
    return await new Promise<string>((resolve) => {
      reader.once('line', resolve);
      reader.once('close', () => resolve(''));
    });
  } finally {
    reader.close();
    prompt('\n');
  }
}
