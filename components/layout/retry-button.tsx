"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const AUTO_RETRY_MS = 5_000;

export function RetryButton() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), AUTO_RETRY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <button
      type="button"
      onClick={() => router.refresh()}
      className="mt-4 rounded-md bg-amber-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-700"
    >
      Retry now
    </button>
  );
}
