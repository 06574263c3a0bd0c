import { describe, expect, it } from 'vitest';
import { redactTokens } from '../../../src/core/datafast/redact';

describe('tokens in text from outside', () => {
  it('masks a token wherever it stands: alone, glued to a word, in a URL or JSON', () => {
    const key = 'df_test_shop_0000000000001234';
    const account = 'dft_test_account_00000000009999';
    expect(redactTokens(`Invalid key ${key}`)).toBe('Invalid key df_…1234');
    expect(redactTokens(`apikey${account}.`)).toBe('apikeydft_…9999.');
    expect(redactTokens(`https://x/?k=${key}&a=1`)).toBe('https://x/?k=df_…1234&a=1');
    expect(redactTokens(JSON.stringify({ token: key }))).toBe('{"token":"df_…1234"}');
  });

  it('leaves ordinary words alone and cuts long text short', () => {
    expect(redactTokens('see pdf_file and df_short')).toBe('see pdf_file and df_short');
    expect(redactTokens('x'.repeat(400), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
