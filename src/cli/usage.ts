import { REFRESH_SECONDS } from '../shared/setting-limits';

export const USAGE = `DataFast Menubar — live visitor count for status bars and terminals

Usage:
  datafast-menubar [options]            watch: one line per update until stopped
  datafast-menubar --once [options]     one reading, then exit
  datafast-menubar add [--website-id ID]... [--all] [--api-url URL]
                                        add website(s); the token is read from stdin
  datafast-menubar list [--format json] configured websites (* = active), tokens masked
  datafast-menubar remove NAME          remove a website (label, domain or id) and its token
  datafast-menubar restore [--api-url URL]
                                        bring back websites whose tokens are in the keychain

Options:
  --once                 Read once and exit (status codes below).
  --format FORMAT        text (default): the count as a menu bar shows it: 42, 1.2k,
                           ~42 when stale, ⚠ 42 when the last read failed
                         json: one JSON object per line: {"type":"reading", visitors,
                           fetchedAt, stale, error, ...}; spikes as {"type":"spike", ...}
                         waybar: {"text","tooltip","class","alt"} per line (ok|stale|error)
                         polybar: the count, coloured when stale or failing
                         i3blocks: full text, short text, colour (implies --once)
                         xbar: xbar/SwiftBar menu, every website listed (implies --once)
                         swiftbar: the same menu for a SwiftBar streamable plugin: keeps
                           running, each update after a ~~~ line
                         Bar formats (waybar, polybar, i3blocks, xbar, swiftbar) draw ⚠ and exit 0
                         when a read fails; the reason goes to stderr and the tooltip/menu.
  --interval SECONDS     Seconds between reads, ${REFRESH_SECONDS.min} to ${REFRESH_SECONDS.max} (default ${REFRESH_SECONDS.default}; ${REFRESH_SECONDS.min} with --demo).
  --website-id ID        With DATAFAST_API_KEY: the DataFast website ID; required with an
                           account token (dft_). With add: a website to add (repeatable).
  --website NAME         A configured website by label, domain or id (default: the active one).
  --all                  With add: every website the account token can see.
  --api-url URL          DataFast API address (default https://datafa.st).
  --demo                 Simulated visitors: no account, no token, no network.
  -h, --help             Show this help.
  -v, --version          Show the version.

Token:
  DATAFAST_API_KEY, if set: a website key (df_…) or an account token (dft_…).
  Otherwise the configured website's token from the OS keychain (see add).
  Tokens are never accepted as arguments: every user of the machine can read them there.

Environment:
  DATAFAST_MENUBAR_CONFIG_DIR         settings folder (default: the app's data folder)
  DATAFAST_MENUBAR_KEYCHAIN_SERVICE   keychain service name (default: DataFast Menubar)

Exit status (with --once, or when polling has to stop):
  0 success · 2 usage or configuration error · 3 token rejected (401/403)
  4 any other API or network failure · 5 keychain unavailable

Examples:
  DATAFAST_API_KEY=df_… datafast-menubar --once
  DATAFAST_API_KEY=dft_… datafast-menubar --website-id 665f0b3c4d2e1a0012345678 --format waybar
  datafast-menubar --demo --format json
  printf %s "$TOKEN" | datafast-menubar add --all
  datafast-menubar --website shop.example.com --format waybar

Status-bar recipes (waybar, polybar, i3blocks, tmux, xbar/SwiftBar): see README.`;
