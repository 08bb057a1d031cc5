import "server-only";
import { db } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";

/** What the sign-in page says besides the form: first run (no account at all), or the demo accounts when they exist. */
export async function getSignInHints(): Promise<{ firstRun: boolean; demo: { email: string; role: string }[]; demoPassword: string }> {
  const [users, demo] = await Promise.all([
    db().user.count(),
    db().user.findMany({
      where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) }, OR: [{ banned: false }, { banned: null }] },
      select: { email: true, role: true },
    }),
  ]);
  const order = DEMO_ACCOUNTS.map((account) => account.email);
  return { firstRun: users === 0, demo: demo.sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email)), demoPassword: DEMO_PASSWORD };
}
