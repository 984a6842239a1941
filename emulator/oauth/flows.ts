import { randomBytes } from "node:crypto";
import type { AuthRequest } from "./authorize-request";

/** An authorization in progress between the chooser, the consent screen and the redirect. */
export interface PendingFlow {
  id: string;
  request: AuthRequest;
  email?: string;
  /** The scopes the consent screen lists for this account (the ones not granted yet). */
  shown?: string[];
  expiresAt: number;
}

const FLOW_TTL_MS = 30 * 60_000;

export class FlowStore {
  private readonly flows = new Map<string, PendingFlow>();

  create(request: AuthRequest, email?: string): PendingFlow {
    this.prune();
    const flow: PendingFlow = { id: randomBytes(18).toString("base64url"), request, expiresAt: Date.now() + FLOW_TTL_MS };
    if (email !== undefined) flow.email = email;
    this.flows.set(flow.id, flow);
    return flow;
  }

  get(id: string): PendingFlow | undefined {
    const flow = this.flows.get(id);
    return flow && flow.expiresAt > Date.now() ? flow : undefined;
  }

  /** A flow ends once it redirects back to the client (back/forward cannot replay it). */
  finish(id: string): void {
    this.flows.delete(id);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, flow] of this.flows) if (flow.expiresAt <= now) this.flows.delete(id);
  }
}
