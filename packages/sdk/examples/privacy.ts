/** Privacy: the signed-in viewer reads and sets their consents. */
import { createShoppableClient } from "@shoppable/sdk";

export async function privacyExample(url: string, publishableKey: string, userToken: string) {
  const client = createShoppableClient({ url, apiKey: publishableKey, userToken });
  const { consent } = await client.viewerConsentUpdate({ personalization: false, analytics: true });
  const viewer = await client.viewer();
  return { consent, roles: viewer.roles };
}
