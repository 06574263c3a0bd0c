import { DataFastError } from '../../src/core/datafast/errors';

/** The DataFastError a promise rejects with; anything else (or no rejection) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<DataFastError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DataFastError)) throw new Error(`expected a DataFastError, got ${String(error)}`);
  return error;
}
