import pg from "pg";
import { z } from "zod";
import { defineJobKind, throwIfAborted } from "@/lib/jobs/define";
import { refreshLabelSignatures } from "./label-signatures";

/**
 * Rebuilds label_signatures (the charts' precomputed source-label counts) for
 * some variations, or all: imports and the seed keep them in step in their own
 * transactions; this is for repairs and for data written some other way.
 * One transaction: the charts see the old counts or the new, never half.
 */
export const labelSignaturesJob = defineJobKind({
  name: "label-signatures",
  payload: z.object({ variationIds: z.array(z.number().int().positive()).max(100_000).optional() }),
  concurrency: 1,
  maxAttempts: 3,
  async run({ payload, databaseUrl, signal, progress }) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const variationIds =
        payload.variationIds ??
        (await client.query<{ id: number }>(`SELECT id FROM prompt_variations ORDER BY id`)).rows.map((row) => row.id);
      await progress(0, variationIds.length, "variations");
      throwIfAborted(signal);
      await client.query("BEGIN");
      await refreshLabelSignatures(client, variationIds);
      throwIfAborted(signal);
      await client.query("COMMIT");
      await progress(variationIds.length, variationIds.length);
      return { variations: variationIds.length };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await client.end();
    }
  },
});
