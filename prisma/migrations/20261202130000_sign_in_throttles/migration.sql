-- Sign-in throttling kept in PostgreSQL, shared by every web server (issue 13).

-- CreateEnum
CREATE TYPE "SignInThrottleScope" AS ENUM ('account_client', 'account_untrusted', 'address');

-- CreateEnum
CREATE TYPE "SignInLockEventKind" AS ENUM ('lock', 'clear');

-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "scope" "SignInThrottleScope" NOT NULL,
    "key" TEXT NOT NULL,
    "email" TEXT,
    "client" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locks" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "sign_in_lock_events" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "SignInLockEventKind" NOT NULL,
    "scope" "SignInThrottleScope" NOT NULL,
    "key" TEXT NOT NULL,
    "email" TEXT,
    "client" TEXT,
    "locked_until" TIMESTAMPTZ(3),
    "failures" INTEGER,
    "actor_id" TEXT,

    CONSTRAINT "sign_in_lock_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_throttles_email_idx" ON "sign_in_throttles"("email");

-- CreateIndex
CREATE INDEX "sign_in_lock_events_at_idx" ON "sign_in_lock_events"("at");

-- AddForeignKey
ALTER TABLE "sign_in_lock_events" ADD CONSTRAINT "sign_in_lock_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
