/**
 * An error the user can fix, with what to do next. Services throw it; the CLI prints it and
 * exits 2. (Internal bugs are any other Error: printed with a request to report them.)
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details: { file?: string; line?: number; column?: number; hint?: string } = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}
