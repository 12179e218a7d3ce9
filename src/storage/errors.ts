/**
 * A problem with a file the user can fix: carries the file and, when known, line and column.
 * The CLI prints it as `file:line:column: message` with the hint, and exits 2.
 */
export class FileProblemError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly position: { line: number; column: number } | null = null,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'FileProblemError';
  }
}
