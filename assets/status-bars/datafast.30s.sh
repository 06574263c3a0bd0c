#!/bin/sh
# <xbar.title>DataFast live visitors</xbar.title>
# <xbar.desc>Live visitor count of your DataFast website, from DataFast Menubar's runner.</xbar.desc>
# <xbar.dependencies>node,datafast-menubar</xbar.dependencies>
# <swiftbar.hideRunInTerminal>true</swiftbar.hideRunInTerminal>
#
# xbar and SwiftBar: copy into the plugin folder, then `chmod +x datafast.30s.sh`. The ".30s" in
# the name is how often it refreshes. Add your website first (the token goes to the keychain):
#   printf %s "$DATAFAST_TOKEN" | datafast-menubar add
#
# Plugins run with a minimal PATH (/usr/bin:/bin:/usr/sbin:/sbin), where neither node nor
# datafast-menubar is found. These are the folders Homebrew and npm use; if `command -v node`
# and `command -v datafast-menubar` name another folder, put that one first.
PATH="/opt/homebrew/bin:/usr/local/bin:$PATH"
export PATH

# Add `--website NAME` (a label, domain or id from `datafast-menubar list`) to show another
# website than the active one. Every configured website is listed in the menu.
exec datafast-menubar --format xbar
