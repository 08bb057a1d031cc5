import type { Page, Request } from "@playwright/test";

/** The server action request a page sends when `act` runs (its id is in the Next-Action header). */
export async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const request = page.waitForRequest((candidate) => candidate.method() === "POST" && Boolean(candidate.headers()["next-action"]));
  await act();
  return request;
}

/**
 * The same, with the action's answer as the server sent it. The answer is read
 * by Playwright as it passes (page.route), not asked of the browser afterwards:
 * the browser drops a response's body once the page navigates or refreshes,
 * and a saved form refreshes its page (seen in CI as "No data found for resource").
 */
export async function captureActionAnswer(page: Page, act: () => Promise<void>): Promise<{ request: Request; answer: Promise<string> }> {
  let settle: (text: string) => void = () => {};
  const answer = new Promise<string>((resolve) => (settle = resolve));
  const handler = async (route: import("@playwright/test").Route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    settle(await response.text());
    await route.fulfill({ response });
  };
  await page.route("**/*", handler);
  const request = await captureAction(page, act);
  void answer.finally(() => page.unroute("**/*", handler));
  return { request, answer };
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
