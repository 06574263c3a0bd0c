import { describe, expect, it } from 'vitest';
import { parseRunnerArgs, UsageError } from '../../src/cli/args';

const problem = (argv: string[]): string => {
  try {
    parseRunnerArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return 'accepted';
};

describe('runner arguments', () => {
  it('names an unknown option in its own words, without parseArgs talk of positionals', () => {
    expect(problem(['--colour'])).toBe('Unknown option "--colour". Run with --help for usage.');
    expect(problem(['-x'])).toBe('Unknown option "-x". Run with --help for usage.');
  });

  it('says whether an option needs a value or takes none', () => {
    expect(problem(['--format'])).toBe('"--format" needs a value. Run with --help for usage.');
    expect(problem(['--once=yes'])).toBe('"--once" takes no value. Run with --help for usage.');
  });

  it('tells how to give a value that starts with a dash, and takes it written with =', () => {
    expect(problem(['--website', '---'])).toBe(
      '"--website" is followed by something that looks like an option. For a value that starts with "-", write --website=VALUE. Run with --help for usage.',
    );
    expect(parseRunnerArgs(['--website=---'])).toMatchObject({ command: 'watch', website: '---' });
  });

  it('reads the one-shot bar formats as --once, and the streaming ones as watch', () => {
    expect(parseRunnerArgs(['--format', 'xbar'])).toMatchObject({ command: 'watch', once: true });
    expect(parseRunnerArgs(['--format', 'i3blocks'])).toMatchObject({ command: 'watch', once: true });
    expect(parseRunnerArgs(['--format', 'polybar'])).toMatchObject({ command: 'watch', once: false });
    expect(parseRunnerArgs(['--format', 'waybar'])).toMatchObject({ command: 'watch', once: false });
  });

  it('lists as text or JSON, and nothing else', () => {
    expect(parseRunnerArgs(['list', '--format', 'json'])).toEqual({ command: 'list', format: 'json' });
    expect(parseRunnerArgs(['list'])).toEqual({ command: 'list', format: 'text' });
    expect(problem(['list', '--format', 'xbar'])).toBe('list prints text or json, not "xbar".');
  });

  it('takes restore with an API address', () => {
    expect(parseRunnerArgs(['restore', '--api-url', 'http://127.0.0.1:8080'])).toEqual({ command: 'restore', apiUrl: 'http://127.0.0.1:8080' });
  });
});
