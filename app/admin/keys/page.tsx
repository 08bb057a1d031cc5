import type { Metadata } from "next";
import { ProviderKeys } from "@/components/admin/provider-keys";
import { providerKeysForAdmin } from "@/lib/access/judges";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Provider keys" };

/** Admins only: the model-provider keys judges name, where each is set, and a form to set, replace or delete one. */
export default page({ role: "admin" }, async () => {
  const keys = await providerKeysForAdmin();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Provider keys</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          A judge names the key it calls its provider with. The key is read from the server&apos;s environment (
          <code>JUDGE_KEY_&lt;NAME&gt;</code>) or, failing that, from a key saved here, stored encrypted. Saved values are never shown
          again, logged or exported: only their names are.
        </p>
      </div>
      <ProviderKeys keys={keys.map((key) => ({ ...key, updatedAt: key.updatedAt?.toISOString() ?? null }))} />
    </div>
  );
});
