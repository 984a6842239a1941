const RISC = "https://schemas.openid.net/secevent/risc/event-type/";
const OAUTH = "https://schemas.openid.net/secevent/oauth/event-type/";

/** Google's Cross-Account Protection event types: short name → the URI a SET carries. */
export const EVENT_TYPES = {
  "sessions-revoked": `${RISC}sessions-revoked`,
  "tokens-revoked": `${OAUTH}tokens-revoked`,
  "token-revoked": `${OAUTH}token-revoked`,
  "account-disabled": `${RISC}account-disabled`,
  "account-enabled": `${RISC}account-enabled`,
  "account-credential-change-required": `${RISC}account-credential-change-required`,
  verification: `${RISC}verification`,
} as const;

export type EventName = keyof typeof EVENT_TYPES;

export const EVENT_NAMES = Object.keys(EVENT_TYPES) as EventName[];

export const PUSH_DELIVERY_METHOD = "https://schemas.openid.net/secevent/risc/delivery-method/push";

/** Accepts a short name (`tokens-revoked`) or the full URI, as the stream config and the control API allow both. */
export function eventNameOf(value: string): EventName | undefined {
  return EVENT_NAMES.find((name) => name === value || EVENT_TYPES[name] === value);
}
