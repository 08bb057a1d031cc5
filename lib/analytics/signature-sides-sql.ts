import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The six side columns of a `units` row read from label_signatures `s` (see
 * variation-counts-sql.ts): per condition NULL when the side carries no
 * `compliance` label (or is not `included`), else whether it complied, complied
 * with `alignmentFaking` true, complied with an `alignmentFaking` label at all.
 * The names are SQL: parameters for one chart, columns when the stored counts
 * are built for every pair of names at once (label-rate-counts.ts).
 */
export function signatureSidesSql(choice: {
  compliance: Prisma.Sql;
  alignmentFaking: Prisma.Sql;
  trainingIn?: Prisma.Sql;
  deploymentIn?: Prisma.Sql;
}): Prisma.Sql {
  const { compliance, alignmentFaking: af } = choice;
  const side = (condition: "training" | "deployment", included: Prisma.Sql, also: Prisma.Sql = Prisma.empty) => {
    const present = Prisma.raw(`s.${condition}_present`);
    const truths = Prisma.raw(`s.${condition}_true`);
    return Prisma.sql`CASE WHEN ${included} AND ${compliance} = ANY(${present}) THEN ${compliance} = ANY(${truths})${also} END`;
  };
  const afTrue = (condition: string) => Prisma.sql` AND ${af} = ANY(${Prisma.raw(`s.${condition}_true`)})`;
  const afPresent = (condition: string) => Prisma.sql` AND ${af} = ANY(${Prisma.raw(`s.${condition}_present`)})`;
  const trainingIn = choice.trainingIn ?? Prisma.sql`TRUE`;
  const deploymentIn = choice.deploymentIn ?? Prisma.sql`TRUE`;
  return Prisma.sql`${side("training", trainingIn)} AS training,
             ${side("training", trainingIn, afTrue("training"))} AS training_af,
             ${side("training", trainingIn, afPresent("training"))} AS training_af_known,
             ${side("deployment", deploymentIn)} AS deployment,
             ${side("deployment", deploymentIn, afTrue("deployment"))} AS deployment_af,
             ${side("deployment", deploymentIn, afPresent("deployment"))} AS deployment_af_known`;
}
