import "server-only";
import { db } from "@/lib/db/client";

/** Every prompt variation's name and its setting's (the registry: no transcript, no label). */
export function variationNames() {
  return db().promptVariation.findMany({ select: { id: true, name: true, setting: { select: { name: true } } } });
}
