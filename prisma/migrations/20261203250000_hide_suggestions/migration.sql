-- Hiding imported labels and judge suggestions while labelling (issue 15 item 7, issue 16 item 7).
-- A queue may hide them from its annotators until they submit (blind queues always do, whatever this says);
-- outside queues each user has a personal toggle, NULL meaning the default for their role
-- (hidden for annotators, shown for leads: lib/access/policy.ts).

-- AlterTable
ALTER TABLE "label_queues" ADD COLUMN "hide_suggestions" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "labelling_preferences" (
    "user_id" TEXT NOT NULL,
    "hide_suggestions" BOOLEAN,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "labelling_preferences_pkey" PRIMARY KEY ("user_id")
);

-- AddForeignKey
ALTER TABLE "labelling_preferences" ADD CONSTRAINT "labelling_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
