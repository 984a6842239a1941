// Every header of an outgoing message is built from a person's input (names, subject, file names). Recipients
// come from the headers alone on Gmail's side, so a CR/LF smuggled into any of them would add a header of the
// sender's choosing (`\r\nBcc: someone@else`): such input is refused outright, never repaired.

/** C0 control characters (CR and LF among them) and DEL. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Whether `value` may stand in a header as it is. */
export function isSafeHeaderText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

/** Gmail's subjects are one line; 998 octets is RFC 5322's line limit, and no one types a longer subject. */
export const MAX_SUBJECT_LENGTH = 900;
