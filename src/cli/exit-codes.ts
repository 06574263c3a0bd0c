import type { FailureKind } from '../core/datafast/errors';

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_AUTH = 3;
export const EXIT_API = 4;
export const EXIT_KEYCHAIN = 5;

export function exitCodeFor(kind: FailureKind): number {
  switch (kind) {
    case 'bad-token-format':
    case 'missing-website-id':
    case 'missing-token':
    case 'wrong-origin':
      return EXIT_USAGE;
    case 'unauthorized':
    case 'forbidden':
      return EXIT_AUTH;
    default:
      return EXIT_API;
  }
}
