import type { NewUser } from '../emulators/slack';

/** A member of the playground's workspace, with the number of the phone they hold. */
export interface PlaygroundMember extends NewUser {
  readonly phone: string;
}

/** Olivia is the workspace owner (the admin token is hers); Sofía's Slack speaks Spanish. */
export const MEMBERS: readonly PlaygroundMember[] = [
  { id: 'U0OLIVIA', name: 'olivia', realName: 'Olivia', role: 'owner', phone: '+61491570110', tz: 'Australia/Sydney' },
  { id: 'U0SAM', name: 'sam', realName: 'Sam', phone: '+61491570156', tz: 'Australia/Sydney' },
  { id: 'U0SOFIA', name: 'sofia', realName: 'Sofía', phone: '+34612345678', tz: 'Europe/Madrid', locale: 'es-ES' },
];

export const [OWNER] = MEMBERS as [PlaygroundMember, ...PlaygroundMember[]];

/** The channel the composer types into, as the driver reports it in slash commands. */
export const CHANNEL = { id: 'C0000GENERAL', name: 'general' } as const;

/** What the admin modals' pickers offer besides the members: the emulator has no channels or groups. */
export const CHANNELS = [CHANNEL, { id: 'C0000RANDOM', name: 'random' }] as const;
export const USER_GROUPS = [{ id: 'S0000ADMINS', handle: 'admins', name: 'Admins' }] as const;
