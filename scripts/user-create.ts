import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { z } from "zod";
import { createAccount, generatePassword } from "@/lib/auth/accounts";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/config";
import { roleSchema } from "@/lib/auth/roles";
import { standaloneAuth } from "@/lib/auth/standalone";
import { openDatabase } from "@/lib/db/open-database";
import { ensureAuthSecret } from "./lib/auth-secret";
import { exitWithError } from "./lib/exit";

/**
 * `npm run user:create -- --email E --role admin [--name N] [--generate-password]`
 * Creates an account (the first admin, typically). The password is asked for
 * (hidden) on a terminal, or generated and printed once when left empty, when
 * --generate-password is given, or when there is no terminal.
 */
const usage =
  'Usage: npm run user:create -- --email you@example.org --role admin|lead|annotator [--name "Your Name"] [--generate-password]';
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "annotator" },
    name: { type: "string" },
    "generate-password": { type: "boolean", default: false },
  },
});
const email = z.email().safeParse(values.email?.trim().toLowerCase());
const role = roleSchema.safeParse(values.role);
if (!email.success || !role.success) {
  console.error(!email.success ? `--email: "${values.email ?? ""}" is not an email address.` : `--role must be admin, lead or annotator.`);
  console.error(usage);
  process.exit(2);
}

let password =
  values["generate-password"] || !process.stdin.isTTY
    ? ""
    : await askHidden(`Password for ${email.data} (at least ${MIN_PASSWORD_LENGTH} characters; empty = generate one): `);
const generated = password === "";
if (generated) password = generatePassword();
if (password.length < MIN_PASSWORD_LENGTH) exitWithError(new Error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`));

const database = await openDatabase("dev", { shareRunning: true }).catch(exitWithError);
const { auth, close } = standaloneAuth(database.url, ensureAuthSecret());
try {
  const user = await createAccount(auth, {
    email: email.data,
    name: values.name?.trim() || email.data.split("@")[0],
    role: role.data,
    password,
  });
  console.log(`Created ${user.email} (${role.data}).`);
  if (generated) console.log(`Password (shown once, store it now): ${password}`);
} catch (error) {
  await close();
  await database.stop();
  console.error(`Could not create the user: ${(error as Error).message}`);
  process.exit(1);
}
await close();
await database.stop();

function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}
