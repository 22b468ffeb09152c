/** Live shopping: schedule, go live, pin a product at a live-only price, end with a replay. */
import { createShoppableClient } from "@shoppable/sdk";

export async function liveExample(url: string, publishableKey: string, hostToken: string, productId: string) {
  const host = createShoppableClient({ url, apiKey: publishableKey, userToken: hostToken });
  const { liveSession } = await host.liveSessionSchedule({
    title: "Friday drop",
    scheduledAt: new Date(Date.now() + 60_000).toISOString(),
  });
  if (!liveSession) throw new Error("not scheduled");
  await host.liveSessionStart({ id: liveSession.id });
  const pinned = await host.liveSessionPinProduct({
    liveSessionId: liveSession.id,
    productId,
    livePrice: "19.00",
    quantityCap: 50,
  });
  const pin = pinned.liveSession?.pinnedProducts[0];
  const ended = await host.liveSessionEnd({
    id: liveSession.id,
    replay: { url: "https://cdn.example.com/replay.mp4", durationMs: 3_600_000 },
  });
  return {
    livePrice: pin?.livePrice?.amount,
    status: ended.liveSession?.status,
    replayPostId: ended.liveSession?.replayPostId,
  };
}
