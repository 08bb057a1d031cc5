import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/api/create-token-form";
import { RevokeTokenButton } from "@/components/api/revoke-token-button";
import { listApiTokens } from "@/lib/api/tokens";
import { pgPool } from "@/lib/db/pg-pool";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "API tokens" };

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

export default page({}, async ({ viewer }) => {
  const tokens = await listApiTokens(pgPool(), viewer.id);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="mt-1 text-sm text-slate-600">
          Personal tokens for scripts calling <code className="font-mono text-xs">/api/v1</code> (described in{" "}
          <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
          ). A token acts as you, with your role ({viewer.role}) or lower if your role is lowered later. Send it as{" "}
          <code className="font-mono text-xs">Authorization: Bearer afl_…</code>. Only a hash is kept: a lost token cannot be shown again,
          revoke it and create another.
        </p>
      </div>
      <CreateTokenForm />
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">You have no tokens yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-4 font-medium">Name</th>
              <th className="py-2 pr-4 font-medium">Token</th>
              <th className="py-2 pr-4 font-medium">Role</th>
              <th className="py-2 pr-4 font-medium">Created</th>
              <th className="py-2 pr-4 font-medium">Last used</th>
              <th className="py-2 font-medium">State</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((token) => (
              <tr key={token.id} className={token.revokedAt ? "text-slate-400" : undefined}>
                <td className="py-2 pr-4">{token.name}</td>
                <td className="py-2 pr-4 font-mono text-xs">{token.prefix}…</td>
                <td className="py-2 pr-4">{token.role}</td>
                <td className="py-2 pr-4">{when(token.createdAt)}</td>
                <td className="py-2 pr-4">{when(token.lastUsedAt)}</td>
                <td className="py-2">
                  {token.revokedAt ? `Revoked ${when(token.revokedAt)}` : <RevokeTokenButton id={token.id} name={token.name} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
