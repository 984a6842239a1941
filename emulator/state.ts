import { FaultSet } from "./control/faults";
import { RequestLog } from "./control/request-log";
import { ClientRegistry } from "./oauth/clients";
import { ResumableSessions } from "./gmail/resumable-sessions";
import { FlowStore } from "./oauth/flows";
import { createSigningKeys, type SigningKeys } from "./oauth/keys";
import { TokenStore } from "./oauth/token-store";
import { GmailPublisher } from "./pubsub/publish";
import { PubsubState } from "./pubsub/pubsub-state";
import { PushQueues } from "./pubsub/push-queue";
import { RiscState } from "./risc/risc-state";
import { seedDirectory } from "./seed";
import type { UserDirectory } from "./users";

/** While set, the authorization endpoint answers at once as this user (Node tests need no browser). */
export interface ConsentAutomation {
  email?: string;
  /** The scopes left ticked; only those among the ones the screen shows count (default: all of them). */
  grantScopes?: string[];
  /** Press Cancel: `error=access_denied`, the earlier grant unchanged. */
  deny?: boolean;
}

/** Size caps of writing mail, in bytes of the RFC 2822 message. */
export interface WriteLimits {
  /** `raw` in a JSON body (metadata URI): Google's front end answers 413 from about 6.5 MiB. */
  metadataRawBytes: number;
  /** The `/upload/` URI of messages.send and drafts.*: 35 MiB (36,700,160 bytes). */
  uploadBytes: number;
}

export const DEFAULT_WRITE_LIMITS: Readonly<WriteLimits> = { metadataRawBytes: 6_815_744, uploadBytes: 36_700_160 };

/**
 * Everything one emulator instance holds. Nothing lives in module scope, so several emulators can run in
 * one process (the test suite does). Handlers read these fields per request because reset replaces them.
 */
export interface EmulatorState {
  users: UserDirectory;
  tokens: TokenStore;
  clients: ClientRegistry;
  flows: FlowStore;
  keys: Promise<SigningKeys>;
  faults: FaultSet;
  log: RequestLog;
  latencyMs: number;
  consent: ConsentAutomation | undefined;
  limits: WriteLimits;
  /** Resumable uploads of messages.send and drafts.* in progress. */
  readonly uploads: ResumableSessions;
  /** Cross-Account Protection: the stream SETs are pushed to and the delivery log. */
  readonly risc: RiscState;
  /** Gmail push: topics, push subscriptions, watches, deliveries. */
  readonly pubsub: PubsubState;
  readonly pushQueues: PushQueues;
  readonly publisher: GmailPublisher;
  readonly initialLatencyMs: number;
}

export function createState(initialLatencyMs: number): EmulatorState {
  const keys = createSigningKeys();
  // Handlers await the key; this only keeps a failure from becoming an unhandled rejection at start-up.
  keys.catch((error: unknown) => console.error("emulator: key generation failed", error));
  const pubsub = new PubsubState();
  const pushQueues = new PushQueues(pubsub, () => keys);
  const state: EmulatorState = {
    users: seedDirectory(),
    tokens: new TokenStore(),
    clients: new ClientRegistry(),
    flows: new FlowStore(),
    keys,
    faults: new FaultSet(),
    log: new RequestLog(),
    latencyMs: initialLatencyMs,
    consent: undefined,
    limits: { ...DEFAULT_WRITE_LIMITS },
    uploads: new ResumableSessions(),
    risc: new RiscState(),
    pubsub,
    pushQueues,
    publisher: new GmailPublisher(pubsub, pushQueues),
    initialLatencyMs,
  };
  watchMailboxes(state);
  return state;
}

/** Every mailbox change reaches the Gmail publisher (push); wired again whenever the directory is replaced. */
function watchMailboxes(state: EmulatorState): void {
  state.users.onChange = (email, record) => state.publisher.mailboxChanged(email, record);
}

/** `POST /__emulator/reset`: the seed again, no tokens, grants, clients, faults, logs, stats, RISC stream, watches or subscriptions. The key stays. */
export function resetState(state: EmulatorState): void {
  state.users = seedDirectory(state.users);
  state.tokens = new TokenStore();
  state.clients = new ClientRegistry();
  state.flows = new FlowStore();
  state.faults.reset();
  state.log.clearAll();
  state.latencyMs = state.initialLatencyMs;
  state.consent = undefined;
  state.limits = { ...DEFAULT_WRITE_LIMITS };
  state.uploads.clear();
  state.risc.reset();
  state.pushQueues.stopAll();
  state.pubsub.reset();
  watchMailboxes(state);
}
