import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificates {
  /** The test CA's certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caPath: string;
  /** A server certificate the CA signed for 127.0.0.1 and localhost, and its key, both PEM. */
  readonly cert: string;
  readonly key: string;
}

/**
 * A throwaway certificate authority and a loopback server certificate, made with openssl in
 * `directory` and valid for a day: https against 127.0.0.1 as a real client checks it, with no
 * certificate check turned off anywhere.
 */
export function testCertificates(directory: string): TestCertificates {
  const file = (name: string): string => join(directory, name);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ecKey, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '1', '-subj', '/CN=DataFast Menubar test CA');
  openssl('req', ...ecKey, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.pem'),
    '-days',
    '1',
    '-extfile',
    file('server.ext'),
  );
  return { caPath: file('ca.pem'), cert: readFileSync(file('server.pem'), 'utf8'), key: readFileSync(file('server.key'), 'utf8') };
}
