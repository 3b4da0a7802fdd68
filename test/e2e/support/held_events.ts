import type { Page } from '@playwright/test';

/**
 * Holds back one kind of event on its way from the kiosk to the page, so a screen that is normally on show for a
 * fraction of a second (the print spinner while a ticket prints) stays long enough to be measured. Everything else
 * passes through unchanged. Set up before the page loads; `release()` delivers what was held, in order.
 */
export async function holdEvents(
  page: Page,
  matches: (frame: { event?: string; payload?: unknown }) => boolean,
): Promise<{ hold(on: boolean): void; release(): void }> {
  let holding = false;
  const held: { send: (message: string) => void; message: string }[] = [];
  await page.routeWebSocket(/\/rpc/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const text = typeof message === 'string' ? message : message.toString('utf8');
      let frame: { event?: string; payload?: unknown } = {};
      try {
        frame = JSON.parse(text) as typeof frame;
      } catch {
        // Not JSON: pass it on as it is.
      }
      if (holding && matches(frame)) held.push({ send: (m) => ws.send(m), message: text });
      else ws.send(message);
    });
    ws.onMessage((message) => server.send(message));
  });
  return {
    hold: (on) => {
      holding = on;
    },
    release: () => {
      holding = false;
      for (const { send, message } of held.splice(0)) send(message);
    },
  };
}
