import type { Page, Request } from "@playwright/test";

/** The server action request a page sends when `act` runs (its id is in the Next-Action header). */
export async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const request = page.waitForRequest((candidate) => candidate.method() === "POST" && Boolean(candidate.headers()["next-action"]));
  await act();
  return request;
}

/** Sends a captured server action again, from another page's session (or none); answers the response's text. */
export async function replay(page: Page, request: Request) {
  return (await replayResponse(page, request)).text();
}

/** The same, the whole response (redirects are not followed). */
export async function replayResponse(page: Page, request: Request) {
  const headers = await request.allHeaders();
  const response = await page.request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: headers.accept ?? "text/x-component",
      origin: new URL(request.url()).origin,
    },
    data: request.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  return response;
}
