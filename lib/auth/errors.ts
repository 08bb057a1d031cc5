/**
 * An error whose message is meant for the user ("that email is taken").
 * Anything else thrown inside an action is logged and shown generically.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
