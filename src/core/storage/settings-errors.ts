/** A settings file or change that cannot be used; apart from the repository, so telling it costs no schema. */
export class SettingsValidationError extends Error {
  override readonly name = 'SettingsValidationError';
}
