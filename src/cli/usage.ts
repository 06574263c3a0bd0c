export const USAGE = `DataFast Menubar — live visitor count for status bars and terminals

Usage:
  datafast-menubar [options]            watch: one line per update until stopped
  datafast-menubar --once [options]     one reading, then exit

Options:
  --once                 Read once and exit (status codes below).
  --format FORMAT        text (default): the count as a menu bar shows it: 42, 1.2K,
                           ~42 when stale, ⚠ 42 when the last read failed
                         json: one JSON object per line: {"type":"reading", visitors,
                           fetchedAt, stale, error, ...}; spikes as {"type":"spike", ...}
                         waybar: {"text","tooltip","class"} per line (class ok|stale|error)
                         xbar: xbar/SwiftBar plugin output (implies --once)
  --interval SECONDS     Seconds between reads, 10 to 600 (default 30; 10 with --demo).
  --website-id ID        The DataFast website ID; required with an account token (dft_).
  --api-url URL          DataFast API address (default https://datafa.st).
  --demo                 Simulated visitors: no account, no token, no network.
  -h, --help             Show this help.

Token:
  Set DATAFAST_API_KEY to a website key (df_…) or an account token (dft_…).
  Tokens are never accepted as arguments: every user of the machine can read them there.

Exit status (with --once, or when polling has to stop):
  0 success · 2 usage or configuration error · 3 token rejected (401/403)
  4 any other API or network failure

Examples:
  DATAFAST_API_KEY=df_… datafast-menubar --once
  DATAFAST_API_KEY=dft_… datafast-menubar --website-id 665f0b3c4d2e1a0012345678 --format waybar
  datafast-menubar --demo --format json`;
