import path from "node:path";

/** The demo accounts (lib/auth/accounts.ts) by the role tests ask for. */
export const ACCOUNTS = {
  admin: { email: "admin@demo.test", name: "Ada Admin" },
  lead: { email: "lead@demo.test", name: "Lee Lead" },
  annotator: { email: "annotator1@demo.test", name: "Ann Annotator" },
  annotator2: { email: "annotator2@demo.test", name: "Bo Annotator" },
} as const;
export type AccountName = keyof typeof ACCOUNTS;
export const PASSWORD = "demo-password";

export const storageStateOf = (account: AccountName) => path.resolve(import.meta.dirname, ".auth", `${account}.json`);
