/**
 * The SMS a member receives. The code must be the only run of digits in it, so phones can offer
 * it for autofill and nothing else in the text can be mistaken for it.
 */
export function verificationSmsText(code: string, workspaceName: string, ttlSeconds: number): string {
  const workspace = /\d/.test(workspaceName) || workspaceName.trim() === '' ? 'Slack' : workspaceName.trim();
  return `Your ${workspace} verification code is ${code}. It expires in ${describeDuration(ttlSeconds)}. Don't share it with anyone.`;
}

/** "10 minutes", "2 hours": at most two digits, so it never looks like a code. */
export function describeDuration(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** "25 seconds", "3 minutes", "2 hours": how long a member must wait. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? '1 second' : `${Math.ceil(seconds)} seconds`;
  return describeDuration(seconds);
}
