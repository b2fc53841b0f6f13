import type { webApi } from '@slack/bolt';

/** The app's direct-message channel with a member (`conversations.open`, scope `im:write`). */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string | undefined> {
  const opened = await client.conversations.open({ users: userId });
  return opened.channel?.id;
}

/** Posts `message` to the member's DM with the app. Throws what the Web API throws. */
export async function sendDirectMessage(
  client: webApi.WebClient,
  userId: string,
  message: { readonly text: string; readonly blocks: unknown[] },
): Promise<void> {
  const channel = await openDirectMessage(client, userId);
  if (channel) await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
}
