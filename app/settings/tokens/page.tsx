import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/api/create-token-form";
import { RevokeTokenButton } from "@/components/api/revoke-token-button";
import { listApiTokens } from "@/lib/api/tokens";
import { pgPool } from "@/lib/db/pg-pool";
import { page } from "@/lib/server/page";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

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
        <Table aria-label="API tokens">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Role</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>State</Th>
            </Tr>
          </THead>
          <Tbody>
            {tokens.map((token) => (
              <Tr key={token.id} className={token.revokedAt ? "text-slate-400" : undefined}>
                <Td>{token.name}</Td>
                <Td className="font-mono text-xs">{token.prefix}…</Td>
                <Td>{token.role}</Td>
                <Td>{when(token.createdAt)}</Td>
                <Td>{when(token.lastUsedAt)}</Td>
                <Td>{token.revokedAt ? `Revoked ${when(token.revokedAt)}` : <RevokeTokenButton id={token.id} name={token.name} />}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </div>
  );
});
