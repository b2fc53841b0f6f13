/** Ids shared by the view builders and the listeners: one spelling, so an error always lands on its input. */
export const CALLBACK = {
  phoneStep: 'verify_phone_number',
  codeStep: 'verify_phone_code',
  removeConfirm: 'verify_phone_remove',
} as const;

export const PHONE_INPUT = { blockId: 'phone_block', actionId: 'phone_input' } as const;
export const CODE_INPUT = { blockId: 'code_block', actionId: 'code_input' } as const;

export const ACTION = {
  /** Home tab button: opens a new modal. */
  startVerification: 'start_verification',
  /** Inside a modal: back to the number step with a new flow ("Use a different number", "Start again"). */
  restartVerification: 'restart_verification',
  /** Code step and send failures: a new code for the same flow. */
  resendCode: 'resend_code',
  /** Code step and send failures: a new code for the same flow, read out by a call. */
  callCode: 'call_code',
  /** A workflow's verification request DM: "Not now", its value the step's execution id. */
  declineRequest: 'decline_verification_request',
} as const;

/** The Workflow Builder steps' callback ids, as the manifests declare them under `functions`. */
export const WORKFLOW_STEP = {
  check: 'check_phone_verification',
  request: 'request_phone_verification',
} as const;

export const COMMAND = '/verify-phone';
