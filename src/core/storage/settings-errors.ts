import { AppError } from '../datafast/errors';

/** A settings file or change that cannot be used; apart from the repository, so telling it costs no schema. */
export class SettingsValidationError extends AppError {
  override readonly name = 'SettingsValidationError';

  constructor(message: string) {
    super('settings', message);
  }
}
