-- Mappings saved by name, so the import page, the CLI and the API can reuse one
-- (POST /api/v1/imports?mapping=NAME). The shipped examples in
-- docs/import/mappings/ are found by name too, without a row.
CREATE TABLE "import_mappings" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "mapping" JSONB NOT NULL,
    "created_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "import_mappings_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "import_mappings_name_key" ON "import_mappings"("name");

-- Who started an import, as an account (created_by keeps how: "web:<email>", "api:<email>", "cli:<os user>").
ALTER TABLE "imports" ADD COLUMN "user_id" TEXT;
ALTER TABLE "imports" ADD CONSTRAINT "imports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "imports_user_id_idx" ON "imports"("user_id");
