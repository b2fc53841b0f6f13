/** The admin console's action, callback and input ids: one spelling for the views and the listeners. */
export const ADMIN_ACTION = {
  openRevoke: 'admin_open_revoke',
  openRequest: 'admin_open_request',
  export: 'admin_export',
  retryTags: 'admin_retry_tags',
} as const;

export const ADMIN_CALLBACK = {
  revokePick: 'admin_revoke_pick',
  revokeConfirm: 'admin_revoke_confirm',
  request: 'admin_request',
} as const;

export const ADMIN_INPUT = {
  revokeMember: { blockId: 'revoke_member', actionId: 'revoke_member_input' },
  requestMembers: { blockId: 'request_members', actionId: 'request_members_input' },
  requestChannel: { blockId: 'request_channel', actionId: 'request_channel_input' },
  requestGroup: { blockId: 'request_group', actionId: 'request_group_input' },
} as const;
