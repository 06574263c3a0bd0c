/** The value a JSON text holds, or undefined when it is not JSON: a reply or a file that cannot be read is a case to handle, not a throw. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
