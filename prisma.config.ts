import { defineConfig } from "prisma/config";

// The URL is only needed by Prisma's CLI on a connected machine (e.g. to check
// `prisma migrate status`); the app builds its own connection in lib/db.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
