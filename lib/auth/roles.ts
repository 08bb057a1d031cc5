import { z } from "zod";
import { UserRole } from "@/lib/generated/prisma/enums";

export { UserRole };

/** The roles, declared once in prisma/schema.prisma (`enum UserRole`). */
export const roleSchema = z.enum(UserRole);

/** Least to most privileged: each role can do everything the ones before it can. */
export const ROLE_ORDER: readonly UserRole[] = ["annotator", "lead", "admin"];

export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  annotator: "labels transcripts",
  lead: "labels, edits the label schema, reads the audit log",
  admin: "everything a lead can, and manages users",
};

/** True when `role` is at least `required` (an admin passes a lead check). */
export function hasRole(role: string | null | undefined, required: UserRole): boolean {
  const rank = ROLE_ORDER.indexOf(role as UserRole);
  return rank >= 0 && rank >= ROLE_ORDER.indexOf(required);
}
