import { z } from "zod";

/**
 * The one error contract of everything under app/api (and the codes the
 * action wrapper reports): `{"error": code, "message": text, "issues"?: [...]}`.
 * An `ExpectedError` carries a message meant for the user ("there is no
 * transcript 12"); anything else thrown is a bug: logged with the request id,
 * answered generically.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

export const apiErrorSchema = z.object({
  error: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
  /** 409 of an annotation: the version now stored (the panel offers to reload it). */
  currentVersion: z.number().int().optional(),
  /** 500: quote it when reporting the problem; the server log has the details under it. */
  requestId: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export class ExpectedError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "internal">,
    message: string,
    readonly details: { issues?: Issue[]; currentVersion?: number } = {},
  ) {
    super(message);
    this.name = "ExpectedError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Bad input: what is wrong and where. */
export const invalid = (message: string, issues?: Issue[]) => new ExpectedError("invalid_request", message, issues ? { issues } : {});
/** Missing, or not visible to this viewer: the two are never told apart. */
export const notFound = (message: string) => new ExpectedError("not_found", message);
export const forbidden = (message: string) => new ExpectedError("forbidden", message);
export const conflict = (message: string, currentVersion?: number) =>
  new ExpectedError("conflict", message, currentVersion === undefined ? {} : { currentVersion });

/** zod's issues as the contract's `issues`: a dotted path and a message each. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** Parses `input`, or throws a 400 naming each field that is wrong (`where`: "query", "body", "path"). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  throw invalid(`Invalid ${where}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`, issues);
}
