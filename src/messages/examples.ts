/** The example number shown to members in every language: a fictional Australian mobile, and how it is masked. */
export const EXAMPLE_NUMBER = '+61 491 570 156';
export const MASKED_EXAMPLE = '+61 4•• ••• 156';
