import { BlockList, isIP } from 'node:net';

type Environment = Readonly<Record<string, string | undefined>>;

/** A variable as curl reads it: the lower-case name first, then the upper-case one. */
function variable(env: Environment, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value?.trim() || undefined;
}

/**
 * The proxy a request to `url` goes through, from the environment as curl reads it
 * (`https_proxy` / `HTTPS_PROXY` for https, `http_proxy` / `HTTP_PROXY` for http, both cut short
 * by `no_proxy` / `NO_PROXY`), or null to connect directly. A proxy given without a scheme is
 * an http one, as curl takes it.
 */
export function proxyFor(url: URL, env: Environment): URL | null {
  const configured = variable(env, url.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
  if (!configured || bypassesProxy(url, variable(env, 'no_proxy') ?? '')) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(configured) ? configured : `http://${configured}`);
  } catch {
    throw new Error(`the proxy address ${configured} is not a URL; set HTTPS_PROXY to one such as http://proxy.example.com:3128`);
  }
}

/**
 * Whether `no_proxy` names this host, as curl matches it: `*` for every host; a name for itself
 * and every name below it (`example.com` and `.example.com` both cover `api.example.com`); an IP
 * address exactly, or a range in CIDR form; any of these with `:port` for that port alone.
 */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitPort(entry);
    if (entryPort !== null && entryPort !== port) continue;
    if (matchesHost(host, name)) return true;
  }
  return false;
}

function splitPort(entry: string): { name: string; entryPort: string | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1] ?? '', entryPort: bracketed[2] ?? null };
  // An IPv6 address has several colons and no port unless bracketed.
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  return withPort ? { name: withPort[1] ?? '', entryPort: withPort[2] ?? null } : { name: entry, entryPort: null };
}

function matchesHost(host: string, name: string): boolean {
  const slash = name.indexOf('/');
  if (slash !== -1) {
    const network = name.slice(0, slash);
    const prefix = Number(name.slice(slash + 1));
    const family = isIP(network);
    if (family === 0 || isIP(host) !== family || !Number.isInteger(prefix)) return false;
    const range = new BlockList();
    try {
      range.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
    } catch {
      return false;
    }
    return range.check(host, family === 4 ? 'ipv4' : 'ipv6');
  }
  if (isIP(name) !== 0) return host === name;
  const domain = name.replace(/^\*?\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}
