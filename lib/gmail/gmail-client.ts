import "server-only";
// The official Node client. One instance per process (building it creates hundreds of method objects, which
// per request showed up as memory churn under load); each call is authorised with its own access token.
// It never refreshes by itself (it has no refresh token): refreshing is lib/tokens' job, so that one refresh
// serves every concurrent request.
import { gmail, type gmail_v1 } from "@googleapis/gmail";
import { OAuth2Client } from "google-auth-library";
import { getConfig } from "../config";
import { observedAdapter } from "./observed-adapter";
import { gmailClientRetryConfig } from "./retry-policy";

let shared: gmail_v1.Gmail | undefined;

function sharedClient(): gmail_v1.Gmail {
  shared ??= gmail({
    version: "v1",
    rootUrl: getConfig().google.endpoints.gmailRoot,
    retryConfig: gmailClientRetryConfig,
    timeout: 15_000,
    adapter: observedAdapter,
  });
  return shared;
}

/** The client's `users` API, with every call authorised by `accessToken`. */
export function gmailUsersFor(accessToken: string) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  const users = sharedClient().users;
  return {
    listMessages: (params: Omit<gmail_v1.Params$Resource$Users$Messages$List, "auth">) => users.messages.list({ ...params, auth }),
    getMessage: (params: Omit<gmail_v1.Params$Resource$Users$Messages$Get, "auth">) => users.messages.get({ ...params, auth }),
    listLabels: (params: Omit<gmail_v1.Params$Resource$Users$Labels$List, "auth">) => users.labels.list({ ...params, auth }),
    createLabel: (params: Omit<gmail_v1.Params$Resource$Users$Labels$Create, "auth">) => users.labels.create({ ...params, auth }),
    getProfile: (params: Omit<gmail_v1.Params$Resource$Users$Getprofile, "auth">) => users.getProfile({ ...params, auth }),
    listHistory: (params: Omit<gmail_v1.Params$Resource$Users$History$List, "auth">) => users.history.list({ ...params, auth }),
    watch: (params: Omit<gmail_v1.Params$Resource$Users$Watch, "auth">) => users.watch({ ...params, auth }),
    stop: (params: Omit<gmail_v1.Params$Resource$Users$Stop, "auth">) => users.stop({ ...params, auth }),
    listThreads: (params: Omit<gmail_v1.Params$Resource$Users$Threads$List, "auth">) => users.threads.list({ ...params, auth }),
    getThread: (params: Omit<gmail_v1.Params$Resource$Users$Threads$Get, "auth">) => users.threads.get({ ...params, auth }),
    getAttachment: (params: Omit<gmail_v1.Params$Resource$Users$Messages$Attachments$Get, "auth">) =>
      users.messages.attachments.get({ ...params, auth }),
    // The answer's body as it arrives, unparsed (decoded-field-stream reads it): a 20 MB file is 27 MB of
    // JSON. No overall timeout, since a large body may take longer than any fixed time to relay; the caller
    // aborts through `signal` when Gmail stalls or the client goes away.
    streamAttachment: (params: Omit<gmail_v1.Params$Resource$Users$Messages$Attachments$Get, "auth">, signal: AbortSignal) =>
      users.messages.attachments.get({ ...params, auth }, { responseType: "stream", timeout: 0, signal }),
    streamRawMessage: (params: { userId: string; id: string }, signal: AbortSignal) =>
      users.messages.get({ ...params, format: "raw", auth }, { responseType: "stream", timeout: 0, signal }),
  };
}

/** The client's `users` API and the credentials to pass as `auth`, for the calls above does not wrap (drafts). */
export function gmailApiFor(accessToken: string) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  return { users: sharedClient().users, auth };
}
