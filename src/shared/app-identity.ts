/** Names every process agrees on: the keychain service, the settings folder, the app id. */
export const PRODUCT_NAME = 'DataFast Menubar';
/** Also the Windows AppUserModelID, which notifications need to match the installed app. */
export const APP_ID = 'st.datafa.menubar';
export const KEYCHAIN_SERVICE = PRODUCT_NAME;
/** Prefix of every IPC channel, so ours never collide with a library's. */
export const IPC_PREFIX = 'datafast-menubar';
