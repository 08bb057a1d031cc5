import { randomBytes } from "node:crypto";
import type { Auth } from "./config";
import type { UserRole } from "./roles";

export interface NewAccount {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

/** Creates a user with an email-and-password account (server side: no session needed). */
export async function createAccount(auth: Auth, account: NewAccount) {
  const { user } = await auth.api.createUser({
    body: { email: account.email, name: account.name, password: account.password, role: account.role },
  });
  return user;
}

/** A password to print once: 18 random bytes, base64url (24 characters). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * The demo corpus's accounts (README "Demo accounts"). Created only together
 * with the demo corpus, never in a database holding real data.
 */
export const DEMO_PASSWORD = "demo-password";
export const DEMO_ACCOUNTS: readonly Omit<NewAccount, "password">[] = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin" },
  { email: "lead@demo.test", name: "Lee Lead", role: "lead" },
  { email: "annotator1@demo.test", name: "Ann Annotator", role: "annotator" },
  { email: "annotator2@demo.test", name: "Bo Annotator", role: "annotator" },
];

/** Creates the demo accounts that do not exist yet; returns the emails it created. */
export async function ensureDemoAccounts(auth: Auth): Promise<string[]> {
  const created: string[] = [];
  const context = await auth.$context;
  for (const account of DEMO_ACCOUNTS) {
    if (await context.internalAdapter.findUserByEmail(account.email)) continue;
    await createAccount(auth, { ...account, password: DEMO_PASSWORD });
    created.push(account.email);
  }
  return created;
}
