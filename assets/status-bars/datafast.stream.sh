#!/bin/sh
# <xbar.title>DataFast live visitors (streaming)</xbar.title>
# <xbar.desc>Live visitor count of your DataFast website, from one DataFast Menubar runner that stays running.</xbar.desc>
# <xbar.dependencies>node,datafast-menubar</xbar.dependencies>
# <swiftbar.type>streamable</swiftbar.type>
# <swiftbar.hideRunInTerminal>true</swiftbar.hideRunInTerminal>
#
# SwiftBar only (xbar has no streaming plugins): one runner stays running and sends each reading
# as it arrives, instead of a new runner starting for every refresh. Copy into the plugin folder,
# then `chmod +x datafast.stream.sh`. Add your website first (the token goes to the keychain):
#   printf %s "$DATAFAST_TOKEN" | datafast-menubar add
#
# Plugins run with a minimal PATH; these are the folders Homebrew and npm use.
PATH="/opt/homebrew/bin:/usr/local/bin:$PATH"
export PATH

exec datafast-menubar --format swiftbar
