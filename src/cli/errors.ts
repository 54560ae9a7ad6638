/** An error the user can act on: printed as is (no stack trace), with a non-zero exit. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
