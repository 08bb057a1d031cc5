import { existsSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
const HELP = { help: { type: "boolean", short: "h" } } as const;
/** Declared with its type where it is used (`const usage: Usage = cli.usage`): TypeScript narrows after a never-returning call only then. */
export type Usage = (message: string) => never;
type Config<O extends Options> = { allowPositionals: true; options: O & typeof HELP };

/**
 * The command-line handling the import scripts share: the options parsed
 * (plus -h/--help, which prints the usage and exits 0), `usage(message)`,
 * which prints the problem above the usage and exits 2 (bad arguments, the
 * status every script documents), and `files()`, the positional files, each
 * of which must exist.
 */
export function commandLine<const O extends Options>(usageText: string, options: O) {
  const usage: Usage = (message) => {
    console.error(`${message}\n\n${usageText}`);
    process.exit(2);
  };
  let parsed: ReturnType<typeof parseArgs<Config<O>>>;
  try {
    parsed = parseArgs<Config<O>>({ allowPositionals: true, options: { ...options, ...HELP } });
  } catch (error) {
    // An unknown option or a missing value: node's message names it.
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if ((values as { help?: boolean }).help) {
    console.log(usageText);
    process.exit(0);
  }
  const files = ({ single = false } = {}): string[] => {
    if (!positionals.length) usage(single ? "Give exactly one file." : "No file given.");
    if (single && positionals.length !== 1) usage("Give exactly one file.");
    for (const file of positionals) if (!existsSync(file)) usage(`No such file: ${file}`);
    return positionals;
  };
  return { values, positionals, usage, files };
}
