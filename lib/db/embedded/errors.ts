/**
 * A problem starting the embedded database that the person running the command
 * can fix (port taken, directory locked, ...). Scripts print only its message.
 */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}
